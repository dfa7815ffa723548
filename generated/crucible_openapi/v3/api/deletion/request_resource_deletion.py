from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deletion_request import DeletionRequest
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    mfid: str,
    *,
    reason: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["reason"] = reason

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/resources/{mfid}/delete".format(
            mfid=quote(str(mfid), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeletionRequest | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = DeletionRequest.from_dict(response.json())

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
) -> Response[DeletionRequest | ErrorResponse | HTTPValidationError]:
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
    reason: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[DeletionRequest | ErrorResponse | HTTPValidationError]:
    """Request deletion of a record

     Opens a deletion request (`pending`); the record disappears from lists at once. A repeat while one
    is open is refused.

    Args:
        mfid (str):
        reason (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeletionRequest | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        mfid=mfid,
        reason=reason,
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
    reason: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> DeletionRequest | ErrorResponse | HTTPValidationError | None:
    """Request deletion of a record

     Opens a deletion request (`pending`); the record disappears from lists at once. A repeat while one
    is open is refused.

    Args:
        mfid (str):
        reason (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeletionRequest | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        mfid=mfid,
        client=client,
        reason=reason,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    mfid: str,
    *,
    client: AuthenticatedClient | Client,
    reason: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[DeletionRequest | ErrorResponse | HTTPValidationError]:
    """Request deletion of a record

     Opens a deletion request (`pending`); the record disappears from lists at once. A repeat while one
    is open is refused.

    Args:
        mfid (str):
        reason (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeletionRequest | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        mfid=mfid,
        reason=reason,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    mfid: str,
    *,
    client: AuthenticatedClient | Client,
    reason: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> DeletionRequest | ErrorResponse | HTTPValidationError | None:
    """Request deletion of a record

     Opens a deletion request (`pending`); the record disappears from lists at once. A repeat while one
    is open is refused.

    Args:
        mfid (str):
        reason (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeletionRequest | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            mfid=mfid,
            client=client,
            reason=reason,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
