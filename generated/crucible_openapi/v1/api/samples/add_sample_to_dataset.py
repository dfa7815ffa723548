from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_sample_link import DatasetSampleLink
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    dsid: str,
    sample_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets/{dsid}/samples/{sample_id}".format(
            dsid=quote(str(dsid), safe=""),
            sample_id=quote(str(sample_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetSampleLink | ErrorDetail | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = DatasetSampleLink.from_dict(response.json())

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
) -> Response[DatasetSampleLink | ErrorDetail | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dsid: str,
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DatasetSampleLink | ErrorDetail | HTTPValidationError]:
    """Link a sample to a dataset

     Links a sample to a dataset; linking twice is harmless.

    Args:
        dsid (str): Dataset MFID.
        sample_id (str): Sample MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetSampleLink | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        sample_id=sample_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> DatasetSampleLink | ErrorDetail | HTTPValidationError | None:
    """Link a sample to a dataset

     Links a sample to a dataset; linking twice is harmless.

    Args:
        dsid (str): Dataset MFID.
        sample_id (str): Sample MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetSampleLink | ErrorDetail | HTTPValidationError
    """

    return sync_detailed(
        dsid=dsid,
        sample_id=sample_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[DatasetSampleLink | ErrorDetail | HTTPValidationError]:
    """Link a sample to a dataset

     Links a sample to a dataset; linking twice is harmless.

    Args:
        dsid (str): Dataset MFID.
        sample_id (str): Sample MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetSampleLink | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        sample_id=sample_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> DatasetSampleLink | ErrorDetail | HTTPValidationError | None:
    """Link a sample to a dataset

     Links a sample to a dataset; linking twice is harmless.

    Args:
        dsid (str): Dataset MFID.
        sample_id (str): Sample MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetSampleLink | ErrorDetail | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            sample_id=sample_id,
            client=client,
        )
    ).parsed
