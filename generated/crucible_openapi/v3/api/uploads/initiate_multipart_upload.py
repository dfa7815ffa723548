from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.multipart_upload_session import MultipartUploadSession
from ...models.privilege_mode import PrivilegeMode
from ...models.upload_initiate import UploadInitiate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_mfid: str,
    *,
    body: UploadInitiate,
    idempotency_key: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dataset_mfid}/upload/multipart/initiate".format(
            dataset_mfid=quote(str(dataset_mfid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | MultipartUploadSession | None:
    if response.status_code == 200:
        response_200 = MultipartUploadSession.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | MultipartUploadSession]:
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
    body: UploadInitiate,
    idempotency_key: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | MultipartUploadSession]:
    """Start a signed multipart upload

     Starts the default upload route. If the content (by `sha256_hash`) is already stored the answer has
    `state: completed` and `existing_file`: send no bytes. A file of the same name with other content
    answers 409 `filename_exists` (replace it with `initiate_replace_upload`). 503 `New multipart
    uploads are disabled` means use the token route. Retry-safe with an `Idempotency-Key`.

    Args:
        dataset_mfid (str):
        idempotency_key (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (UploadInitiate): Start an upload of one file into a dataset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | MultipartUploadSession]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        body=body,
        idempotency_key=idempotency_key,
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
    body: UploadInitiate,
    idempotency_key: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | MultipartUploadSession | None:
    """Start a signed multipart upload

     Starts the default upload route. If the content (by `sha256_hash`) is already stored the answer has
    `state: completed` and `existing_file`: send no bytes. A file of the same name with other content
    answers 409 `filename_exists` (replace it with `initiate_replace_upload`). 503 `New multipart
    uploads are disabled` means use the token route. Retry-safe with an `Idempotency-Key`.

    Args:
        dataset_mfid (str):
        idempotency_key (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (UploadInitiate): Start an upload of one file into a dataset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | MultipartUploadSession
    """

    return sync_detailed(
        dataset_mfid=dataset_mfid,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    dataset_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadInitiate,
    idempotency_key: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | MultipartUploadSession]:
    """Start a signed multipart upload

     Starts the default upload route. If the content (by `sha256_hash`) is already stored the answer has
    `state: completed` and `existing_file`: send no bytes. A file of the same name with other content
    answers 409 `filename_exists` (replace it with `initiate_replace_upload`). 503 `New multipart
    uploads are disabled` means use the token route. Retry-safe with an `Idempotency-Key`.

    Args:
        dataset_mfid (str):
        idempotency_key (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (UploadInitiate): Start an upload of one file into a dataset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | MultipartUploadSession]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        body=body,
        idempotency_key=idempotency_key,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: UploadInitiate,
    idempotency_key: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | MultipartUploadSession | None:
    """Start a signed multipart upload

     Starts the default upload route. If the content (by `sha256_hash`) is already stored the answer has
    `state: completed` and `existing_file`: send no bytes. A file of the same name with other content
    answers 409 `filename_exists` (replace it with `initiate_replace_upload`). 503 `New multipart
    uploads are disabled` means use the token route. Retry-safe with an `Idempotency-Key`.

    Args:
        dataset_mfid (str):
        idempotency_key (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (UploadInitiate): Start an upload of one file into a dataset.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | MultipartUploadSession
    """

    return (
        await asyncio_detailed(
            dataset_mfid=dataset_mfid,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
