from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.part_sign_request import PartSignRequest
from ...models.privilege_mode import PrivilegeMode
from ...models.signed_parts import SignedParts
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_mfid: str,
    upload_id: str,
    *,
    body: PartSignRequest,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dataset_mfid}/upload/multipart/{upload_id}/parts".format(
            dataset_mfid=quote(str(dataset_mfid), safe=""),
            upload_id=quote(str(upload_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | SignedParts | None:
    if response.status_code == 200:
        response_200 = SignedParts.from_dict(response.json())

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

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | HTTPValidationError | SignedParts]:
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
    body: PartSignRequest,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | SignedParts]:
    """Sign upload parts

     Signed URLs for up to 32 parts. Send each part with a plain `PUT` to its URL with the returned
    headers and without the API key. Signing again is harmless (e.g. after a URL expired).

    Args:
        dataset_mfid (str):
        upload_id (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (PartSignRequest): Parts to sign (at most 32 per call).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | SignedParts]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        upload_id=upload_id,
        body=body,
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
    body: PartSignRequest,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | SignedParts | None:
    """Sign upload parts

     Signed URLs for up to 32 parts. Send each part with a plain `PUT` to its URL with the returned
    headers and without the API key. Signing again is harmless (e.g. after a URL expired).

    Args:
        dataset_mfid (str):
        upload_id (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (PartSignRequest): Parts to sign (at most 32 per call).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | SignedParts
    """

    return sync_detailed(
        dataset_mfid=dataset_mfid,
        upload_id=upload_id,
        client=client,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    dataset_mfid: str,
    upload_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PartSignRequest,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | SignedParts]:
    """Sign upload parts

     Signed URLs for up to 32 parts. Send each part with a plain `PUT` to its URL with the returned
    headers and without the API key. Signing again is harmless (e.g. after a URL expired).

    Args:
        dataset_mfid (str):
        upload_id (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (PartSignRequest): Parts to sign (at most 32 per call).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | SignedParts]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        upload_id=upload_id,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_mfid: str,
    upload_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: PartSignRequest,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | SignedParts | None:
    """Sign upload parts

     Signed URLs for up to 32 parts. Send each part with a plain `PUT` to its URL with the returned
    headers and without the API key. Signing again is harmless (e.g. after a URL expired).

    Args:
        dataset_mfid (str):
        upload_id (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (PartSignRequest): Parts to sign (at most 32 per call).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | SignedParts
    """

    return (
        await asyncio_detailed(
            dataset_mfid=dataset_mfid,
            upload_id=upload_id,
            client=client,
            body=body,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
