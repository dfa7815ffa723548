from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.download_links import DownloadLinks
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dsid: str,
    *,
    expires_in: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["expires_in"] = expires_in

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/datasets/{dsid}/download_links".format(
            dsid=quote(str(dsid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DownloadLinks | ErrorDetail | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = DownloadLinks.from_dict(response.json())

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
) -> Response[DownloadLinks | ErrorDetail | HTTPValidationError]:
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
    expires_in: int | Unset = UNSET,
) -> Response[DownloadLinks | ErrorDetail | HTTPValidationError]:
    """Get signed download links

     One signed URL per stored file of the dataset (uploaded or produced by ingestion), valid for one
    hour and usable without the API key; the URLs honour HTTP `Range` requests. Post-seed (January
    2026).

    Args:
        dsid (str): Dataset MFID.
        expires_in (int | Unset): Link lifetime in seconds (default 3600).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadLinks | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        expires_in=expires_in,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    expires_in: int | Unset = UNSET,
) -> DownloadLinks | ErrorDetail | HTTPValidationError | None:
    """Get signed download links

     One signed URL per stored file of the dataset (uploaded or produced by ingestion), valid for one
    hour and usable without the API key; the URLs honour HTTP `Range` requests. Post-seed (January
    2026).

    Args:
        dsid (str): Dataset MFID.
        expires_in (int | Unset): Link lifetime in seconds (default 3600).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadLinks | ErrorDetail | HTTPValidationError
    """

    return sync_detailed(
        dsid=dsid,
        client=client,
        expires_in=expires_in,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    expires_in: int | Unset = UNSET,
) -> Response[DownloadLinks | ErrorDetail | HTTPValidationError]:
    """Get signed download links

     One signed URL per stored file of the dataset (uploaded or produced by ingestion), valid for one
    hour and usable without the API key; the URLs honour HTTP `Range` requests. Post-seed (January
    2026).

    Args:
        dsid (str): Dataset MFID.
        expires_in (int | Unset): Link lifetime in seconds (default 3600).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadLinks | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        expires_in=expires_in,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    expires_in: int | Unset = UNSET,
) -> DownloadLinks | ErrorDetail | HTTPValidationError | None:
    """Get signed download links

     One signed URL per stored file of the dataset (uploaded or produced by ingestion), valid for one
    hour and usable without the API key; the URLs honour HTTP `Range` requests. Post-seed (January
    2026).

    Args:
        dsid (str): Dataset MFID.
        expires_in (int | Unset): Link lifetime in seconds (default 3600).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadLinks | ErrorDetail | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            client=client,
            expires_in=expires_in,
        )
    ).parsed
