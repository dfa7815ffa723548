from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_grant import AccessGrant
from ...models.access_grant_request import AccessGrantRequest
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    mfid: str,
    kind: str,
    principal: str,
    *,
    body: AccessGrantRequest,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/resources/{mfid}/access/{kind}/{principal}".format(
            mfid=quote(str(mfid), safe=""),
            kind=quote(str(kind), safe=""),
            principal=quote(str(principal), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessGrant | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = AccessGrant.from_dict(response.json())

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
) -> Response[AccessGrant | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    mfid: str,
    kind: str,
    principal: str,
    *,
    client: AuthenticatedClient | Client,
    body: AccessGrantRequest,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[AccessGrant | ErrorResponse | HTTPValidationError]:
    """Grant access

     Gives a user or project a role on the record (`owner` only by transfer). The granted role must be at
    most the caller's `max_grant_role`. The record's `capabilities.can_manage_access` says whether the
    caller may.

    Args:
        mfid (str):
        kind (str):
        principal (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (AccessGrantRequest): Role to grant. `owner` is given only by ownership transfer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessGrant | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        mfid=mfid,
        kind=kind,
        principal=principal,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    mfid: str,
    kind: str,
    principal: str,
    *,
    client: AuthenticatedClient | Client,
    body: AccessGrantRequest,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> AccessGrant | ErrorResponse | HTTPValidationError | None:
    """Grant access

     Gives a user or project a role on the record (`owner` only by transfer). The granted role must be at
    most the caller's `max_grant_role`. The record's `capabilities.can_manage_access` says whether the
    caller may.

    Args:
        mfid (str):
        kind (str):
        principal (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (AccessGrantRequest): Role to grant. `owner` is given only by ownership transfer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessGrant | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        mfid=mfid,
        kind=kind,
        principal=principal,
        client=client,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    mfid: str,
    kind: str,
    principal: str,
    *,
    client: AuthenticatedClient | Client,
    body: AccessGrantRequest,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[AccessGrant | ErrorResponse | HTTPValidationError]:
    """Grant access

     Gives a user or project a role on the record (`owner` only by transfer). The granted role must be at
    most the caller's `max_grant_role`. The record's `capabilities.can_manage_access` says whether the
    caller may.

    Args:
        mfid (str):
        kind (str):
        principal (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (AccessGrantRequest): Role to grant. `owner` is given only by ownership transfer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessGrant | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        mfid=mfid,
        kind=kind,
        principal=principal,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    mfid: str,
    kind: str,
    principal: str,
    *,
    client: AuthenticatedClient | Client,
    body: AccessGrantRequest,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> AccessGrant | ErrorResponse | HTTPValidationError | None:
    """Grant access

     Gives a user or project a role on the record (`owner` only by transfer). The granted role must be at
    most the caller's `max_grant_role`. The record's `capabilities.can_manage_access` says whether the
    caller may.

    Args:
        mfid (str):
        kind (str):
        principal (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (AccessGrantRequest): Role to grant. `owner` is given only by ownership transfer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessGrant | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            mfid=mfid,
            kind=kind,
            principal=principal,
            client=client,
            body=body,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
