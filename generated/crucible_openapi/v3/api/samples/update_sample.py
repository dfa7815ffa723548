from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.sample import Sample
from ...models.sample_update import SampleUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    sample_mfid: str,
    *,
    body: SampleUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/samples/{sample_mfid}".format(
            sample_mfid=quote(str(sample_mfid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | Sample | None:
    if response.status_code == 200:
        response_200 = Sample.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | Sample]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | Sample]:
    """Update a sample

     Changes the fields present in the body. Owner, project and visibility have their own routes
    (`owner_orcid` and `project_id` are no longer accepted).

    Args:
        sample_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (SampleUpdate): Partial update of a sample. Owner, project and visibility change
            through their own routes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | Sample]
    """

    kwargs = _get_kwargs(
        sample_mfid=sample_mfid,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | Sample | None:
    """Update a sample

     Changes the fields present in the body. Owner, project and visibility have their own routes
    (`owner_orcid` and `project_id` are no longer accepted).

    Args:
        sample_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (SampleUpdate): Partial update of a sample. Owner, project and visibility change
            through their own routes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | Sample
    """

    return sync_detailed(
        sample_mfid=sample_mfid,
        client=client,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | Sample]:
    """Update a sample

     Changes the fields present in the body. Owner, project and visibility have their own routes
    (`owner_orcid` and `project_id` are no longer accepted).

    Args:
        sample_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (SampleUpdate): Partial update of a sample. Owner, project and visibility change
            through their own routes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | Sample]
    """

    kwargs = _get_kwargs(
        sample_mfid=sample_mfid,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | Sample | None:
    """Update a sample

     Changes the fields present in the body. Owner, project and visibility have their own routes
    (`owner_orcid` and `project_id` are no longer accepted).

    Args:
        sample_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (SampleUpdate): Partial update of a sample. Owner, project and visibility change
            through their own routes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | Sample
    """

    return (
        await asyncio_detailed(
            sample_mfid=sample_mfid,
            client=client,
            body=body,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
