from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.link import Link
from ...types import Response


def _get_kwargs(
    parent_id: str,
    child_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/samples/{parent_id}/children/{child_id}".format(
            parent_id=quote(str(parent_id), safe=""),
            child_id=quote(str(child_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | Link | None:
    if response.status_code == 200:
        response_200 = Link.from_dict(response.json())

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
) -> Response[ErrorDetail | HTTPValidationError | Link]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    parent_id: str,
    child_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorDetail | HTTPValidationError | Link]:
    """Link two samples

     Makes `child_id` a child of `parent_id`. A link to itself or a cycle answers 400; linking twice is
    harmless.

    Args:
        parent_id (str): Parent sample MFID.
        child_id (str): Child sample MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | Link]
    """

    kwargs = _get_kwargs(
        parent_id=parent_id,
        child_id=child_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    parent_id: str,
    child_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorDetail | HTTPValidationError | Link | None:
    """Link two samples

     Makes `child_id` a child of `parent_id`. A link to itself or a cycle answers 400; linking twice is
    harmless.

    Args:
        parent_id (str): Parent sample MFID.
        child_id (str): Child sample MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | Link
    """

    return sync_detailed(
        parent_id=parent_id,
        child_id=child_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    parent_id: str,
    child_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorDetail | HTTPValidationError | Link]:
    """Link two samples

     Makes `child_id` a child of `parent_id`. A link to itself or a cycle answers 400; linking twice is
    harmless.

    Args:
        parent_id (str): Parent sample MFID.
        child_id (str): Child sample MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | Link]
    """

    kwargs = _get_kwargs(
        parent_id=parent_id,
        child_id=child_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    parent_id: str,
    child_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorDetail | HTTPValidationError | Link | None:
    """Link two samples

     Makes `child_id` a child of `parent_id`. A link to itself or a cycle answers 400; linking twice is
    harmless.

    Args:
        parent_id (str): Parent sample MFID.
        child_id (str): Child sample MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | Link
    """

    return (
        await asyncio_detailed(
            parent_id=parent_id,
            child_id=child_id,
            client=client,
        )
    ).parsed
