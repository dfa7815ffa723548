from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.sample import Sample
from ...models.sample_update import SampleUpdate
from ...types import Response


def _get_kwargs(
    sample_id: str,
    *,
    body: SampleUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/samples/{sample_id}".format(
            sample_id=quote(str(sample_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | Sample | None:
    if response.status_code == 200:
        response_200 = Sample.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorDetail.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorDetail.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorDetail.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorDetail | HTTPValidationError | Sample]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleUpdate,
) -> Response[ErrorDetail | HTTPValidationError | Sample]:
    """Update a sample

     Changes the fields present in the body. Needs write access (the owner). Only the owner or an admin
    may change the owner (`owner_orcid` or `owner_user_id`): write access through a group does not allow
    it (403); sending the current owner again is harmless. The owner cannot be removed (null answers
    422). A new owner must be an existing user and a new `project_id` an existing project (422), one the
    caller belongs to unless they are an admin (403). Post-seed (January 2026).

    Args:
        sample_id (str): Sample MFID.
        body (SampleUpdate): A partial sample: only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | Sample]
    """

    kwargs = _get_kwargs(
        sample_id=sample_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleUpdate,
) -> ErrorDetail | HTTPValidationError | Sample | None:
    """Update a sample

     Changes the fields present in the body. Needs write access (the owner). Only the owner or an admin
    may change the owner (`owner_orcid` or `owner_user_id`): write access through a group does not allow
    it (403); sending the current owner again is harmless. The owner cannot be removed (null answers
    422). A new owner must be an existing user and a new `project_id` an existing project (422), one the
    caller belongs to unless they are an admin (403). Post-seed (January 2026).

    Args:
        sample_id (str): Sample MFID.
        body (SampleUpdate): A partial sample: only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | Sample
    """

    return sync_detailed(
        sample_id=sample_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleUpdate,
) -> Response[ErrorDetail | HTTPValidationError | Sample]:
    """Update a sample

     Changes the fields present in the body. Needs write access (the owner). Only the owner or an admin
    may change the owner (`owner_orcid` or `owner_user_id`): write access through a group does not allow
    it (403); sending the current owner again is harmless. The owner cannot be removed (null answers
    422). A new owner must be an existing user and a new `project_id` an existing project (422), one the
    caller belongs to unless they are an admin (403). Post-seed (January 2026).

    Args:
        sample_id (str): Sample MFID.
        body (SampleUpdate): A partial sample: only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | Sample]
    """

    kwargs = _get_kwargs(
        sample_id=sample_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleUpdate,
) -> ErrorDetail | HTTPValidationError | Sample | None:
    """Update a sample

     Changes the fields present in the body. Needs write access (the owner). Only the owner or an admin
    may change the owner (`owner_orcid` or `owner_user_id`): write access through a group does not allow
    it (403); sending the current owner again is harmless. The owner cannot be removed (null answers
    422). A new owner must be an existing user and a new `project_id` an existing project (422), one the
    caller belongs to unless they are an admin (403). Post-seed (January 2026).

    Args:
        sample_id (str): Sample MFID.
        body (SampleUpdate): A partial sample: only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | Sample
    """

    return (
        await asyncio_detailed(
            sample_id=sample_id,
            client=client,
            body=body,
        )
    ).parsed
