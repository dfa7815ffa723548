from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.resource_record import ResourceRecord
from ...types import UNSET, Response, Unset


def _get_kwargs(
    mfid: str,
    *,
    include_links: bool | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_datasets: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["include_links"] = include_links

    params["include_metadata"] = include_metadata

    params["include_owner"] = include_owner

    params["include_datasets"] = include_datasets

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/resources/{mfid}".format(
            mfid=quote(str(mfid), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | ResourceRecord | None:
    if response.status_code == 200:
        response_200 = ResourceRecord.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | ResourceRecord]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    mfid: str,
    *,
    client: AuthenticatedClient | Client,
    include_links: bool | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_datasets: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ResourceRecord]:
    """Get any record

     A dataset, sample, project or instrument by MFID, with `resource_type`. An unknown MFID answers 404
    (never 200 with null).

    Args:
        mfid (str):
        include_links (bool | Unset):
        include_metadata (bool | Unset):
        include_owner (bool | Unset):
        include_datasets (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ResourceRecord]
    """

    kwargs = _get_kwargs(
        mfid=mfid,
        include_links=include_links,
        include_metadata=include_metadata,
        include_owner=include_owner,
        include_datasets=include_datasets,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    mfid: str,
    *,
    client: AuthenticatedClient | Client,
    include_links: bool | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_datasets: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ResourceRecord | None:
    """Get any record

     A dataset, sample, project or instrument by MFID, with `resource_type`. An unknown MFID answers 404
    (never 200 with null).

    Args:
        mfid (str):
        include_links (bool | Unset):
        include_metadata (bool | Unset):
        include_owner (bool | Unset):
        include_datasets (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ResourceRecord
    """

    return sync_detailed(
        mfid=mfid,
        client=client,
        include_links=include_links,
        include_metadata=include_metadata,
        include_owner=include_owner,
        include_datasets=include_datasets,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    mfid: str,
    *,
    client: AuthenticatedClient | Client,
    include_links: bool | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_datasets: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ResourceRecord]:
    """Get any record

     A dataset, sample, project or instrument by MFID, with `resource_type`. An unknown MFID answers 404
    (never 200 with null).

    Args:
        mfid (str):
        include_links (bool | Unset):
        include_metadata (bool | Unset):
        include_owner (bool | Unset):
        include_datasets (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ResourceRecord]
    """

    kwargs = _get_kwargs(
        mfid=mfid,
        include_links=include_links,
        include_metadata=include_metadata,
        include_owner=include_owner,
        include_datasets=include_datasets,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    mfid: str,
    *,
    client: AuthenticatedClient | Client,
    include_links: bool | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_datasets: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ResourceRecord | None:
    """Get any record

     A dataset, sample, project or instrument by MFID, with `resource_type`. An unknown MFID answers 404
    (never 200 with null).

    Args:
        mfid (str):
        include_links (bool | Unset):
        include_metadata (bool | Unset):
        include_owner (bool | Unset):
        include_datasets (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ResourceRecord
    """

    return (
        await asyncio_detailed(
            mfid=mfid,
            client=client,
            include_links=include_links,
            include_metadata=include_metadata,
            include_owner=include_owner,
            include_datasets=include_datasets,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
