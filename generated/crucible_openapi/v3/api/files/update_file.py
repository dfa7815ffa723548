from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_record import FileRecord
from ...models.file_update import FileUpdate
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    file_mfid: str,
    *,
    body: FileUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/files/{file_mfid}".format(
            file_mfid=quote(str(file_mfid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | FileRecord | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = FileRecord.from_dict(response.json())

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | FileRecord | HTTPValidationError]:
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
    body: FileUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | FileRecord | HTTPValidationError]:
    """Update a file record

     Renames a file or edits its location fields. For GCS files `storage_path`, `size` and `sha256_hash`
    are determined by the stored object and answer 422.

    Args:
        file_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (FileUpdate): Partial update of a file record. `storage_path`, `size` and
            `sha256_hash` of GCS files answer 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileRecord | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        file_mfid=file_mfid,
        body=body,
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
    body: FileUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | FileRecord | HTTPValidationError | None:
    """Update a file record

     Renames a file or edits its location fields. For GCS files `storage_path`, `size` and `sha256_hash`
    are determined by the stored object and answer 422.

    Args:
        file_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (FileUpdate): Partial update of a file record. `storage_path`, `size` and
            `sha256_hash` of GCS files answer 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileRecord | HTTPValidationError
    """

    return sync_detailed(
        file_mfid=file_mfid,
        client=client,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: FileUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | FileRecord | HTTPValidationError]:
    """Update a file record

     Renames a file or edits its location fields. For GCS files `storage_path`, `size` and `sha256_hash`
    are determined by the stored object and answer 422.

    Args:
        file_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (FileUpdate): Partial update of a file record. `storage_path`, `size` and
            `sha256_hash` of GCS files answer 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileRecord | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        file_mfid=file_mfid,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: FileUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | FileRecord | HTTPValidationError | None:
    """Update a file record

     Renames a file or edits its location fields. For GCS files `storage_path`, `size` and `sha256_hash`
    are determined by the stored object and answer 422.

    Args:
        file_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (FileUpdate): Partial update of a file record. `storage_path`, `size` and
            `sha256_hash` of GCS files answer 422.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileRecord | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            file_mfid=file_mfid,
            client=client,
            body=body,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
