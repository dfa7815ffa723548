from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.link_result import LinkResult
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    parent_mfid: str,
    child_mfid: str,
    *,
    relationship_type: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["relationship_type"] = relationship_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{parent_mfid}/children/{child_mfid}".format(
            parent_mfid=quote(str(parent_mfid), safe=""),
            child_mfid=quote(str(child_mfid), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | LinkResult | None:
    if response.status_code == 200:
        response_200 = LinkResult.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | LinkResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    parent_mfid: str,
    child_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    relationship_type: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | LinkResult]:
    """Link a child dataset

     Makes the second dataset a child of the first. Repeating it keeps one link.

    Args:
        parent_mfid (str):
        child_mfid (str):
        relationship_type (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | LinkResult]
    """

    kwargs = _get_kwargs(
        parent_mfid=parent_mfid,
        child_mfid=child_mfid,
        relationship_type=relationship_type,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    parent_mfid: str,
    child_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    relationship_type: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | LinkResult | None:
    """Link a child dataset

     Makes the second dataset a child of the first. Repeating it keeps one link.

    Args:
        parent_mfid (str):
        child_mfid (str):
        relationship_type (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | LinkResult
    """

    return sync_detailed(
        parent_mfid=parent_mfid,
        child_mfid=child_mfid,
        client=client,
        relationship_type=relationship_type,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    parent_mfid: str,
    child_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    relationship_type: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | LinkResult]:
    """Link a child dataset

     Makes the second dataset a child of the first. Repeating it keeps one link.

    Args:
        parent_mfid (str):
        child_mfid (str):
        relationship_type (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | LinkResult]
    """

    kwargs = _get_kwargs(
        parent_mfid=parent_mfid,
        child_mfid=child_mfid,
        relationship_type=relationship_type,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    parent_mfid: str,
    child_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    relationship_type: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | LinkResult | None:
    """Link a child dataset

     Makes the second dataset a child of the first. Repeating it keeps one link.

    Args:
        parent_mfid (str):
        child_mfid (str):
        relationship_type (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | LinkResult
    """

    return (
        await asyncio_detailed(
            parent_mfid=parent_mfid,
            child_mfid=child_mfid,
            client=client,
            relationship_type=relationship_type,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
