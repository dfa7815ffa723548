from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.download_disposition import DownloadDisposition
from ...models.download_link import DownloadLink
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    file_mfid: str,
    *,
    disposition: DownloadDisposition | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    json_disposition: str | Unset = UNSET
    if not isinstance(disposition, Unset):
        json_disposition = disposition.value

    params["disposition"] = json_disposition

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/files/{file_mfid}/download_link".format(
            file_mfid=quote(str(file_mfid), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DownloadLink | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = DownloadLink.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

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
) -> Response[DownloadLink | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    disposition: DownloadDisposition | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[DownloadLink | ErrorResponse | HTTPValidationError]:
    """Signed link for one file

     A signed URL valid for about one hour that needs no API key. 404 when the file is not ingested; 409
    `storage_location_invalid` when its stored location cannot be served.

    Args:
        file_mfid (str):
        disposition (DownloadDisposition | Unset): How a signed download link asks the browser to
            treat the file. `attachment` is the server default; HTML, SVG and XML always download.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadLink | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        file_mfid=file_mfid,
        disposition=disposition,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    disposition: DownloadDisposition | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> DownloadLink | ErrorResponse | HTTPValidationError | None:
    """Signed link for one file

     A signed URL valid for about one hour that needs no API key. 404 when the file is not ingested; 409
    `storage_location_invalid` when its stored location cannot be served.

    Args:
        file_mfid (str):
        disposition (DownloadDisposition | Unset): How a signed download link asks the browser to
            treat the file. `attachment` is the server default; HTML, SVG and XML always download.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadLink | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        file_mfid=file_mfid,
        client=client,
        disposition=disposition,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    disposition: DownloadDisposition | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[DownloadLink | ErrorResponse | HTTPValidationError]:
    """Signed link for one file

     A signed URL valid for about one hour that needs no API key. 404 when the file is not ingested; 409
    `storage_location_invalid` when its stored location cannot be served.

    Args:
        file_mfid (str):
        disposition (DownloadDisposition | Unset): How a signed download link asks the browser to
            treat the file. `attachment` is the server default; HTML, SVG and XML always download.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadLink | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        file_mfid=file_mfid,
        disposition=disposition,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    disposition: DownloadDisposition | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> DownloadLink | ErrorResponse | HTTPValidationError | None:
    """Signed link for one file

     A signed URL valid for about one hour that needs no API key. 404 when the file is not ingested; 409
    `storage_location_invalid` when its stored location cannot be served.

    Args:
        file_mfid (str):
        disposition (DownloadDisposition | Unset): How a signed download link asks the browser to
            treat the file. `attachment` is the server default; HTML, SVG and XML always download.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadLink | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            file_mfid=file_mfid,
            client=client,
            disposition=disposition,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
