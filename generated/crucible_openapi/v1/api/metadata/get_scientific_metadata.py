from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.scientific_metadata_record import ScientificMetadataRecord
from ...types import Response


def _get_kwargs(
    dsid: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/datasets/{dsid}/scientific_metadata".format(
            dsid=quote(str(dsid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | None | ScientificMetadataRecord | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> None | ScientificMetadataRecord:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ScientificMetadataRecord.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScientificMetadataRecord, data)

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
) -> Response[ErrorDetail | HTTPValidationError | None | ScientificMetadataRecord]:
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
) -> Response[ErrorDetail | HTTPValidationError | None | ScientificMetadataRecord]:
    """Get scientific metadata

     The dataset's metadata record; the dictionary is under `scientific_metadata`. Answers 200 with a
    JSON `null` body when no such record exists (not 404).

    Args:
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | None | ScientificMetadataRecord]
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
) -> ErrorDetail | HTTPValidationError | None | ScientificMetadataRecord | None:
    """Get scientific metadata

     The dataset's metadata record; the dictionary is under `scientific_metadata`. Answers 200 with a
    JSON `null` body when no such record exists (not 404).

    Args:
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | None | ScientificMetadataRecord
    """

    return sync_detailed(
        dsid=dsid,
        client=client,
    ).parsed


async def asyncio_detailed(
    dsid: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ErrorDetail | HTTPValidationError | None | ScientificMetadataRecord]:
    """Get scientific metadata

     The dataset's metadata record; the dictionary is under `scientific_metadata`. Answers 200 with a
    JSON `null` body when no such record exists (not 404).

    Args:
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | None | ScientificMetadataRecord]
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
) -> ErrorDetail | HTTPValidationError | None | ScientificMetadataRecord | None:
    """Get scientific metadata

     The dataset's metadata record; the dictionary is under `scientific_metadata`. Answers 200 with a
    JSON `null` body when no such record exists (not 404).

    Args:
        dsid (str): Dataset MFID.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | None | ScientificMetadataRecord
    """

    return (
        await asyncio_detailed(
            dsid=dsid,
            client=client,
        )
    ).parsed
