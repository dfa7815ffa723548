from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.upload_progress import UploadProgress
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    upload_id: str,
    *,
    body: File | Unset = UNSET,
    content_range: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["Content-Range"] = content_range

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/uploads/{upload_id}".format(
            upload_id=quote(str(upload_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorDetail | HTTPValidationError | UploadProgress | None:
    if response.status_code == 200:
        response_200 = UploadProgress.from_dict(response.json())

        return response_200

    if response.status_code == 308:
        response_308 = cast(Any, None)
        return response_308

    if response.status_code == 400:
        response_400 = ErrorDetail.from_dict(response.json())

        return response_400

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
) -> Response[Any | ErrorDetail | HTTPValidationError | UploadProgress]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    upload_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File | Unset = UNSET,
    content_range: str,
) -> Response[Any | ErrorDetail | HTTPValidationError | UploadProgress]:
    """Send a chunk, or ask for progress

     The `resumable_uri` of a session. Send bytes `a-b` of a `total`-byte file with `Content-Range: bytes
    a-b/total`; the answer is 308 with `Range: bytes=0-N` while bytes are missing and 200 once all have
    arrived. `Content-Range: bytes */total` with an empty body asks for the progress. Chunks must start
    at or before the stored end. The URL is the credential: no API key is needed or should be sent.

    Args:
        upload_id (str): Upload session id.
        content_range (str):
        body (File | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorDetail | HTTPValidationError | UploadProgress]
    """

    kwargs = _get_kwargs(
        upload_id=upload_id,
        body=body,
        content_range=content_range,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    upload_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File | Unset = UNSET,
    content_range: str,
) -> Any | ErrorDetail | HTTPValidationError | UploadProgress | None:
    """Send a chunk, or ask for progress

     The `resumable_uri` of a session. Send bytes `a-b` of a `total`-byte file with `Content-Range: bytes
    a-b/total`; the answer is 308 with `Range: bytes=0-N` while bytes are missing and 200 once all have
    arrived. `Content-Range: bytes */total` with an empty body asks for the progress. Chunks must start
    at or before the stored end. The URL is the credential: no API key is needed or should be sent.

    Args:
        upload_id (str): Upload session id.
        content_range (str):
        body (File | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorDetail | HTTPValidationError | UploadProgress
    """

    return sync_detailed(
        upload_id=upload_id,
        client=client,
        body=body,
        content_range=content_range,
    ).parsed


async def asyncio_detailed(
    upload_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File | Unset = UNSET,
    content_range: str,
) -> Response[Any | ErrorDetail | HTTPValidationError | UploadProgress]:
    """Send a chunk, or ask for progress

     The `resumable_uri` of a session. Send bytes `a-b` of a `total`-byte file with `Content-Range: bytes
    a-b/total`; the answer is 308 with `Range: bytes=0-N` while bytes are missing and 200 once all have
    arrived. `Content-Range: bytes */total` with an empty body asks for the progress. Chunks must start
    at or before the stored end. The URL is the credential: no API key is needed or should be sent.

    Args:
        upload_id (str): Upload session id.
        content_range (str):
        body (File | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorDetail | HTTPValidationError | UploadProgress]
    """

    kwargs = _get_kwargs(
        upload_id=upload_id,
        body=body,
        content_range=content_range,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    upload_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: File | Unset = UNSET,
    content_range: str,
) -> Any | ErrorDetail | HTTPValidationError | UploadProgress | None:
    """Send a chunk, or ask for progress

     The `resumable_uri` of a session. Send bytes `a-b` of a `total`-byte file with `Content-Range: bytes
    a-b/total`; the answer is 308 with `Range: bytes=0-N` while bytes are missing and 200 once all have
    arrived. `Content-Range: bytes */total` with an empty body asks for the progress. Chunks must start
    at or before the stored end. The URL is the credential: no API key is needed or should be sent.

    Args:
        upload_id (str): Upload session id.
        content_range (str):
        body (File | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorDetail | HTTPValidationError | UploadProgress
    """

    return (
        await asyncio_detailed(
            upload_id=upload_id,
            client=client,
            body=body,
            content_range=content_range,
        )
    ).parsed
