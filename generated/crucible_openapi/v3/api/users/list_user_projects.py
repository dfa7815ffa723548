from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.project_offset_page import ProjectOffsetPage
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    include_total: bool | Unset = UNSET,
    role: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["include_total"] = include_total

    json_role: list[str] | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role

    params["role"] = json_role

    params["sort"] = sort

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["include_metadata"] = include_metadata

    params["limit"] = limit

    params["offset"] = offset

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{user_id}/projects".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | ProjectOffsetPage | None:
    if response.status_code == 200:
        response_200 = ProjectOffsetPage.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | ProjectOffsetPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_total: bool | Unset = UNSET,
    role: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ProjectOffsetPage]:
    """A user's projects

     Projects of the user, each with the listed user's `role`.

    Args:
        user_id (str):
        include_total (bool | Unset):
        role (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_metadata (bool | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ProjectOffsetPage]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        include_total=include_total,
        role=role,
        sort=sort,
        direction=direction,
        include_metadata=include_metadata,
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
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_total: bool | Unset = UNSET,
    role: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ProjectOffsetPage | None:
    """A user's projects

     Projects of the user, each with the listed user's `role`.

    Args:
        user_id (str):
        include_total (bool | Unset):
        role (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_metadata (bool | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ProjectOffsetPage
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        include_total=include_total,
        role=role,
        sort=sort,
        direction=direction,
        include_metadata=include_metadata,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_total: bool | Unset = UNSET,
    role: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ProjectOffsetPage]:
    """A user's projects

     Projects of the user, each with the listed user's `role`.

    Args:
        user_id (str):
        include_total (bool | Unset):
        role (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_metadata (bool | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ProjectOffsetPage]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        include_total=include_total,
        role=role,
        sort=sort,
        direction=direction,
        include_metadata=include_metadata,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    include_total: bool | Unset = UNSET,
    role: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ProjectOffsetPage | None:
    """A user's projects

     Projects of the user, each with the listed user's `role`.

    Args:
        user_id (str):
        include_total (bool | Unset):
        role (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_metadata (bool | Unset):
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ProjectOffsetPage
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            include_total=include_total,
            role=role,
            sort=sort,
            direction=direction,
            include_metadata=include_metadata,
            limit=limit,
            offset=offset,
            cursor=cursor,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
