from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.ingestion_choice import IngestionChoice
from ...models.ingestion_request import IngestionRequest
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    file_mfid: str,
    *,
    status: IngestionChoice | Unset = UNSET,
    ingestion_class: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["ingestion_class"] = ingestion_class

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/files/{file_mfid}/ingest".format(
            file_mfid=quote(str(file_mfid), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | IngestionRequest | None:
    if response.status_code == 200:
        response_200 = IngestionRequest.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | IngestionRequest]:
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
    status: IngestionChoice | Unset = UNSET,
    ingestion_class: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | IngestionRequest]:
    """Request ingestion of a file

     Creates an ingestion request for the file: `status=requested` queues it for a worker,
    `not_requested` only records it. Omit `ingestion_class` to let the server detect it. Each call
    creates a new request.

    Args:
        file_mfid (str):
        status (IngestionChoice | Unset): Whether a file's ingestion request is created as
            `requested` (a worker will process it) or `not_requested` (recorded only).
        ingestion_class (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | IngestionRequest]
    """

    kwargs = _get_kwargs(
        file_mfid=file_mfid,
        status=status,
        ingestion_class=ingestion_class,
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
    status: IngestionChoice | Unset = UNSET,
    ingestion_class: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | IngestionRequest | None:
    """Request ingestion of a file

     Creates an ingestion request for the file: `status=requested` queues it for a worker,
    `not_requested` only records it. Omit `ingestion_class` to let the server detect it. Each call
    creates a new request.

    Args:
        file_mfid (str):
        status (IngestionChoice | Unset): Whether a file's ingestion request is created as
            `requested` (a worker will process it) or `not_requested` (recorded only).
        ingestion_class (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | IngestionRequest
    """

    return sync_detailed(
        file_mfid=file_mfid,
        client=client,
        status=status,
        ingestion_class=ingestion_class,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    status: IngestionChoice | Unset = UNSET,
    ingestion_class: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | IngestionRequest]:
    """Request ingestion of a file

     Creates an ingestion request for the file: `status=requested` queues it for a worker,
    `not_requested` only records it. Omit `ingestion_class` to let the server detect it. Each call
    creates a new request.

    Args:
        file_mfid (str):
        status (IngestionChoice | Unset): Whether a file's ingestion request is created as
            `requested` (a worker will process it) or `not_requested` (recorded only).
        ingestion_class (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | IngestionRequest]
    """

    kwargs = _get_kwargs(
        file_mfid=file_mfid,
        status=status,
        ingestion_class=ingestion_class,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    file_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    status: IngestionChoice | Unset = UNSET,
    ingestion_class: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | IngestionRequest | None:
    """Request ingestion of a file

     Creates an ingestion request for the file: `status=requested` queues it for a worker,
    `not_requested` only records it. Omit `ingestion_class` to let the server detect it. Each call
    creates a new request.

    Args:
        file_mfid (str):
        status (IngestionChoice | Unset): Whether a file's ingestion request is created as
            `requested` (a worker will process it) or `not_requested` (recorded only).
        ingestion_class (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | IngestionRequest
    """

    return (
        await asyncio_detailed(
            file_mfid=file_mfid,
            client=client,
            status=status,
            ingestion_class=ingestion_class,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
