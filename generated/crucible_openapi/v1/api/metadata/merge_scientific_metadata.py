from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.scientific_metadata import ScientificMetadata
from ...models.scientific_metadata_record import ScientificMetadataRecord
from ...types import Response


def _get_kwargs(
    dsid: str,
    *,
    body: ScientificMetadata,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/datasets/{dsid}/scientific_metadata".format(
            dsid=quote(str(dsid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | ScientificMetadataRecord | None:
    if response.status_code == 200:
        response_200 = ScientificMetadataRecord.from_dict(response.json())

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
) -> Response[ErrorDetail | HTTPValidationError | ScientificMetadataRecord]:
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
    body: ScientificMetadata,
) -> Response[ErrorDetail | HTTPValidationError | ScientificMetadataRecord]:
    """Merge scientific metadata

     Deep-merges the body into the stored metadata: nested objects merge key by key, other values
    replace. Creates the metadata when there is none.

    Args:
        dsid (str): Dataset MFID.
        body (ScientificMetadata): Free-form JSON object of experimental parameters (temperatures,
            voltages, instrument settings...), nested at most 64 levels deep (objects and arrays;
            deeper answers 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | ScientificMetadataRecord]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    body: ScientificMetadata,
) -> ErrorDetail | HTTPValidationError | ScientificMetadataRecord | None:
    """Merge scientific metadata

     Deep-merges the body into the stored metadata: nested objects merge key by key, other values
    replace. Creates the metadata when there is none.

    Args:
        dsid (str): Dataset MFID.
        body (ScientificMetadata): Free-form JSON object of experimental parameters (temperatures,
            voltages, instrument settings...), nested at most 64 levels deep (objects and arrays;
            deeper answers 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | ScientificMetadataRecord
    """

    return sync_detailed(
        dsid=dsid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    body: ScientificMetadata,
) -> Response[ErrorDetail | HTTPValidationError | ScientificMetadataRecord]:
    """Merge scientific metadata

     Deep-merges the body into the stored metadata: nested objects merge key by key, other values
    replace. Creates the metadata when there is none.

    Args:
        dsid (str): Dataset MFID.
        body (ScientificMetadata): Free-form JSON object of experimental parameters (temperatures,
            voltages, instrument settings...), nested at most 64 levels deep (objects and arrays;
            deeper answers 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | ScientificMetadataRecord]
    """

    kwargs = _get_kwargs(
        dsid=dsid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
    body: ScientificMetadata,
) -> ErrorDetail | HTTPValidationError | ScientificMetadataRecord | None:
    """Merge scientific metadata

     Deep-merges the body into the stored metadata: nested objects merge key by key, other values
    replace. Creates the metadata when there is none.

    Args:
        dsid (str): Dataset MFID.
        body (ScientificMetadata): Free-form JSON object of experimental parameters (temperatures,
            voltages, instrument settings...), nested at most 64 levels deep (objects and arrays;
            deeper answers 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | ScientificMetadataRecord
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            client=client,
            body=body,
        )
    ).parsed
