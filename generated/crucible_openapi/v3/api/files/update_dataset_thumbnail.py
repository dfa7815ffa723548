from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.thumbnail import Thumbnail
from ...models.thumbnail_update import ThumbnailUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_mfid: str,
    thumbnail_id: int,
    *,
    body: ThumbnailUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/datasets/{dataset_mfid}/thumbnails/{thumbnail_id}".format(
            dataset_mfid=quote(str(dataset_mfid), safe=""),
            thumbnail_id=quote(str(thumbnail_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | Thumbnail | None:
    if response.status_code == 200:
        response_200 = Thumbnail.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | Thumbnail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_mfid: str,
    thumbnail_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ThumbnailUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | Thumbnail]:
    """Update a thumbnail

     Renames a thumbnail or replaces its image.

    Args:
        dataset_mfid (str):
        thumbnail_id (int):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ThumbnailUpdate): Partial update of a thumbnail; give at least one field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | Thumbnail]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        thumbnail_id=thumbnail_id,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_mfid: str,
    thumbnail_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ThumbnailUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | Thumbnail | None:
    """Update a thumbnail

     Renames a thumbnail or replaces its image.

    Args:
        dataset_mfid (str):
        thumbnail_id (int):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ThumbnailUpdate): Partial update of a thumbnail; give at least one field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | Thumbnail
    """

    return sync_detailed(
        dataset_mfid=dataset_mfid,
        thumbnail_id=thumbnail_id,
        client=client,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    dataset_mfid: str,
    thumbnail_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ThumbnailUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | Thumbnail]:
    """Update a thumbnail

     Renames a thumbnail or replaces its image.

    Args:
        dataset_mfid (str):
        thumbnail_id (int):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ThumbnailUpdate): Partial update of a thumbnail; give at least one field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | Thumbnail]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        thumbnail_id=thumbnail_id,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_mfid: str,
    thumbnail_id: int,
    *,
    client: AuthenticatedClient | Client,
    body: ThumbnailUpdate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | Thumbnail | None:
    """Update a thumbnail

     Renames a thumbnail or replaces its image.

    Args:
        dataset_mfid (str):
        thumbnail_id (int):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (ThumbnailUpdate): Partial update of a thumbnail; give at least one field.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | Thumbnail
    """

    return (
        await asyncio_detailed(
            dataset_mfid=dataset_mfid,
            thumbnail_id=thumbnail_id,
            client=client,
            body=body,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
