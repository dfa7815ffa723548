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
from ...models.replace_upload_initiate import ReplaceUploadInitiate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    file_mfid: str,
    *,
    body: ReplaceUploadInitiate,
    idempotency_key: str | Unset = UNSET,
    if_match: str,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    headers["If-Match"] = if_match

    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files/{file_mfid}/upload/multipart/initiate".format(
            file_mfid=quote(str(file_mfid), safe=""),
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

    if response.status_code == 412:
        response_412 = ErrorResponse.from_dict(response.json())

        return response_412

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
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReplaceUploadInitiate,
    idempotency_key: str | Unset = UNSET,
    if_match: str,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | MultipartUploadSession]:
    """Start replacing a file's content

     Starts a signed multipart upload that replaces the file's content; parts, completion and abort then
    use the dataset routes. `If-Match` is required: the file's `etag`, or `*` to replace whatever is
    there. Retry-safe with an `Idempotency-Key`. Role: needs at least the `editor` role on the file's
    dataset.

    Args:
        file_mfid (str):
        idempotency_key (str | Unset):
        if_match (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ReplaceUploadInitiate): Start replacing the content of an existing file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | MultipartUploadSession]
    """

    kwargs = _get_kwargs(
        file_mfid=file_mfid,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
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
    body: ReplaceUploadInitiate,
    idempotency_key: str | Unset = UNSET,
    if_match: str,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | MultipartUploadSession | None:
    """Start replacing a file's content

     Starts a signed multipart upload that replaces the file's content; parts, completion and abort then
    use the dataset routes. `If-Match` is required: the file's `etag`, or `*` to replace whatever is
    there. Retry-safe with an `Idempotency-Key`. Role: needs at least the `editor` role on the file's
    dataset.

    Args:
        file_mfid (str):
        idempotency_key (str | Unset):
        if_match (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ReplaceUploadInitiate): Start replacing the content of an existing file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | MultipartUploadSession
    """

    return sync_detailed(
        file_mfid=file_mfid,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReplaceUploadInitiate,
    idempotency_key: str | Unset = UNSET,
    if_match: str,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | MultipartUploadSession]:
    """Start replacing a file's content

     Starts a signed multipart upload that replaces the file's content; parts, completion and abort then
    use the dataset routes. `If-Match` is required: the file's `etag`, or `*` to replace whatever is
    there. Retry-safe with an `Idempotency-Key`. Role: needs at least the `editor` role on the file's
    dataset.

    Args:
        file_mfid (str):
        idempotency_key (str | Unset):
        if_match (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ReplaceUploadInitiate): Start replacing the content of an existing file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | MultipartUploadSession]
    """

    kwargs = _get_kwargs(
        file_mfid=file_mfid,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReplaceUploadInitiate,
    idempotency_key: str | Unset = UNSET,
    if_match: str,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | MultipartUploadSession | None:
    """Start replacing a file's content

     Starts a signed multipart upload that replaces the file's content; parts, completion and abort then
    use the dataset routes. `If-Match` is required: the file's `etag`, or `*` to replace whatever is
    there. Retry-safe with an `Idempotency-Key`. Role: needs at least the `editor` role on the file's
    dataset.

    Args:
        file_mfid (str):
        idempotency_key (str | Unset):
        if_match (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ReplaceUploadInitiate): Start replacing the content of an existing file.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | MultipartUploadSession
    """

    return (
        await asyncio_detailed(
            file_mfid=file_mfid,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
