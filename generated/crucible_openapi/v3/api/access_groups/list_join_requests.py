from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.join_request_offset_page import JoinRequestOffsetPage
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    group_name: str | Unset = UNSET,
    status: str | Unset = UNSET,
    requester_id: str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["group_name"] = group_name

    params["status"] = status

    params["requester_id"] = requester_id

    params["limit"] = limit

    params["offset"] = offset

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/join_requests",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | JoinRequestOffsetPage | None:
    if response.status_code == 200:
        response_200 = JoinRequestOffsetPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | JoinRequestOffsetPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    group_name: str | Unset = UNSET,
    status: str | Unset = UNSET,
    requester_id: str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | JoinRequestOffsetPage]:
    """List join requests

     Join requests, most recent first, for administrators and group leads (a lead must give
    `group_name`). There is no single-record route. Elevation: the client sends `Crucible-Privilege-
    Mode: elevated` only when the caller's profile says `can_elevate`, and no header otherwise. Used for
    the administrator scan without `group_name`.

    Args:
        group_name (str | Unset):
        status (str | Unset):
        requester_id (str | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | JoinRequestOffsetPage]
    """

    kwargs = _get_kwargs(
        group_name=group_name,
        status=status,
        requester_id=requester_id,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    group_name: str | Unset = UNSET,
    status: str | Unset = UNSET,
    requester_id: str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | JoinRequestOffsetPage | None:
    """List join requests

     Join requests, most recent first, for administrators and group leads (a lead must give
    `group_name`). There is no single-record route. Elevation: the client sends `Crucible-Privilege-
    Mode: elevated` only when the caller's profile says `can_elevate`, and no header otherwise. Used for
    the administrator scan without `group_name`.

    Args:
        group_name (str | Unset):
        status (str | Unset):
        requester_id (str | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | JoinRequestOffsetPage
    """

    return sync_detailed(
        client=client,
        group_name=group_name,
        status=status,
        requester_id=requester_id,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    group_name: str | Unset = UNSET,
    status: str | Unset = UNSET,
    requester_id: str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | JoinRequestOffsetPage]:
    """List join requests

     Join requests, most recent first, for administrators and group leads (a lead must give
    `group_name`). There is no single-record route. Elevation: the client sends `Crucible-Privilege-
    Mode: elevated` only when the caller's profile says `can_elevate`, and no header otherwise. Used for
    the administrator scan without `group_name`.

    Args:
        group_name (str | Unset):
        status (str | Unset):
        requester_id (str | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | JoinRequestOffsetPage]
    """

    kwargs = _get_kwargs(
        group_name=group_name,
        status=status,
        requester_id=requester_id,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    group_name: str | Unset = UNSET,
    status: str | Unset = UNSET,
    requester_id: str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | JoinRequestOffsetPage | None:
    """List join requests

     Join requests, most recent first, for administrators and group leads (a lead must give
    `group_name`). There is no single-record route. Elevation: the client sends `Crucible-Privilege-
    Mode: elevated` only when the caller's profile says `can_elevate`, and no header otherwise. Used for
    the administrator scan without `group_name`.

    Args:
        group_name (str | Unset):
        status (str | Unset):
        requester_id (str | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | JoinRequestOffsetPage
    """

    return (
        await asyncio_detailed(
            client=client,
            group_name=group_name,
            status=status,
            requester_id=requester_id,
            limit=limit,
            offset=offset,
            cursor=cursor,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
