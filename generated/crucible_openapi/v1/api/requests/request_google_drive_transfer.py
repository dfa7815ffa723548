from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.drive_transfer_options import DriveTransferOptions
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.processing_request import ProcessingRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dsid: str,
    *,
    body: DriveTransferOptions | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dsid}/google_drive_transfer".format(
            dsid=quote(str(dsid), safe=""),
        ),
    }

    if not isinstance(body, Unset):
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
    *,
    client: AuthenticatedClient | Client,
    body: DriveTransferOptions | Unset = UNSET,
) -> Response[ErrorDetail | HTTPValidationError | ProcessingRequest]:
    """Request a Google Drive transfer

     Queues a copy of the dataset's files to Google Drive. The seed client sends no body; an optional
    `{folder_id}` body, sent by earlier clients, is accepted. The API has no endpoint to read a
    transfer's status: the dataset's drive locations show the result.

    Args:
        dsid (str): Dataset MFID.
        body (DriveTransferOptions | Unset): Optional options of a Google Drive transfer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | ProcessingRequest]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DriveTransferOptions | Unset = UNSET,
) -> ErrorDetail | HTTPValidationError | ProcessingRequest | None:
    """Request a Google Drive transfer

     Queues a copy of the dataset's files to Google Drive. The seed client sends no body; an optional
    `{folder_id}` body, sent by earlier clients, is accepted. The API has no endpoint to read a
    transfer's status: the dataset's drive locations show the result.

    Args:
        dsid (str): Dataset MFID.
        body (DriveTransferOptions | Unset): Optional options of a Google Drive transfer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | ProcessingRequest
    """

    return sync_detailed(
        dsid=dsid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DriveTransferOptions | Unset = UNSET,
) -> Response[ErrorDetail | HTTPValidationError | ProcessingRequest]:
    """Request a Google Drive transfer

     Queues a copy of the dataset's files to Google Drive. The seed client sends no body; an optional
    `{folder_id}` body, sent by earlier clients, is accepted. The API has no endpoint to read a
    transfer's status: the dataset's drive locations show the result.

    Args:
        dsid (str): Dataset MFID.
        body (DriveTransferOptions | Unset): Optional options of a Google Drive transfer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | ProcessingRequest]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    body: DriveTransferOptions | Unset = UNSET,
) -> ErrorDetail | HTTPValidationError | ProcessingRequest | None:
    """Request a Google Drive transfer

     Queues a copy of the dataset's files to Google Drive. The seed client sends no body; an optional
    `{folder_id}` body, sent by earlier clients, is accepted. The API has no endpoint to read a
    transfer's status: the dataset's drive locations show the result.

    Args:
        dsid (str): Dataset MFID.
        body (DriveTransferOptions | Unset): Optional options of a Google Drive transfer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | ProcessingRequest
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            client=client,
            body=body,
        )
    ).parsed
