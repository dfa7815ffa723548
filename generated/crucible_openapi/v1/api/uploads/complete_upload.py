from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.associated_file import AssociatedFile
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.upload_complete import UploadComplete
from ...types import Response


def _get_kwargs(
    dsid: str,
    *,
    body: UploadComplete,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dsid}/upload/complete".format(
            dsid=quote(str(dsid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AssociatedFile | ErrorDetail | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = AssociatedFile.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorDetail.from_dict(response.json())

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
) -> Response[AssociatedFile | ErrorDetail | HTTPValidationError]:
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
    body: UploadComplete,
) -> Response[AssociatedFile | ErrorDetail | HTTPValidationError]:
    """Finish a resumable upload

     Checks that every byte arrived and that the SHA-256 matches, then records the file with the dataset.
    A mismatch answers 400 and discards the session. The file is recorded as `api-uploads/<file name>`,
    as multipart uploads are.

    Args:
        dsid (str): Dataset MFID.
        body (UploadComplete): Finishes a resumable upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssociatedFile | ErrorDetail | HTTPValidationError]
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
    body: UploadComplete,
) -> AssociatedFile | ErrorDetail | HTTPValidationError | None:
    """Finish a resumable upload

     Checks that every byte arrived and that the SHA-256 matches, then records the file with the dataset.
    A mismatch answers 400 and discards the session. The file is recorded as `api-uploads/<file name>`,
    as multipart uploads are.

    Args:
        dsid (str): Dataset MFID.
        body (UploadComplete): Finishes a resumable upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssociatedFile | ErrorDetail | HTTPValidationError
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
    body: UploadComplete,
) -> Response[AssociatedFile | ErrorDetail | HTTPValidationError]:
    """Finish a resumable upload

     Checks that every byte arrived and that the SHA-256 matches, then records the file with the dataset.
    A mismatch answers 400 and discards the session. The file is recorded as `api-uploads/<file name>`,
    as multipart uploads are.

    Args:
        dsid (str): Dataset MFID.
        body (UploadComplete): Finishes a resumable upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AssociatedFile | ErrorDetail | HTTPValidationError]
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
    body: UploadComplete,
) -> AssociatedFile | ErrorDetail | HTTPValidationError | None:
    """Finish a resumable upload

     Checks that every byte arrived and that the SHA-256 matches, then records the file with the dataset.
    A mismatch answers 400 and discards the session. The file is recorded as `api-uploads/<file name>`,
    as multipart uploads are.

    Args:
        dsid (str): Dataset MFID.
        body (UploadComplete): Finishes a resumable upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AssociatedFile | ErrorDetail | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            client=client,
            body=body,
        )
    ).parsed
