from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.service_account import ServiceAccount
from ...models.service_account_update import ServiceAccountUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    sa_mfid: str,
    *,
    body: ServiceAccountUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/service_accounts/{sa_mfid}".format(
            sa_mfid=quote(str(sa_mfid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | ServiceAccount | None:
    if response.status_code == 200:
        response_200 = ServiceAccount.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | ServiceAccount]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sa_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: ServiceAccountUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ServiceAccount]:
    """Set a service account's platform role

     Changes the platform role of a service account. Elevation: the client always sends `Crucible-
    Privilege-Mode: elevated`, because only platform administrators may call this; an ineligible caller
    gets 403.

    Args:
        sa_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ServiceAccountUpdate): New platform role of a service account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ServiceAccount]
    """

    kwargs = _get_kwargs(
        sa_mfid=sa_mfid,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sa_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: ServiceAccountUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ServiceAccount | None:
    """Set a service account's platform role

     Changes the platform role of a service account. Elevation: the client always sends `Crucible-
    Privilege-Mode: elevated`, because only platform administrators may call this; an ineligible caller
    gets 403.

    Args:
        sa_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ServiceAccountUpdate): New platform role of a service account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ServiceAccount
    """

    return sync_detailed(
        sa_mfid=sa_mfid,
        client=client,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    sa_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: ServiceAccountUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ServiceAccount]:
    """Set a service account's platform role

     Changes the platform role of a service account. Elevation: the client always sends `Crucible-
    Privilege-Mode: elevated`, because only platform administrators may call this; an ineligible caller
    gets 403.

    Args:
        sa_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ServiceAccountUpdate): New platform role of a service account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ServiceAccount]
    """

    kwargs = _get_kwargs(
        sa_mfid=sa_mfid,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sa_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: ServiceAccountUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ServiceAccount | None:
    """Set a service account's platform role

     Changes the platform role of a service account. Elevation: the client always sends `Crucible-
    Privilege-Mode: elevated`, because only platform administrators may call this; an ineligible caller
    gets 403.

    Args:
        sa_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ServiceAccountUpdate): New platform role of a service account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ServiceAccount
    """

    return (
        await asyncio_detailed(
            sa_mfid=sa_mfid,
            client=client,
            body=body,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
