from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.service_account_create import ServiceAccountCreate
from ...models.service_account_key import ServiceAccountKey
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ServiceAccountCreate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/service_accounts",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | ServiceAccountKey | None:
    if response.status_code == 200:
        response_200 = ServiceAccountKey.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | ServiceAccountKey]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceAccountCreate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ServiceAccountKey]:
    """Create a service account

     Creates a service account and returns its API key, shown only once. Not retry-safe: a repeat answers
    409 and the key of the first call would be lost. Elevation: the client always sends `Crucible-
    Privilege-Mode: elevated`, because only platform administrators may call this; an ineligible caller
    gets 403.

    Args:
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ServiceAccountCreate): A new service account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ServiceAccountKey]
    """

    kwargs = _get_kwargs(
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceAccountCreate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ServiceAccountKey | None:
    """Create a service account

     Creates a service account and returns its API key, shown only once. Not retry-safe: a repeat answers
    409 and the key of the first call would be lost. Elevation: the client always sends `Crucible-
    Privilege-Mode: elevated`, because only platform administrators may call this; an ineligible caller
    gets 403.

    Args:
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ServiceAccountCreate): A new service account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ServiceAccountKey
    """

    return sync_detailed(
        client=client,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceAccountCreate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | ServiceAccountKey]:
    """Create a service account

     Creates a service account and returns its API key, shown only once. Not retry-safe: a repeat answers
    409 and the key of the first call would be lost. Elevation: the client always sends `Crucible-
    Privilege-Mode: elevated`, because only platform administrators may call this; an ineligible caller
    gets 403.

    Args:
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ServiceAccountCreate): A new service account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | ServiceAccountKey]
    """

    kwargs = _get_kwargs(
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceAccountCreate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | ServiceAccountKey | None:
    """Create a service account

     Creates a service account and returns its API key, shown only once. Not retry-safe: a repeat answers
    409 and the key of the first call would be lost. Elevation: the client always sends `Crucible-
    Privilege-Mode: elevated`, because only platform administrators may call this; an ineligible caller
    gets 403.

    Args:
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ServiceAccountCreate): A new service account.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | ServiceAccountKey
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
