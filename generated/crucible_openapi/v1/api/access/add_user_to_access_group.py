from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_group import AccessGroup
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    orcid: str,
    group_name: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users/{orcid}/access_groups/{group_name}".format(
            orcid=quote(str(orcid), safe=""),
            group_name=quote(str(group_name), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessGroup | ErrorDetail | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = AccessGroup.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorDetail.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorDetail.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorDetail.from_dict(response.json())

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
) -> Response[AccessGroup | ErrorDetail | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    orcid: str,
    group_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[AccessGroup | ErrorDetail | HTTPValidationError]:
    """Add a user to an access group

     Adds a user to a group, creating the group if needed. Admin only: a normal user's key gets 403.

    Args:
        orcid (str): User ORCID.
        group_name (str): Group name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessGroup | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        orcid=orcid,
        group_name=group_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    orcid: str,
    group_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> AccessGroup | ErrorDetail | HTTPValidationError | None:
    """Add a user to an access group

     Adds a user to a group, creating the group if needed. Admin only: a normal user's key gets 403.

    Args:
        orcid (str): User ORCID.
        group_name (str): Group name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessGroup | ErrorDetail | HTTPValidationError
    """

    return sync_detailed(
        orcid=orcid,
        group_name=group_name,
        client=client,
    ).parsed


async def asyncio_detailed(
    orcid: str,
    group_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[AccessGroup | ErrorDetail | HTTPValidationError]:
    """Add a user to an access group

     Adds a user to a group, creating the group if needed. Admin only: a normal user's key gets 403.

    Args:
        orcid (str): User ORCID.
        group_name (str): Group name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessGroup | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        orcid=orcid,
        group_name=group_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    orcid: str,
    group_name: str,
    *,
    client: AuthenticatedClient | Client,
) -> AccessGroup | ErrorDetail | HTTPValidationError | None:
    """Add a user to an access group

     Adds a user to a group, creating the group if needed. Admin only: a normal user's key gets 403.

    Args:
        orcid (str): User ORCID.
        group_name (str): Group name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessGroup | ErrorDetail | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            orcid=orcid,
            group_name=group_name,
            client=client,
        )
    ).parsed
