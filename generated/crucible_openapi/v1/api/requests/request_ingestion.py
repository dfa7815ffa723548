from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.processing_request import ProcessingRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dsid: str,
    *,
    ingestion_class: str | Unset = UNSET,
    file_to_upload: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["ingestion_class"] = ingestion_class

    params["file_to_upload"] = file_to_upload

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dsid}/ingest".format(
            dsid=quote(str(dsid), safe=""),
        ),
        "params": params,
    }

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
    ingestion_class: str | Unset = UNSET,
    file_to_upload: str | Unset = UNSET,
) -> Response[ErrorDetail | HTTPValidationError | ProcessingRequest]:
    """Request ingestion

     Queues ingestion of a stored file. The request starts `requested`; a worker moves it to `started`
    and then `complete`, or `failed`, `not supported` (no ingestor matched) or `file not found`.

    Args:
        dsid (str): Dataset MFID.
        ingestion_class (str | Unset): Ingestor class name, an open vocabulary (for example
            `ApiUploadIngestor`, `ImageIngestor`, `AFMIngestor`); omitted means auto-detection.
        file_to_upload (str | Unset): Bucket path of the file to ingest; defaults to the dataset's
            main file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | ProcessingRequest]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        ingestion_class=ingestion_class,
        file_to_upload=file_to_upload,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    ingestion_class: str | Unset = UNSET,
    file_to_upload: str | Unset = UNSET,
) -> ErrorDetail | HTTPValidationError | ProcessingRequest | None:
    """Request ingestion

     Queues ingestion of a stored file. The request starts `requested`; a worker moves it to `started`
    and then `complete`, or `failed`, `not supported` (no ingestor matched) or `file not found`.

    Args:
        dsid (str): Dataset MFID.
        ingestion_class (str | Unset): Ingestor class name, an open vocabulary (for example
            `ApiUploadIngestor`, `ImageIngestor`, `AFMIngestor`); omitted means auto-detection.
        file_to_upload (str | Unset): Bucket path of the file to ingest; defaults to the dataset's
            main file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | ProcessingRequest
    """

    return sync_detailed(
        dsid=dsid,
        client=client,
        ingestion_class=ingestion_class,
        file_to_upload=file_to_upload,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    ingestion_class: str | Unset = UNSET,
    file_to_upload: str | Unset = UNSET,
) -> Response[ErrorDetail | HTTPValidationError | ProcessingRequest]:
    """Request ingestion

     Queues ingestion of a stored file. The request starts `requested`; a worker moves it to `started`
    and then `complete`, or `failed`, `not supported` (no ingestor matched) or `file not found`.

    Args:
        dsid (str): Dataset MFID.
        ingestion_class (str | Unset): Ingestor class name, an open vocabulary (for example
            `ApiUploadIngestor`, `ImageIngestor`, `AFMIngestor`); omitted means auto-detection.
        file_to_upload (str | Unset): Bucket path of the file to ingest; defaults to the dataset's
            main file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | ProcessingRequest]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        ingestion_class=ingestion_class,
        file_to_upload=file_to_upload,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    ingestion_class: str | Unset = UNSET,
    file_to_upload: str | Unset = UNSET,
) -> ErrorDetail | HTTPValidationError | ProcessingRequest | None:
    """Request ingestion

     Queues ingestion of a stored file. The request starts `requested`; a worker moves it to `started`
    and then `complete`, or `failed`, `not supported` (no ingestor matched) or `file not found`.

    Args:
        dsid (str): Dataset MFID.
        ingestion_class (str | Unset): Ingestor class name, an open vocabulary (for example
            `ApiUploadIngestor`, `ImageIngestor`, `AFMIngestor`); omitted means auto-detection.
        file_to_upload (str | Unset): Bucket path of the file to ingest; defaults to the dataset's
            main file.

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
            ingestion_class=ingestion_class,
            file_to_upload=file_to_upload,
        )
    ).parsed
