from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.keyword import Keyword
from ...types import UNSET, Response


def _get_kwargs(
    dsid: str,
    *,
    keyword: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["keyword"] = keyword

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dsid}/keywords".format(
            dsid=quote(str(dsid), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | Keyword | None:
    if response.status_code == 200:
        response_200 = Keyword.from_dict(response.json())

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
) -> Response[ErrorDetail | HTTPValidationError | Keyword]:
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
    keyword: str,
) -> Response[ErrorDetail | HTTPValidationError | Keyword]:
    """Add a keyword

     Tags the dataset. The keyword goes in the query string (the seed client's form body was a bug, fixed
    the same day). Adding a keyword twice is harmless.

    Args:
        dsid (str): Dataset MFID.
        keyword (str): The keyword.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | Keyword]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        keyword=keyword,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    keyword: str,
) -> ErrorDetail | HTTPValidationError | Keyword | None:
    """Add a keyword

     Tags the dataset. The keyword goes in the query string (the seed client's form body was a bug, fixed
    the same day). Adding a keyword twice is harmless.

    Args:
        dsid (str): Dataset MFID.
        keyword (str): The keyword.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | Keyword
    """

    return sync_detailed(
        dsid=dsid,
        client=client,
        keyword=keyword,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    keyword: str,
) -> Response[ErrorDetail | HTTPValidationError | Keyword]:
    """Add a keyword

     Tags the dataset. The keyword goes in the query string (the seed client's form body was a bug, fixed
    the same day). Adding a keyword twice is harmless.

    Args:
        dsid (str): Dataset MFID.
        keyword (str): The keyword.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | Keyword]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        keyword=keyword,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    keyword: str,
) -> ErrorDetail | HTTPValidationError | Keyword | None:
    """Add a keyword

     Tags the dataset. The keyword goes in the query string (the seed client's form body was a bug, fixed
    the same day). Adding a keyword twice is harmless.

    Args:
        dsid (str): Dataset MFID.
        keyword (str): The keyword.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | Keyword
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            client=client,
            keyword=keyword,
        )
    ).parsed
