from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset import Dataset
from ...models.dataset_update import DatasetUpdate
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    dsid: str,
    *,
    body: DatasetUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/datasets/{dsid}".format(
            dsid=quote(str(dsid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Dataset | ErrorDetail | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = Dataset.from_dict(response.json())

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
) -> Response[Dataset | ErrorDetail | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetUpdate,
) -> Response[Dataset | ErrorDetail | HTTPValidationError]:
    """Update a dataset

     Changes the fields present in the body. Needs write access. Only the owner or an admin may change
    the owner (`owner_orcid` or `owner_user_id`): write access through a group does not allow it (403);
    sending the current owner again is harmless. The owner cannot be removed (null answers 422). A new
    owner must be an existing user and a new `project_id` an existing project (422), one the caller
    belongs to unless they are an admin (403).

    Args:
        dsid (str): Dataset MFID.
        body (DatasetUpdate): A partial dataset: only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dataset | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetUpdate,
) -> Dataset | ErrorDetail | HTTPValidationError | None:
    """Update a dataset

     Changes the fields present in the body. Needs write access. Only the owner or an admin may change
    the owner (`owner_orcid` or `owner_user_id`): write access through a group does not allow it (403);
    sending the current owner again is harmless. The owner cannot be removed (null answers 422). A new
    owner must be an existing user and a new `project_id` an existing project (422), one the caller
    belongs to unless they are an admin (403).

    Args:
        dsid (str): Dataset MFID.
        body (DatasetUpdate): A partial dataset: only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dataset | ErrorDetail | HTTPValidationError
    """

    return sync_detailed(
        dsid=dsid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetUpdate,
) -> Response[Dataset | ErrorDetail | HTTPValidationError]:
    """Update a dataset

     Changes the fields present in the body. Needs write access. Only the owner or an admin may change
    the owner (`owner_orcid` or `owner_user_id`): write access through a group does not allow it (403);
    sending the current owner again is harmless. The owner cannot be removed (null answers 422). A new
    owner must be an existing user and a new `project_id` an existing project (422), one the caller
    belongs to unless they are an admin (403).

    Args:
        dsid (str): Dataset MFID.
        body (DatasetUpdate): A partial dataset: only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dataset | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DatasetUpdate,
) -> Dataset | ErrorDetail | HTTPValidationError | None:
    """Update a dataset

     Changes the fields present in the body. Needs write access. Only the owner or an admin may change
    the owner (`owner_orcid` or `owner_user_id`): write access through a group does not allow it (403);
    sending the current owner again is harmless. The owner cannot be removed (null answers 422). A new
    owner must be an existing user and a new `project_id` an existing project (422), one the caller
    belongs to unless they are an admin (403).

    Args:
        dsid (str): Dataset MFID.
        body (DatasetUpdate): A partial dataset: only the fields present are changed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dataset | ErrorDetail | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            client=client,
            body=body,
        )
    ).parsed
