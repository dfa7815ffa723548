from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.sample_type_metadata import SampleTypeMetadata
from ...types import Response


def _get_kwargs(
    sample_id: str,
    sample_type: str,
    *,
    body: SampleTypeMetadata,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/samples/{sample_id}/metadata/{sample_type}".format(
            sample_id=quote(str(sample_id), safe=""),
            sample_type=quote(str(sample_type), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | SampleTypeMetadata | None:
    if response.status_code == 200:
        response_200 = SampleTypeMetadata.from_dict(response.json())

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
) -> Response[ErrorDetail | HTTPValidationError | SampleTypeMetadata]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sample_id: str,
    sample_type: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleTypeMetadata,
) -> Response[ErrorDetail | HTTPValidationError | SampleTypeMetadata]:
    """Store sample-type metadata

     Stores the fields of the sample's type-specific table, replacing any.

    Args:
        sample_id (str): Sample MFID.
        sample_type (str): Sample type, e.g. `spinbot_batch`.
        body (SampleTypeMetadata): Free-form fields of a sample-type table (for example
            `spinbot_batch`), nested at most 64 levels deep (deeper answers 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | SampleTypeMetadata]
    """

    kwargs = _get_kwargs(
        sample_id=sample_id,
        sample_type=sample_type,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sample_id: str,
    sample_type: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleTypeMetadata,
) -> ErrorDetail | HTTPValidationError | SampleTypeMetadata | None:
    """Store sample-type metadata

     Stores the fields of the sample's type-specific table, replacing any.

    Args:
        sample_id (str): Sample MFID.
        sample_type (str): Sample type, e.g. `spinbot_batch`.
        body (SampleTypeMetadata): Free-form fields of a sample-type table (for example
            `spinbot_batch`), nested at most 64 levels deep (deeper answers 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | SampleTypeMetadata
    """

    return sync_detailed(
        sample_id=sample_id,
        sample_type=sample_type,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    sample_id: str,
    sample_type: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleTypeMetadata,
) -> Response[ErrorDetail | HTTPValidationError | SampleTypeMetadata]:
    """Store sample-type metadata

     Stores the fields of the sample's type-specific table, replacing any.

    Args:
        sample_id (str): Sample MFID.
        sample_type (str): Sample type, e.g. `spinbot_batch`.
        body (SampleTypeMetadata): Free-form fields of a sample-type table (for example
            `spinbot_batch`), nested at most 64 levels deep (deeper answers 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | SampleTypeMetadata]
    """

    kwargs = _get_kwargs(
        sample_id=sample_id,
        sample_type=sample_type,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sample_id: str,
    sample_type: str,
    *,
    client: AuthenticatedClient | Client,
    body: SampleTypeMetadata,
) -> ErrorDetail | HTTPValidationError | SampleTypeMetadata | None:
    """Store sample-type metadata

     Stores the fields of the sample's type-specific table, replacing any.

    Args:
        sample_id (str): Sample MFID.
        sample_type (str): Sample type, e.g. `spinbot_batch`.
        body (SampleTypeMetadata): Free-form fields of a sample-type table (for example
            `spinbot_batch`), nested at most 64 levels deep (deeper answers 422).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | SampleTypeMetadata
    """

    return (
        await asyncio_detailed(
            sample_id=sample_id,
            sample_type=sample_type,
            client=client,
            body=body,
        )
    ).parsed
