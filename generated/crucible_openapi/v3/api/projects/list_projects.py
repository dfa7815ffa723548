from http import HTTPStatus
from typing import Any

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
    *,
    project_id: str | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    accessible_to_user: list[str] | Unset = UNSET,
    accessible_to_project: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    member_ref: list[str] | Unset = UNSET,
    member_role: list[str] | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["project_id"] = project_id

    params["include_metadata"] = include_metadata

    params["include_members"] = include_members

    json_accessible_to_user: list[str] | Unset = UNSET
    if not isinstance(accessible_to_user, Unset):
        json_accessible_to_user = accessible_to_user

    params["accessible_to_user"] = json_accessible_to_user

    json_accessible_to_project: list[str] | Unset = UNSET
    if not isinstance(accessible_to_project, Unset):
        json_accessible_to_project = accessible_to_project

    params["accessible_to_project"] = json_accessible_to_project

    params["sort"] = sort

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    json_member_ref: list[str] | Unset = UNSET
    if not isinstance(member_ref, Unset):
        json_member_ref = member_ref

    params["member_ref"] = json_member_ref

    json_member_role: list[str] | Unset = UNSET
    if not isinstance(member_role, Unset):
        json_member_role = member_role

    params["member_role"] = json_member_role

    params["limit"] = limit

    params["offset"] = offset

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects",
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
    *,
    client: AuthenticatedClient | Client,
    project_id: str | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    accessible_to_user: list[str] | Unset = UNSET,
    accessible_to_project: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    member_ref: list[str] | Unset = UNSET,
    member_role: list[str] | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ProjectOffsetPage]:
    """List projects

     Projects the caller can see, each with a public-safe `lead` and the caller's `role`. Exact lookup by
    slug: `project_id` with `limit=2`. Without `direction`, dates sort descending and everything else
    ascending.

    Args:
        project_id (str | Unset):
        include_metadata (bool | Unset):
        include_members (bool | Unset):
        accessible_to_user (list[str] | Unset):
        accessible_to_project (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        member_ref (list[str] | Unset):
        member_role (list[str] | Unset):
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
        project_id=project_id,
        include_metadata=include_metadata,
        include_members=include_members,
        accessible_to_user=accessible_to_user,
        accessible_to_project=accessible_to_project,
        sort=sort,
        direction=direction,
        member_ref=member_ref,
        member_role=member_role,
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
    project_id: str | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    accessible_to_user: list[str] | Unset = UNSET,
    accessible_to_project: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    member_ref: list[str] | Unset = UNSET,
    member_role: list[str] | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ProjectOffsetPage | None:
    """List projects

     Projects the caller can see, each with a public-safe `lead` and the caller's `role`. Exact lookup by
    slug: `project_id` with `limit=2`. Without `direction`, dates sort descending and everything else
    ascending.

    Args:
        project_id (str | Unset):
        include_metadata (bool | Unset):
        include_members (bool | Unset):
        accessible_to_user (list[str] | Unset):
        accessible_to_project (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        member_ref (list[str] | Unset):
        member_role (list[str] | Unset):
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
        client=client,
        project_id=project_id,
        include_metadata=include_metadata,
        include_members=include_members,
        accessible_to_user=accessible_to_user,
        accessible_to_project=accessible_to_project,
        sort=sort,
        direction=direction,
        member_ref=member_ref,
        member_role=member_role,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    project_id: str | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    accessible_to_user: list[str] | Unset = UNSET,
    accessible_to_project: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    member_ref: list[str] | Unset = UNSET,
    member_role: list[str] | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ProjectOffsetPage]:
    """List projects

     Projects the caller can see, each with a public-safe `lead` and the caller's `role`. Exact lookup by
    slug: `project_id` with `limit=2`. Without `direction`, dates sort descending and everything else
    ascending.

    Args:
        project_id (str | Unset):
        include_metadata (bool | Unset):
        include_members (bool | Unset):
        accessible_to_user (list[str] | Unset):
        accessible_to_project (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        member_ref (list[str] | Unset):
        member_role (list[str] | Unset):
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
        project_id=project_id,
        include_metadata=include_metadata,
        include_members=include_members,
        accessible_to_user=accessible_to_user,
        accessible_to_project=accessible_to_project,
        sort=sort,
        direction=direction,
        member_ref=member_ref,
        member_role=member_role,
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
    project_id: str | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    accessible_to_user: list[str] | Unset = UNSET,
    accessible_to_project: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    member_ref: list[str] | Unset = UNSET,
    member_role: list[str] | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ProjectOffsetPage | None:
    """List projects

     Projects the caller can see, each with a public-safe `lead` and the caller's `role`. Exact lookup by
    slug: `project_id` with `limit=2`. Without `direction`, dates sort descending and everything else
    ascending.

    Args:
        project_id (str | Unset):
        include_metadata (bool | Unset):
        include_members (bool | Unset):
        accessible_to_user (list[str] | Unset):
        accessible_to_project (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        member_ref (list[str] | Unset):
        member_role (list[str] | Unset):
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
            client=client,
            project_id=project_id,
            include_metadata=include_metadata,
            include_members=include_members,
            accessible_to_user=accessible_to_user,
            accessible_to_project=accessible_to_project,
            sort=sort,
            direction=direction,
            member_ref=member_ref,
            member_role=member_role,
            limit=limit,
            offset=offset,
            cursor=cursor,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
