from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.download_disposition import DownloadDisposition
from ...models.download_links import DownloadLinks
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_mfid: str,
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
        "url": "/datasets/{dataset_mfid}/download_links".format(
            dataset_mfid=quote(str(dataset_mfid), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DownloadLinks | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = DownloadLinks.from_dict(response.json())

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

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[DownloadLinks | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    disposition: DownloadDisposition | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[DownloadLinks | ErrorResponse | HTTPValidationError]:
    """Signed links for a dataset's files

     Signed download URLs of the dataset's ingested files, keyed by file MFID. 404 when no file is
    ingested. 502/503/504 are transient.

    Args:
        dataset_mfid (str):
        disposition (DownloadDisposition | Unset): How a signed download link asks the browser to
            treat the file. `attachment` is the server default; HTML, SVG and XML always download.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadLinks | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        disposition=disposition,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    disposition: DownloadDisposition | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> DownloadLinks | ErrorResponse | HTTPValidationError | None:
    """Signed links for a dataset's files

     Signed download URLs of the dataset's ingested files, keyed by file MFID. 404 when no file is
    ingested. 502/503/504 are transient.

    Args:
        dataset_mfid (str):
        disposition (DownloadDisposition | Unset): How a signed download link asks the browser to
            treat the file. `attachment` is the server default; HTML, SVG and XML always download.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadLinks | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        dataset_mfid=dataset_mfid,
        client=client,
        disposition=disposition,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    dataset_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    disposition: DownloadDisposition | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[DownloadLinks | ErrorResponse | HTTPValidationError]:
    """Signed links for a dataset's files

     Signed download URLs of the dataset's ingested files, keyed by file MFID. 404 when no file is
    ingested. 502/503/504 are transient.

    Args:
        dataset_mfid (str):
        disposition (DownloadDisposition | Unset): How a signed download link asks the browser to
            treat the file. `attachment` is the server default; HTML, SVG and XML always download.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DownloadLinks | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        disposition=disposition,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    disposition: DownloadDisposition | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> DownloadLinks | ErrorResponse | HTTPValidationError | None:
    """Signed links for a dataset's files

     Signed download URLs of the dataset's ingested files, keyed by file MFID. 404 when no file is
    ingested. 502/503/504 are transient.

    Args:
        dataset_mfid (str):
        disposition (DownloadDisposition | Unset): How a signed download link asks the browser to
            treat the file. `attachment` is the server default; HTML, SVG and XML always download.
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DownloadLinks | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            dataset_mfid=dataset_mfid,
            client=client,
            disposition=disposition,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
