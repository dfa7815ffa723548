from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.user import User
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    email: str | Unset = UNSET,
    lbl_email: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["email"] = email

    params["lbl_email"] = lbl_email

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | list[User] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = User.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = ErrorDetail.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorDetail.from_dict(response.json())

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
) -> Response[ErrorDetail | HTTPValidationError | list[User]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
    lbl_email: str | Unset = UNSET,
) -> Response[ErrorDetail | HTTPValidationError | list[User]]:
    """Find users by e-mail

     Users whose `email` or `lbl_email` equals the value given; every user when neither is given. Admin
    only: a normal user's key gets 403.

    Args:
        email (str | Unset): E-mail to match exactly.
        lbl_email (str | Unset): Laboratory e-mail to match exactly.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | list[User]]
    """

    kwargs = _get_kwargs(
        email=email,
        lbl_email=lbl_email,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
    lbl_email: str | Unset = UNSET,
) -> ErrorDetail | HTTPValidationError | list[User] | None:
    """Find users by e-mail

     Users whose `email` or `lbl_email` equals the value given; every user when neither is given. Admin
    only: a normal user's key gets 403.

    Args:
        email (str | Unset): E-mail to match exactly.
        lbl_email (str | Unset): Laboratory e-mail to match exactly.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | list[User]
    """

    return sync_detailed(
        client=client,
        email=email,
        lbl_email=lbl_email,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
    lbl_email: str | Unset = UNSET,
) -> Response[ErrorDetail | HTTPValidationError | list[User]]:
    """Find users by e-mail

     Users whose `email` or `lbl_email` equals the value given; every user when neither is given. Admin
    only: a normal user's key gets 403.

    Args:
        email (str | Unset): E-mail to match exactly.
        lbl_email (str | Unset): Laboratory e-mail to match exactly.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | list[User]]
    """

    kwargs = _get_kwargs(
        email=email,
        lbl_email=lbl_email,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    email: str | Unset = UNSET,
    lbl_email: str | Unset = UNSET,
) -> ErrorDetail | HTTPValidationError | list[User] | None:
    """Find users by e-mail

     Users whose `email` or `lbl_email` equals the value given; every user when neither is given. Admin
    only: a normal user's key gets 403.

    Args:
        email (str | Unset): E-mail to match exactly.
        lbl_email (str | Unset): Laboratory e-mail to match exactly.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | list[User]
    """

    return (
        await asyncio_detailed(
            client=client,
            email=email,
            lbl_email=lbl_email,
        )
    ).parsed
