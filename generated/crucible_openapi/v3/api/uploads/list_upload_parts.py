from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.upload_parts_status import UploadPartsStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_mfid: str,
    upload_id: str,
    *,
    part_number_marker: int | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["part_number_marker"] = part_number_marker

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/datasets/{dataset_mfid}/upload/multipart/{upload_id}".format(
            dataset_mfid=quote(str(dataset_mfid), safe=""),
            upload_id=quote(str(upload_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | UploadPartsStatus | None:
    if response.status_code == 200:
        response_200 = UploadPartsStatus.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | UploadPartsStatus]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_mfid: str,
    upload_id: str,
    *,
    client: AuthenticatedClient | Client,
    part_number_marker: int | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | UploadPartsStatus]:
    """Acknowledged parts of an upload

     Parts the server has acknowledged, to resume an upload; paged by `part_number_marker`.

    Args:
        dataset_mfid (str):
        upload_id (str):
        part_number_marker (int | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | UploadPartsStatus]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        upload_id=upload_id,
        part_number_marker=part_number_marker,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_mfid: str,
    upload_id: str,
    *,
    client: AuthenticatedClient | Client,
    part_number_marker: int | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | UploadPartsStatus | None:
    """Acknowledged parts of an upload

     Parts the server has acknowledged, to resume an upload; paged by `part_number_marker`.

    Args:
        dataset_mfid (str):
        upload_id (str):
        part_number_marker (int | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | UploadPartsStatus
    """

    return sync_detailed(
        dataset_mfid=dataset_mfid,
        upload_id=upload_id,
        client=client,
        part_number_marker=part_number_marker,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    dataset_mfid: str,
    upload_id: str,
    *,
    client: AuthenticatedClient | Client,
    part_number_marker: int | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | UploadPartsStatus]:
    """Acknowledged parts of an upload

     Parts the server has acknowledged, to resume an upload; paged by `part_number_marker`.

    Args:
        dataset_mfid (str):
        upload_id (str):
        part_number_marker (int | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | UploadPartsStatus]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        upload_id=upload_id,
        part_number_marker=part_number_marker,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_mfid: str,
    upload_id: str,
    *,
    client: AuthenticatedClient | Client,
    part_number_marker: int | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | UploadPartsStatus | None:
    """Acknowledged parts of an upload

     Parts the server has acknowledged, to resume an upload; paged by `part_number_marker`.

    Args:
        dataset_mfid (str):
        upload_id (str):
        part_number_marker (int | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | UploadPartsStatus
    """

    return (
        await asyncio_detailed(
            dataset_mfid=dataset_mfid,
            upload_id=upload_id,
            client=client,
            part_number_marker=part_number_marker,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
