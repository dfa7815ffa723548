from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.file_record import FileRecord
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.upload_complete import UploadComplete
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_mfid: str,
    *,
    body: UploadComplete,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dataset_mfid}/upload/complete".format(
            dataset_mfid=quote(str(dataset_mfid), safe=""),
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
    dataset_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadComplete,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | FileRecord | HTTPValidationError]:
    """Finish a token or resumable upload

     Checks the SHA-256 of the stored object and returns the file record. Keyed by `upload_id`: a repeat
    cannot create a second file.

    Args:
        dataset_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (UploadComplete): Finish a token or resumable upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileRecord | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        body=body,
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
    body: UploadComplete,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | FileRecord | HTTPValidationError | None:
    """Finish a token or resumable upload

     Checks the SHA-256 of the stored object and returns the file record. Keyed by `upload_id`: a repeat
    cannot create a second file.

    Args:
        dataset_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (UploadComplete): Finish a token or resumable upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileRecord | HTTPValidationError
    """

    return sync_detailed(
        dataset_mfid=dataset_mfid,
        client=client,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    dataset_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadComplete,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | FileRecord | HTTPValidationError]:
    """Finish a token or resumable upload

     Checks the SHA-256 of the stored object and returns the file record. Keyed by `upload_id`: a repeat
    cannot create a second file.

    Args:
        dataset_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (UploadComplete): Finish a token or resumable upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | FileRecord | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadComplete,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | FileRecord | HTTPValidationError | None:
    """Finish a token or resumable upload

     Checks the SHA-256 of the stored object and returns the file record. Keyed by `upload_id`: a repeat
    cannot create a second file.

    Args:
        dataset_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (UploadComplete): Finish a token or resumable upload.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | FileRecord | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            dataset_mfid=dataset_mfid,
            client=client,
            body=body,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
