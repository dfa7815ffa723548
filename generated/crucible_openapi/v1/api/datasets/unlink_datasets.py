from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.message import Message
from ...types import Response


def _get_kwargs(
    parent_dsid: str,
    child_dsid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/datasets/{parent_dsid}/children/{child_dsid}".format(
            parent_dsid=quote(str(parent_dsid), safe=""),
            child_dsid=quote(str(child_dsid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | Message | None:
    if response.status_code == 200:
        response_200 = Message.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorDetail.from_dict(response.json())

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
) -> Response[ErrorDetail | HTTPValidationError | Message]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    parent_dsid: str,
    child_dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorDetail | HTTPValidationError | Message]:
    """Unlink two datasets

     Removes a parent/child link.

    Args:
        parent_dsid (str): Parent dataset MFID.
        child_dsid (str): Child dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | Message]
    """

    kwargs = _get_kwargs(
        parent_dsid=parent_dsid,
        child_dsid=child_dsid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    parent_dsid: str,
    child_dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorDetail | HTTPValidationError | Message | None:
    """Unlink two datasets

     Removes a parent/child link.

    Args:
        parent_dsid (str): Parent dataset MFID.
        child_dsid (str): Child dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | Message
    """

    return sync_detailed(
        parent_dsid=parent_dsid,
        child_dsid=child_dsid,
        client=client,
    ).parsed


async def asyncio_detailed(
    parent_dsid: str,
    child_dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorDetail | HTTPValidationError | Message]:
    """Unlink two datasets

     Removes a parent/child link.

    Args:
        parent_dsid (str): Parent dataset MFID.
        child_dsid (str): Child dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | Message]
    """

    kwargs = _get_kwargs(
        parent_dsid=parent_dsid,
        child_dsid=child_dsid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    parent_dsid: str,
    child_dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorDetail | HTTPValidationError | Message | None:
    """Unlink two datasets

     Removes a parent/child link.

    Args:
        parent_dsid (str): Parent dataset MFID.
        child_dsid (str): Child dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | Message
    """

    return (
        await asyncio_detailed(
            parent_dsid=parent_dsid,
            child_dsid=child_dsid,
            client=client,
        )
    ).parsed
