from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_access import DatasetAccess
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    orcid: str,
    dsid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{orcid}/datasets/{dsid}".format(
            orcid=quote(str(orcid), safe=""),
            dsid=quote(str(dsid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetAccess | ErrorDetail | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = DatasetAccess.from_dict(response.json())

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
) -> Response[DatasetAccess | ErrorDetail | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    orcid: str,
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DatasetAccess | ErrorDetail | HTTPValidationError]:
    """Get a user's access to a dataset

     Whether the user may read and write one dataset.

    Args:
        orcid (str): User ORCID.
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetAccess | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        orcid=orcid,
        dsid=dsid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    orcid: str,
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> DatasetAccess | ErrorDetail | HTTPValidationError | None:
    """Get a user's access to a dataset

     Whether the user may read and write one dataset.

    Args:
        orcid (str): User ORCID.
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetAccess | ErrorDetail | HTTPValidationError
    """

    return sync_detailed(
        orcid=orcid,
        dsid=dsid,
        client=client,
    ).parsed


async def asyncio_detailed(
    orcid: str,
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DatasetAccess | ErrorDetail | HTTPValidationError]:
    """Get a user's access to a dataset

     Whether the user may read and write one dataset.

    Args:
        orcid (str): User ORCID.
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetAccess | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        orcid=orcid,
        dsid=dsid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    orcid: str,
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> DatasetAccess | ErrorDetail | HTTPValidationError | None:
    """Get a user's access to a dataset

     Whether the user may read and write one dataset.

    Args:
        orcid (str): User ORCID.
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetAccess | ErrorDetail | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            orcid=orcid,
            dsid=dsid,
            client=client,
        )
    ).parsed
