from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.instrument import Instrument
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    instrument_name: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["instrument_name"] = instrument_name

    params["unique_id"] = unique_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/instruments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | list[Instrument] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Instrument.from_dict(response_200_item_data)

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
) -> Response[ErrorDetail | HTTPValidationError | list[Instrument]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    instrument_name: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
) -> Response[ErrorDetail | HTTPValidationError | list[Instrument]]:
    """List instruments

     Every instrument, or those matching `instrument_name` (ignoring case) or `unique_id`.

    Args:
        instrument_name (str | Unset): Name, compared ignoring case.
        unique_id (str | Unset): Instrument MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | list[Instrument]]
    """

    kwargs = _get_kwargs(
        instrument_name=instrument_name,
        unique_id=unique_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    instrument_name: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
) -> ErrorDetail | HTTPValidationError | list[Instrument] | None:
    """List instruments

     Every instrument, or those matching `instrument_name` (ignoring case) or `unique_id`.

    Args:
        instrument_name (str | Unset): Name, compared ignoring case.
        unique_id (str | Unset): Instrument MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | list[Instrument]
    """

    return sync_detailed(
        client=client,
        instrument_name=instrument_name,
        unique_id=unique_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    instrument_name: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
) -> Response[ErrorDetail | HTTPValidationError | list[Instrument]]:
    """List instruments

     Every instrument, or those matching `instrument_name` (ignoring case) or `unique_id`.

    Args:
        instrument_name (str | Unset): Name, compared ignoring case.
        unique_id (str | Unset): Instrument MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | list[Instrument]]
    """

    kwargs = _get_kwargs(
        instrument_name=instrument_name,
        unique_id=unique_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    instrument_name: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
) -> ErrorDetail | HTTPValidationError | list[Instrument] | None:
    """List instruments

     Every instrument, or those matching `instrument_name` (ignoring case) or `unique_id`.

    Args:
        instrument_name (str | Unset): Name, compared ignoring case.
        unique_id (str | Unset): Instrument MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | list[Instrument]
    """

    return (
        await asyncio_detailed(
            client=client,
            instrument_name=instrument_name,
            unique_id=unique_id,
        )
    ).parsed
