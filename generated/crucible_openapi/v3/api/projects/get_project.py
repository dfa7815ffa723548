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
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_ref: str,
    *,
    include_metadata: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["include_metadata"] = include_metadata

    params["include_members"] = include_members

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_ref}".format(
            project_ref=quote(str(project_ref), safe=""),
        ),
        "params": params,
    }

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
    include_metadata: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | Project]:
    """Get a project

     One project by MFID or slug. An unknown project answers 404 (never 200 with null).
    `include_metadata` and `include_members` apply to members and admins and are ignored otherwise
    (`members: null`).

    Args:
        project_ref (str):
        include_metadata (bool | Unset):
        include_members (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | Project]
    """

    kwargs = _get_kwargs(
        project_ref=project_ref,
        include_metadata=include_metadata,
        include_members=include_members,
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
    include_metadata: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | Project | None:
    """Get a project

     One project by MFID or slug. An unknown project answers 404 (never 200 with null).
    `include_metadata` and `include_members` apply to members and admins and are ignored otherwise
    (`members: null`).

    Args:
        project_ref (str):
        include_metadata (bool | Unset):
        include_members (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | Project
    """

    return sync_detailed(
        project_ref=project_ref,
        client=client,
        include_metadata=include_metadata,
        include_members=include_members,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    project_ref: str,
    *,
    client: AuthenticatedClient | Client,
    include_metadata: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | Project]:
    """Get a project

     One project by MFID or slug. An unknown project answers 404 (never 200 with null).
    `include_metadata` and `include_members` apply to members and admins and are ignored otherwise
    (`members: null`).

    Args:
        project_ref (str):
        include_metadata (bool | Unset):
        include_members (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | Project]
    """

    kwargs = _get_kwargs(
        project_ref=project_ref,
        include_metadata=include_metadata,
        include_members=include_members,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_ref: str,
    *,
    client: AuthenticatedClient | Client,
    include_metadata: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | Project | None:
    """Get a project

     One project by MFID or slug. An unknown project answers 404 (never 200 with null).
    `include_metadata` and `include_members` apply to members and admins and are ignored otherwise
    (`members: null`).

    Args:
        project_ref (str):
        include_metadata (bool | Unset):
        include_members (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

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
            include_metadata=include_metadata,
            include_members=include_members,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
