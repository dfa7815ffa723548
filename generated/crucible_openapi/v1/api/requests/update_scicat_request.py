from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.processing_request import ProcessingRequest
from ...models.request_status_update import RequestStatusUpdate
from ...types import Response


def _get_kwargs(
    dsid: str,
    reqid: int,
    *,
    body: RequestStatusUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/datasets/{dsid}/scicat_update/{reqid}".format(
            dsid=quote(str(dsid), safe=""),
            reqid=quote(str(reqid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | ProcessingRequest | None:
    if response.status_code == 200:
        response_200 = ProcessingRequest.from_dict(response.json())

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
) -> Response[ErrorDetail | HTTPValidationError | ProcessingRequest]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dsid: str,
    reqid: int,
    *,
    client: AuthenticatedClient | Client,
    body: RequestStatusUpdate,
) -> Response[ErrorDetail | HTTPValidationError | ProcessingRequest]:
    """Update a SciCat request

     Sets the status, as the SciCat worker does. Admin only: a normal user's key gets 403.

    Args:
        dsid (str): Dataset MFID.
        reqid (int): Request id.
        body (RequestStatusUpdate): A worker's status update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | ProcessingRequest]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        reqid=reqid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    reqid: int,
    *,
    client: AuthenticatedClient | Client,
    body: RequestStatusUpdate,
) -> ErrorDetail | HTTPValidationError | ProcessingRequest | None:
    """Update a SciCat request

     Sets the status, as the SciCat worker does. Admin only: a normal user's key gets 403.

    Args:
        dsid (str): Dataset MFID.
        reqid (int): Request id.
        body (RequestStatusUpdate): A worker's status update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | ProcessingRequest
    """

    return sync_detailed(
        dsid=dsid,
        reqid=reqid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    reqid: int,
    *,
    client: AuthenticatedClient | Client,
    body: RequestStatusUpdate,
) -> Response[ErrorDetail | HTTPValidationError | ProcessingRequest]:
    """Update a SciCat request

     Sets the status, as the SciCat worker does. Admin only: a normal user's key gets 403.

    Args:
        dsid (str): Dataset MFID.
        reqid (int): Request id.
        body (RequestStatusUpdate): A worker's status update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | ProcessingRequest]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        reqid=reqid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    reqid: int,
    *,
    client: AuthenticatedClient | Client,
    body: RequestStatusUpdate,
) -> ErrorDetail | HTTPValidationError | ProcessingRequest | None:
    """Update a SciCat request

     Sets the status, as the SciCat worker does. Admin only: a normal user's key gets 403.

    Args:
        dsid (str): Dataset MFID.
        reqid (int): Request id.
        body (RequestStatusUpdate): A worker's status update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | ProcessingRequest
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            reqid=reqid,
            client=client,
            body=body,
        )
    ).parsed
