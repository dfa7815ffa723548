from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.project import Project
from ...models.project_update import ProjectUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_ref: str,
    *,
    body: ProjectUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/projects/{project_ref}".format(
            project_ref=quote(str(project_ref), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | Project | None:
    if response.status_code == 200:
        response_200 = Project.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | Project]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | Project]:
    """Update a project

     Renames the slug or changes organization, status or title. Leadership changes go through ownership
    transfer (422 here). Older client documentation says it needs admin permissions; read here as the
    project's `admin` role, which project members can hold, so elevation is used only when available
    rather than always. Role: needs at least the `admin` role on the project. Elevation: the client
    sends `Crucible-Privilege-Mode: elevated` only when the caller's profile says `can_elevate`, and no
    header otherwise.

    Args:
        project_ref (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ProjectUpdate): Partial update of a project. Leadership changes through ownership
            transfer (422 here).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | Project]
    """

    kwargs = _get_kwargs(
        project_ref=project_ref,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | Project | None:
    """Update a project

     Renames the slug or changes organization, status or title. Leadership changes go through ownership
    transfer (422 here). Older client documentation says it needs admin permissions; read here as the
    project's `admin` role, which project members can hold, so elevation is used only when available
    rather than always. Role: needs at least the `admin` role on the project. Elevation: the client
    sends `Crucible-Privilege-Mode: elevated` only when the caller's profile says `can_elevate`, and no
    header otherwise.

    Args:
        project_ref (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ProjectUpdate): Partial update of a project. Leadership changes through ownership
            transfer (422 here).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | Project
    """

    return sync_detailed(
        project_ref=project_ref,
        client=client,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    project_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | Project]:
    """Update a project

     Renames the slug or changes organization, status or title. Leadership changes go through ownership
    transfer (422 here). Older client documentation says it needs admin permissions; read here as the
    project's `admin` role, which project members can hold, so elevation is used only when available
    rather than always. Role: needs at least the `admin` role on the project. Elevation: the client
    sends `Crucible-Privilege-Mode: elevated` only when the caller's profile says `can_elevate`, and no
    header otherwise.

    Args:
        project_ref (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ProjectUpdate): Partial update of a project. Leadership changes through ownership
            transfer (422 here).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | Project]
    """

    kwargs = _get_kwargs(
        project_ref=project_ref,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_ref: str,
    *,
    client: AuthenticatedClient | Client,
    body: ProjectUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | Project | None:
    """Update a project

     Renames the slug or changes organization, status or title. Leadership changes go through ownership
    transfer (422 here). Older client documentation says it needs admin permissions; read here as the
    project's `admin` role, which project members can hold, so elevation is used only when available
    rather than always. Role: needs at least the `admin` role on the project. Elevation: the client
    sends `Crucible-Privilege-Mode: elevated` only when the caller's profile says `can_elevate`, and no
    header otherwise.

    Args:
        project_ref (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ProjectUpdate): Partial update of a project. Leadership changes through ownership
            transfer (422 here).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | Project
    """

    return (
        await asyncio_detailed(
            project_ref=project_ref,
            client=client,
            body=body,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
