from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.sort_direction import SortDirection
from ...models.user_offset_page import UserOffsetPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: str | Unset = UNSET,
    search_fields: list[str] | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    username: str | Unset = UNSET,
    email: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    is_service_account: bool | Unset = UNSET,
    platform_role: list[str] | Unset = UNSET,
    permissive: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["q"] = q

    json_search_fields: list[str] | Unset = UNSET
    if not isinstance(search_fields, Unset):
        json_search_fields = search_fields

    params["search_fields"] = json_search_fields

    params["first_name"] = first_name

    params["last_name"] = last_name

    params["username"] = username

    params["email"] = email

    params["unique_id"] = unique_id

    params["is_service_account"] = is_service_account

    json_platform_role: list[str] | Unset = UNSET
    if not isinstance(platform_role, Unset):
        json_platform_role = platform_role

    params["platform_role"] = json_platform_role

    params["permissive"] = permissive

    params["sort"] = sort

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["include_total"] = include_total

    params["limit"] = limit

    params["offset"] = offset

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | UserOffsetPage | None:
    if response.status_code == 200:
        response_200 = UserOffsetPage.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | UserOffsetPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    search_fields: list[str] | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    username: str | Unset = UNSET,
    email: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    is_service_account: bool | Unset = UNSET,
    platform_role: list[str] | Unset = UNSET,
    permissive: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | UserOffsetPage]:
    """List users

     Users the caller may see: administrators see everyone, others the users sharing an access group.
    Exact lookup: `username` or `email` with `limit=2`. Administrator-only filters and sorts
    (`platform_role`, `email`) answer 403 to others.

    Args:
        q (str | Unset):
        search_fields (list[str] | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        username (str | Unset):
        email (str | Unset):
        unique_id (str | Unset):
        is_service_account (bool | Unset):
        platform_role (list[str] | Unset):
        permissive (bool | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_total (bool | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | UserOffsetPage]
    """

    kwargs = _get_kwargs(
        q=q,
        search_fields=search_fields,
        first_name=first_name,
        last_name=last_name,
        username=username,
        email=email,
        unique_id=unique_id,
        is_service_account=is_service_account,
        platform_role=platform_role,
        permissive=permissive,
        sort=sort,
        direction=direction,
        include_total=include_total,
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
    q: str | Unset = UNSET,
    search_fields: list[str] | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    username: str | Unset = UNSET,
    email: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    is_service_account: bool | Unset = UNSET,
    platform_role: list[str] | Unset = UNSET,
    permissive: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | UserOffsetPage | None:
    """List users

     Users the caller may see: administrators see everyone, others the users sharing an access group.
    Exact lookup: `username` or `email` with `limit=2`. Administrator-only filters and sorts
    (`platform_role`, `email`) answer 403 to others.

    Args:
        q (str | Unset):
        search_fields (list[str] | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        username (str | Unset):
        email (str | Unset):
        unique_id (str | Unset):
        is_service_account (bool | Unset):
        platform_role (list[str] | Unset):
        permissive (bool | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_total (bool | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | UserOffsetPage
    """

    return sync_detailed(
        client=client,
        q=q,
        search_fields=search_fields,
        first_name=first_name,
        last_name=last_name,
        username=username,
        email=email,
        unique_id=unique_id,
        is_service_account=is_service_account,
        platform_role=platform_role,
        permissive=permissive,
        sort=sort,
        direction=direction,
        include_total=include_total,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    search_fields: list[str] | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    username: str | Unset = UNSET,
    email: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    is_service_account: bool | Unset = UNSET,
    platform_role: list[str] | Unset = UNSET,
    permissive: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | UserOffsetPage]:
    """List users

     Users the caller may see: administrators see everyone, others the users sharing an access group.
    Exact lookup: `username` or `email` with `limit=2`. Administrator-only filters and sorts
    (`platform_role`, `email`) answer 403 to others.

    Args:
        q (str | Unset):
        search_fields (list[str] | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        username (str | Unset):
        email (str | Unset):
        unique_id (str | Unset):
        is_service_account (bool | Unset):
        platform_role (list[str] | Unset):
        permissive (bool | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_total (bool | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | UserOffsetPage]
    """

    kwargs = _get_kwargs(
        q=q,
        search_fields=search_fields,
        first_name=first_name,
        last_name=last_name,
        username=username,
        email=email,
        unique_id=unique_id,
        is_service_account=is_service_account,
        platform_role=platform_role,
        permissive=permissive,
        sort=sort,
        direction=direction,
        include_total=include_total,
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
    q: str | Unset = UNSET,
    search_fields: list[str] | Unset = UNSET,
    first_name: str | Unset = UNSET,
    last_name: str | Unset = UNSET,
    username: str | Unset = UNSET,
    email: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    is_service_account: bool | Unset = UNSET,
    platform_role: list[str] | Unset = UNSET,
    permissive: bool | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | UserOffsetPage | None:
    """List users

     Users the caller may see: administrators see everyone, others the users sharing an access group.
    Exact lookup: `username` or `email` with `limit=2`. Administrator-only filters and sorts
    (`platform_role`, `email`) answer 403 to others.

    Args:
        q (str | Unset):
        search_fields (list[str] | Unset):
        first_name (str | Unset):
        last_name (str | Unset):
        username (str | Unset):
        email (str | Unset):
        unique_id (str | Unset):
        is_service_account (bool | Unset):
        platform_role (list[str] | Unset):
        permissive (bool | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_total (bool | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | UserOffsetPage
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            search_fields=search_fields,
            first_name=first_name,
            last_name=last_name,
            username=username,
            email=email,
            unique_id=unique_id,
            is_service_account=is_service_account,
            platform_role=platform_role,
            permissive=permissive,
            sort=sort,
            direction=direction,
            include_total=include_total,
            limit=limit,
            offset=offset,
            cursor=cursor,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
