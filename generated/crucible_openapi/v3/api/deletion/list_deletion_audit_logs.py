from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deletion_audit_log_offset_page import DeletionAuditLogOffsetPage
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    resource_id: str | Unset = UNSET,
    requester_id: str | Unset = UNSET,
    reviewer_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    project_mfid: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["resource_id"] = resource_id

    params["requester_id"] = requester_id

    params["reviewer_id"] = reviewer_id

    params["project_id"] = project_id

    params["project_mfid"] = project_mfid

    params["scope"] = scope

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["limit"] = limit

    params["offset"] = offset

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/deletion_audit",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeletionAuditLogOffsetPage | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = DeletionAuditLogOffsetPage.from_dict(response.json())

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
) -> Response[DeletionAuditLogOffsetPage | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    resource_id: str | Unset = UNSET,
    requester_id: str | Unset = UNSET,
    reviewer_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    project_mfid: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[DeletionAuditLogOffsetPage | ErrorResponse | HTTPValidationError]:
    """List deletion audit entries

     Hard-deletion audit entries, newest deletion first. Elevation: the client sends `Crucible-Privilege-
    Mode: elevated` only when the caller's profile says `can_elevate`, and no header otherwise. Only
    when `scope` is absent or `all`; a caller who cannot elevate sends `scope=submitted`.

    Args:
        resource_id (str | Unset):
        requester_id (str | Unset):
        reviewer_id (str | Unset):
        project_id (str | Unset):
        project_mfid (str | Unset):
        scope (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeletionAuditLogOffsetPage | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        resource_id=resource_id,
        requester_id=requester_id,
        reviewer_id=reviewer_id,
        project_id=project_id,
        project_mfid=project_mfid,
        scope=scope,
        direction=direction,
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
    resource_id: str | Unset = UNSET,
    requester_id: str | Unset = UNSET,
    reviewer_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    project_mfid: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> DeletionAuditLogOffsetPage | ErrorResponse | HTTPValidationError | None:
    """List deletion audit entries

     Hard-deletion audit entries, newest deletion first. Elevation: the client sends `Crucible-Privilege-
    Mode: elevated` only when the caller's profile says `can_elevate`, and no header otherwise. Only
    when `scope` is absent or `all`; a caller who cannot elevate sends `scope=submitted`.

    Args:
        resource_id (str | Unset):
        requester_id (str | Unset):
        reviewer_id (str | Unset):
        project_id (str | Unset):
        project_mfid (str | Unset):
        scope (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeletionAuditLogOffsetPage | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        resource_id=resource_id,
        requester_id=requester_id,
        reviewer_id=reviewer_id,
        project_id=project_id,
        project_mfid=project_mfid,
        scope=scope,
        direction=direction,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    resource_id: str | Unset = UNSET,
    requester_id: str | Unset = UNSET,
    reviewer_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    project_mfid: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[DeletionAuditLogOffsetPage | ErrorResponse | HTTPValidationError]:
    """List deletion audit entries

     Hard-deletion audit entries, newest deletion first. Elevation: the client sends `Crucible-Privilege-
    Mode: elevated` only when the caller's profile says `can_elevate`, and no header otherwise. Only
    when `scope` is absent or `all`; a caller who cannot elevate sends `scope=submitted`.

    Args:
        resource_id (str | Unset):
        requester_id (str | Unset):
        reviewer_id (str | Unset):
        project_id (str | Unset):
        project_mfid (str | Unset):
        scope (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeletionAuditLogOffsetPage | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        resource_id=resource_id,
        requester_id=requester_id,
        reviewer_id=reviewer_id,
        project_id=project_id,
        project_mfid=project_mfid,
        scope=scope,
        direction=direction,
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
    resource_id: str | Unset = UNSET,
    requester_id: str | Unset = UNSET,
    reviewer_id: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    project_mfid: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> DeletionAuditLogOffsetPage | ErrorResponse | HTTPValidationError | None:
    """List deletion audit entries

     Hard-deletion audit entries, newest deletion first. Elevation: the client sends `Crucible-Privilege-
    Mode: elevated` only when the caller's profile says `can_elevate`, and no header otherwise. Only
    when `scope` is absent or `all`; a caller who cannot elevate sends `scope=submitted`.

    Args:
        resource_id (str | Unset):
        requester_id (str | Unset):
        reviewer_id (str | Unset):
        project_id (str | Unset):
        project_mfid (str | Unset):
        scope (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeletionAuditLogOffsetPage | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            resource_id=resource_id,
            requester_id=requester_id,
            reviewer_id=reviewer_id,
            project_id=project_id,
            project_mfid=project_mfid,
            scope=scope,
            direction=direction,
            limit=limit,
            offset=offset,
            cursor=cursor,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
