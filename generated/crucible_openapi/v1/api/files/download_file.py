from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...types import File, Response


def _get_kwargs(
    dsid: str,
    file_name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/datasets/{dsid}/download/{file_name}".format(
            dsid=quote(str(dsid), safe=""),
            file_name=quote(str(file_name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | File | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 206:
        response_206 = File(payload=BytesIO(response.content))

        return response_206

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
) -> Response[ErrorDetail | File | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dsid: str,
    file_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorDetail | File | HTTPValidationError]:
    """Download a file

     Streams the raw bytes of one of the dataset's files, named by its base name. An HTTP `Range` header
    is honoured (206 with `Content-Range`), so an interrupted download can resume.

    Args:
        dsid (str): Dataset MFID.
        file_name (str): Base name of the file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | File | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        file_name=file_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    file_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorDetail | File | HTTPValidationError | None:
    """Download a file

     Streams the raw bytes of one of the dataset's files, named by its base name. An HTTP `Range` header
    is honoured (206 with `Content-Range`), so an interrupted download can resume.

    Args:
        dsid (str): Dataset MFID.
        file_name (str): Base name of the file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | File | HTTPValidationError
    """

    return sync_detailed(
        dsid=dsid,
        file_name=file_name,
        client=client,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    file_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorDetail | File | HTTPValidationError]:
    """Download a file

     Streams the raw bytes of one of the dataset's files, named by its base name. An HTTP `Range` header
    is honoured (206 with `Content-Range`), so an interrupted download can resume.

    Args:
        dsid (str): Dataset MFID.
        file_name (str): Base name of the file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | File | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        file_name=file_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    file_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> ErrorDetail | File | HTTPValidationError | None:
    """Download a file

     Streams the raw bytes of one of the dataset's files, named by its base name. An HTTP `Range` header
    is honoured (206 with `Content-Range`), so an interrupted download can resume.

    Args:
        dsid (str): Dataset MFID.
        file_name (str): Base name of the file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | File | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            file_name=file_name,
            client=client,
        )
    ).parsed
