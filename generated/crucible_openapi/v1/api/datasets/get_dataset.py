from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset import Dataset
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    dsid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/datasets/{dsid}".format(
            dsid=quote(str(dsid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Dataset | None | ErrorDetail | HTTPValidationError | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> Dataset | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = Dataset.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Dataset | None, data)

        response_200 = _parse_response_200(response.json())

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

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Dataset | None | ErrorDetail | HTTPValidationError]:
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
) -> Response[Dataset | None | ErrorDetail | HTTPValidationError]:
    """Get a dataset

     One dataset, without its scientific metadata. Answers 200 with a JSON `null` body when no such
    record exists (not 404).

    Args:
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dataset | None | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Dataset | None | ErrorDetail | HTTPValidationError | None:
    """Get a dataset

     One dataset, without its scientific metadata. Answers 200 with a JSON `null` body when no such
    record exists (not 404).

    Args:
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dataset | None | ErrorDetail | HTTPValidationError
    """

    return sync_detailed(
        dsid=dsid,
        client=client,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Dataset | None | ErrorDetail | HTTPValidationError]:
    """Get a dataset

     One dataset, without its scientific metadata. Answers 200 with a JSON `null` body when no such
    record exists (not 404).

    Args:
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dataset | None | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Dataset | None | ErrorDetail | HTTPValidationError | None:
    """Get a dataset

     One dataset, without its scientific metadata. Answers 200 with a JSON `null` body when no such
    record exists (not 404).

    Args:
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dataset | None | ErrorDetail | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            client=client,
        )
    ).parsed
