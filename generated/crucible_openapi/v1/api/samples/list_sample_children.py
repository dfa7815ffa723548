from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.sample import Sample
from ...types import UNSET, Response, Unset


def _get_kwargs(
    sample_id: str,
    *,
    unique_id: str | Unset = UNSET,
    sample_name: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    sample_type: str | Unset = UNSET,
    description: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["unique_id"] = unique_id

    params["sample_name"] = sample_name

    params["owner_orcid"] = owner_orcid

    params["project_id"] = project_id

    params["sample_type"] = sample_type

    params["description"] = description

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/samples/{sample_id}/children".format(
            sample_id=quote(str(sample_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | list[Sample] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Sample.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[ErrorDetail | HTTPValidationError | list[Sample]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    unique_id: str | Unset = UNSET,
    sample_name: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    sample_type: str | Unset = UNSET,
    description: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorDetail | HTTPValidationError | list[Sample]]:
    """List a sample's children

     Samples linked as children, with the sample filters.

    Args:
        sample_id (str): Sample MFID.
        unique_id (str | Unset): Exact sample MFID. Filters are exact and case-sensitive unless
            said otherwise.
        sample_name (str | Unset): Exact name. Filters are exact and case-sensitive unless said
            otherwise.
        owner_orcid (str | Unset): Exact owner ORCID. Filters are exact and case-sensitive unless
            said otherwise.
        project_id (str | Unset): Exact project slug. Filters are exact and case-sensitive unless
            said otherwise.
        sample_type (str | Unset): Exact sample type. Filters are exact and case-sensitive unless
            said otherwise.
        description (str | Unset): Exact description. Filters are exact and case-sensitive unless
            said otherwise.
        limit (int | Unset): Return at most this many records.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | list[Sample]]
    """

    kwargs = _get_kwargs(
        sample_id=sample_id,
        unique_id=unique_id,
        sample_name=sample_name,
        owner_orcid=owner_orcid,
        project_id=project_id,
        sample_type=sample_type,
        description=description,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    unique_id: str | Unset = UNSET,
    sample_name: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    sample_type: str | Unset = UNSET,
    description: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorDetail | HTTPValidationError | list[Sample] | None:
    """List a sample's children

     Samples linked as children, with the sample filters.

    Args:
        sample_id (str): Sample MFID.
        unique_id (str | Unset): Exact sample MFID. Filters are exact and case-sensitive unless
            said otherwise.
        sample_name (str | Unset): Exact name. Filters are exact and case-sensitive unless said
            otherwise.
        owner_orcid (str | Unset): Exact owner ORCID. Filters are exact and case-sensitive unless
            said otherwise.
        project_id (str | Unset): Exact project slug. Filters are exact and case-sensitive unless
            said otherwise.
        sample_type (str | Unset): Exact sample type. Filters are exact and case-sensitive unless
            said otherwise.
        description (str | Unset): Exact description. Filters are exact and case-sensitive unless
            said otherwise.
        limit (int | Unset): Return at most this many records.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | list[Sample]
    """

    return sync_detailed(
        sample_id=sample_id,
        client=client,
        unique_id=unique_id,
        sample_name=sample_name,
        owner_orcid=owner_orcid,
        project_id=project_id,
        sample_type=sample_type,
        description=description,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    unique_id: str | Unset = UNSET,
    sample_name: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    sample_type: str | Unset = UNSET,
    description: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[ErrorDetail | HTTPValidationError | list[Sample]]:
    """List a sample's children

     Samples linked as children, with the sample filters.

    Args:
        sample_id (str): Sample MFID.
        unique_id (str | Unset): Exact sample MFID. Filters are exact and case-sensitive unless
            said otherwise.
        sample_name (str | Unset): Exact name. Filters are exact and case-sensitive unless said
            otherwise.
        owner_orcid (str | Unset): Exact owner ORCID. Filters are exact and case-sensitive unless
            said otherwise.
        project_id (str | Unset): Exact project slug. Filters are exact and case-sensitive unless
            said otherwise.
        sample_type (str | Unset): Exact sample type. Filters are exact and case-sensitive unless
            said otherwise.
        description (str | Unset): Exact description. Filters are exact and case-sensitive unless
            said otherwise.
        limit (int | Unset): Return at most this many records.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | list[Sample]]
    """

    kwargs = _get_kwargs(
        sample_id=sample_id,
        unique_id=unique_id,
        sample_name=sample_name,
        owner_orcid=owner_orcid,
        project_id=project_id,
        sample_type=sample_type,
        description=description,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    unique_id: str | Unset = UNSET,
    sample_name: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    sample_type: str | Unset = UNSET,
    description: str | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> ErrorDetail | HTTPValidationError | list[Sample] | None:
    """List a sample's children

     Samples linked as children, with the sample filters.

    Args:
        sample_id (str): Sample MFID.
        unique_id (str | Unset): Exact sample MFID. Filters are exact and case-sensitive unless
            said otherwise.
        sample_name (str | Unset): Exact name. Filters are exact and case-sensitive unless said
            otherwise.
        owner_orcid (str | Unset): Exact owner ORCID. Filters are exact and case-sensitive unless
            said otherwise.
        project_id (str | Unset): Exact project slug. Filters are exact and case-sensitive unless
            said otherwise.
        sample_type (str | Unset): Exact sample type. Filters are exact and case-sensitive unless
            said otherwise.
        description (str | Unset): Exact description. Filters are exact and case-sensitive unless
            said otherwise.
        limit (int | Unset): Return at most this many records.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | list[Sample]
    """

    return (
        await asyncio_detailed(
            sample_id=sample_id,
            client=client,
            unique_id=unique_id,
            sample_name=sample_name,
            owner_orcid=owner_orcid,
            project_id=project_id,
            sample_type=sample_type,
            description=description,
            limit=limit,
        )
    ).parsed
