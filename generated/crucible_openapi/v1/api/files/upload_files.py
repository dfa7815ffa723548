from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.upload_files_body import UploadFilesBody
from ...types import Response


def _get_kwargs(
    dsid: str,
    *,
    body: UploadFilesBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dsid}/upload".format(
            dsid=quote(str(dsid), safe=""),
        ),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | list[str] | None:
    if response.status_code == 200:
        response_200 = cast(list[str], response.json())

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
) -> Response[ErrorDetail | HTTPValidationError | list[str]]:
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
    body: UploadFilesBody,
) -> Response[ErrorDetail | HTTPValidationError | list[str]]:
    """Upload files (multipart)

     Stores one or more files with the dataset, each as a part named `files`. Meant for files under 100
    MB; larger ones use the resumable upload. Each stored file is also recorded as an associated file
    with its size and SHA-256. Each file is recorded flat as `api-uploads/<file name>` (its base name,
    at most 255 bytes in UTF-8), as the real API records uploads. Paths name files within their dataset:
    the same name uploaded to two datasets gives the same path in each, and each dataset keeps and
    serves its own bytes (neither upload replaces the other); uploading a name again to the same dataset
    replaces that dataset's file.

    Args:
        dsid (str): Dataset MFID.
        body (UploadFilesBody): Multipart body of a direct upload: one part named `files` per
            file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | list[str]]
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
    body: UploadFilesBody,
) -> ErrorDetail | HTTPValidationError | list[str] | None:
    """Upload files (multipart)

     Stores one or more files with the dataset, each as a part named `files`. Meant for files under 100
    MB; larger ones use the resumable upload. Each stored file is also recorded as an associated file
    with its size and SHA-256. Each file is recorded flat as `api-uploads/<file name>` (its base name,
    at most 255 bytes in UTF-8), as the real API records uploads. Paths name files within their dataset:
    the same name uploaded to two datasets gives the same path in each, and each dataset keeps and
    serves its own bytes (neither upload replaces the other); uploading a name again to the same dataset
    replaces that dataset's file.

    Args:
        dsid (str): Dataset MFID.
        body (UploadFilesBody): Multipart body of a direct upload: one part named `files` per
            file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | list[str]
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
    body: UploadFilesBody,
) -> Response[ErrorDetail | HTTPValidationError | list[str]]:
    """Upload files (multipart)

     Stores one or more files with the dataset, each as a part named `files`. Meant for files under 100
    MB; larger ones use the resumable upload. Each stored file is also recorded as an associated file
    with its size and SHA-256. Each file is recorded flat as `api-uploads/<file name>` (its base name,
    at most 255 bytes in UTF-8), as the real API records uploads. Paths name files within their dataset:
    the same name uploaded to two datasets gives the same path in each, and each dataset keeps and
    serves its own bytes (neither upload replaces the other); uploading a name again to the same dataset
    replaces that dataset's file.

    Args:
        dsid (str): Dataset MFID.
        body (UploadFilesBody): Multipart body of a direct upload: one part named `files` per
            file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | list[str]]
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
    body: UploadFilesBody,
) -> ErrorDetail | HTTPValidationError | list[str] | None:
    """Upload files (multipart)

     Stores one or more files with the dataset, each as a part named `files`. Meant for files under 100
    MB; larger ones use the resumable upload. Each stored file is also recorded as an associated file
    with its size and SHA-256. Each file is recorded flat as `api-uploads/<file name>` (its base name,
    at most 255 bytes in UTF-8), as the real API records uploads. Paths name files within their dataset:
    the same name uploaded to two datasets gives the same path in each, and each dataset keeps and
    serves its own bytes (neither upload replaces the other); uploading a name again to the same dataset
    replaces that dataset's file.

    Args:
        dsid (str): Dataset MFID.
        body (UploadFilesBody): Multipart body of a direct upload: one part named `files` per
            file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | list[str]
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            client=client,
            body=body,
        )
    ).parsed
