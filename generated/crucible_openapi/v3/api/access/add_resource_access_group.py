from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_group_entry import AccessGroupEntry
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    mfid: str,
    *,
    group_name: str,
    read: bool | Unset = True,
    write: bool | Unset = False,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["group_name"] = group_name

    params["read"] = read

    params["write"] = write

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/resources/{mfid}/access_groups".format(
            mfid=quote(str(mfid), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessGroupEntry | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = AccessGroupEntry.from_dict(response.json())

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
) -> Response[AccessGroupEntry | ErrorResponse | HTTPValidationError]:
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
    group_name: str,
    read: bool | Unset = True,
    write: bool | Unset = False,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[AccessGroupEntry | ErrorResponse | HTTPValidationError]:
    """Add a legacy access group

     Deprecated: use `grant_resource_access`. Gives an access group read and/or write access. Setting the
    same entry again gives the same result. Elevation: the client always sends `Crucible-Privilege-Mode:
    elevated`, because only platform administrators may call this; an ineligible caller gets 403.

    Args:
        mfid (str):
        group_name (str):
        read (bool | Unset):  Default: True.
        write (bool | Unset):  Default: False.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessGroupEntry | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        mfid=mfid,
        group_name=group_name,
        read=read,
        write=write,
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
    group_name: str,
    read: bool | Unset = True,
    write: bool | Unset = False,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> AccessGroupEntry | ErrorResponse | HTTPValidationError | None:
    """Add a legacy access group

     Deprecated: use `grant_resource_access`. Gives an access group read and/or write access. Setting the
    same entry again gives the same result. Elevation: the client always sends `Crucible-Privilege-Mode:
    elevated`, because only platform administrators may call this; an ineligible caller gets 403.

    Args:
        mfid (str):
        group_name (str):
        read (bool | Unset):  Default: True.
        write (bool | Unset):  Default: False.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessGroupEntry | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        mfid=mfid,
        client=client,
        group_name=group_name,
        read=read,
        write=write,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    mfid: str,
    *,
    client: AuthenticatedClient | Client,
    group_name: str,
    read: bool | Unset = True,
    write: bool | Unset = False,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[AccessGroupEntry | ErrorResponse | HTTPValidationError]:
    """Add a legacy access group

     Deprecated: use `grant_resource_access`. Gives an access group read and/or write access. Setting the
    same entry again gives the same result. Elevation: the client always sends `Crucible-Privilege-Mode:
    elevated`, because only platform administrators may call this; an ineligible caller gets 403.

    Args:
        mfid (str):
        group_name (str):
        read (bool | Unset):  Default: True.
        write (bool | Unset):  Default: False.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessGroupEntry | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        mfid=mfid,
        group_name=group_name,
        read=read,
        write=write,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    mfid: str,
    *,
    client: AuthenticatedClient | Client,
    group_name: str,
    read: bool | Unset = True,
    write: bool | Unset = False,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> AccessGroupEntry | ErrorResponse | HTTPValidationError | None:
    """Add a legacy access group

     Deprecated: use `grant_resource_access`. Gives an access group read and/or write access. Setting the
    same entry again gives the same result. Elevation: the client always sends `Crucible-Privilege-Mode:
    elevated`, because only platform administrators may call this; an ineligible caller gets 403.

    Args:
        mfid (str):
        group_name (str):
        read (bool | Unset):  Default: True.
        write (bool | Unset):  Default: False.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessGroupEntry | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            mfid=mfid,
            client=client,
            group_name=group_name,
            read=read,
            write=write,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
