from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_grant import AccessGrant
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dsid: str,
    *,
    group_name: str,
    read: bool | Unset = True,
    write: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["group_name"] = group_name

    params["read"] = read

    params["write"] = write

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dsid}/access_groups".format(
            dsid=quote(str(dsid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessGrant | ErrorDetail | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = AccessGrant.from_dict(response.json())

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
) -> Response[AccessGrant | ErrorDetail | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    group_name: str,
    read: bool | Unset = True,
    write: bool | Unset = False,
) -> Response[AccessGrant | ErrorDetail | HTTPValidationError]:
    """Grant a group access to a dataset

     Gives a group read and optionally write access; granting again updates the flags. Needs write access
    to the dataset (admins always have it).

    Args:
        dsid (str): Dataset MFID.
        group_name (str): Group name.
        read (bool | Unset): Grant read access. Default: True.
        write (bool | Unset): Grant write access. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessGrant | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        group_name=group_name,
        read=read,
        write=write,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    group_name: str,
    read: bool | Unset = True,
    write: bool | Unset = False,
) -> AccessGrant | ErrorDetail | HTTPValidationError | None:
    """Grant a group access to a dataset

     Gives a group read and optionally write access; granting again updates the flags. Needs write access
    to the dataset (admins always have it).

    Args:
        dsid (str): Dataset MFID.
        group_name (str): Group name.
        read (bool | Unset): Grant read access. Default: True.
        write (bool | Unset): Grant write access. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessGrant | ErrorDetail | HTTPValidationError
    """

    return sync_detailed(
        dsid=dsid,
        client=client,
        group_name=group_name,
        read=read,
        write=write,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    group_name: str,
    read: bool | Unset = True,
    write: bool | Unset = False,
) -> Response[AccessGrant | ErrorDetail | HTTPValidationError]:
    """Grant a group access to a dataset

     Gives a group read and optionally write access; granting again updates the flags. Needs write access
    to the dataset (admins always have it).

    Args:
        dsid (str): Dataset MFID.
        group_name (str): Group name.
        read (bool | Unset): Grant read access. Default: True.
        write (bool | Unset): Grant write access. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessGrant | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        group_name=group_name,
        read=read,
        write=write,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    group_name: str,
    read: bool | Unset = True,
    write: bool | Unset = False,
) -> AccessGrant | ErrorDetail | HTTPValidationError | None:
    """Grant a group access to a dataset

     Gives a group read and optionally write access; granting again updates the flags. Needs write access
    to the dataset (admins always have it).

    Args:
        dsid (str): Dataset MFID.
        group_name (str): Group name.
        read (bool | Unset): Grant read access. Default: True.
        write (bool | Unset): Grant write access. Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessGrant | ErrorDetail | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            client=client,
            group_name=group_name,
            read=read,
            write=write,
        )
    ).parsed
