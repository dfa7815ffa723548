from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset import Dataset
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    sample_id: str,
    *,
    keyword: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    public: bool | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    file_to_upload: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    source_folder: str | Unset = UNSET,
    creation_time: str | Unset = UNSET,
    size: int | Unset = UNSET,
    data_format: str | Unset = UNSET,
    measurement: str | Unset = UNSET,
    session_name: str | Unset = UNSET,
    sha256_hash_file_to_upload: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    include_metadata: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["keyword"] = keyword

    params["unique_id"] = unique_id

    params["public"] = public

    params["dataset_name"] = dataset_name

    params["file_to_upload"] = file_to_upload

    params["owner_orcid"] = owner_orcid

    params["project_id"] = project_id

    params["instrument_name"] = instrument_name

    params["source_folder"] = source_folder

    params["creation_time"] = creation_time

    params["size"] = size

    params["data_format"] = data_format

    params["measurement"] = measurement

    params["session_name"] = session_name

    params["sha256_hash_file_to_upload"] = sha256_hash_file_to_upload

    params["limit"] = limit

    params["include_metadata"] = include_metadata

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/samples/{sample_id}/datasets".format(
            sample_id=quote(str(sample_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | list[Dataset] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Dataset.from_dict(response_200_item_data)

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
) -> Response[ErrorDetail | HTTPValidationError | list[Dataset]]:
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
    keyword: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    public: bool | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    file_to_upload: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    source_folder: str | Unset = UNSET,
    creation_time: str | Unset = UNSET,
    size: int | Unset = UNSET,
    data_format: str | Unset = UNSET,
    measurement: str | Unset = UNSET,
    session_name: str | Unset = UNSET,
    sha256_hash_file_to_upload: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    include_metadata: bool | Unset = False,
) -> Response[ErrorDetail | HTTPValidationError | list[Dataset]]:
    """List a sample's datasets

     Datasets linked to a sample, with the same filters as `GET /datasets`; `include_metadata=true` adds
    each dataset's metadata record, as there.

    Args:
        sample_id (str): Sample MFID.
        keyword (str | Unset): Datasets carrying a keyword that contains this text, ignoring case.
            Filters are exact and case-sensitive unless said otherwise.
        unique_id (str | Unset): Exact dataset MFID. Filters are exact and case-sensitive unless
            said otherwise.
        public (bool | Unset): Exact public flag. Filters are exact and case-sensitive unless said
            otherwise.
        dataset_name (str | Unset): Exact name. Filters are exact and case-sensitive unless said
            otherwise.
        file_to_upload (str | Unset): Exact main-file path. Filters are exact and case-sensitive
            unless said otherwise.
        owner_orcid (str | Unset): Exact owner ORCID. Filters are exact and case-sensitive unless
            said otherwise.
        project_id (str | Unset): Exact project slug. Filters are exact and case-sensitive unless
            said otherwise.
        instrument_name (str | Unset): Exact instrument name. Filters are exact and case-sensitive
            unless said otherwise.
        source_folder (str | Unset): Exact source folder. Filters are exact and case-sensitive
            unless said otherwise.
        creation_time (str | Unset): Exact creation time as stored. Filters are exact and case-
            sensitive unless said otherwise.
        size (int | Unset): Exact size in bytes. Filters are exact and case-sensitive unless said
            otherwise.
        data_format (str | Unset): Exact data format. Filters are exact and case-sensitive unless
            said otherwise.
        measurement (str | Unset): Exact measurement. Filters are exact and case-sensitive unless
            said otherwise.
        session_name (str | Unset): Exact session name. Filters are exact and case-sensitive
            unless said otherwise.
        sha256_hash_file_to_upload (str | Unset): Exact main-file SHA-256. Filters are exact and
            case-sensitive unless said otherwise.
        limit (int | Unset): Return at most this many records.
        include_metadata (bool | Unset): Embed each dataset's scientific metadata record. Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | list[Dataset]]
    """

    kwargs = _get_kwargs(
        sample_id=sample_id,
        keyword=keyword,
        unique_id=unique_id,
        public=public,
        dataset_name=dataset_name,
        file_to_upload=file_to_upload,
        owner_orcid=owner_orcid,
        project_id=project_id,
        instrument_name=instrument_name,
        source_folder=source_folder,
        creation_time=creation_time,
        size=size,
        data_format=data_format,
        measurement=measurement,
        session_name=session_name,
        sha256_hash_file_to_upload=sha256_hash_file_to_upload,
        limit=limit,
        include_metadata=include_metadata,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    public: bool | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    file_to_upload: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    source_folder: str | Unset = UNSET,
    creation_time: str | Unset = UNSET,
    size: int | Unset = UNSET,
    data_format: str | Unset = UNSET,
    measurement: str | Unset = UNSET,
    session_name: str | Unset = UNSET,
    sha256_hash_file_to_upload: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    include_metadata: bool | Unset = False,
) -> ErrorDetail | HTTPValidationError | list[Dataset] | None:
    """List a sample's datasets

     Datasets linked to a sample, with the same filters as `GET /datasets`; `include_metadata=true` adds
    each dataset's metadata record, as there.

    Args:
        sample_id (str): Sample MFID.
        keyword (str | Unset): Datasets carrying a keyword that contains this text, ignoring case.
            Filters are exact and case-sensitive unless said otherwise.
        unique_id (str | Unset): Exact dataset MFID. Filters are exact and case-sensitive unless
            said otherwise.
        public (bool | Unset): Exact public flag. Filters are exact and case-sensitive unless said
            otherwise.
        dataset_name (str | Unset): Exact name. Filters are exact and case-sensitive unless said
            otherwise.
        file_to_upload (str | Unset): Exact main-file path. Filters are exact and case-sensitive
            unless said otherwise.
        owner_orcid (str | Unset): Exact owner ORCID. Filters are exact and case-sensitive unless
            said otherwise.
        project_id (str | Unset): Exact project slug. Filters are exact and case-sensitive unless
            said otherwise.
        instrument_name (str | Unset): Exact instrument name. Filters are exact and case-sensitive
            unless said otherwise.
        source_folder (str | Unset): Exact source folder. Filters are exact and case-sensitive
            unless said otherwise.
        creation_time (str | Unset): Exact creation time as stored. Filters are exact and case-
            sensitive unless said otherwise.
        size (int | Unset): Exact size in bytes. Filters are exact and case-sensitive unless said
            otherwise.
        data_format (str | Unset): Exact data format. Filters are exact and case-sensitive unless
            said otherwise.
        measurement (str | Unset): Exact measurement. Filters are exact and case-sensitive unless
            said otherwise.
        session_name (str | Unset): Exact session name. Filters are exact and case-sensitive
            unless said otherwise.
        sha256_hash_file_to_upload (str | Unset): Exact main-file SHA-256. Filters are exact and
            case-sensitive unless said otherwise.
        limit (int | Unset): Return at most this many records.
        include_metadata (bool | Unset): Embed each dataset's scientific metadata record. Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | list[Dataset]
    """

    return sync_detailed(
        sample_id=sample_id,
        client=client,
        keyword=keyword,
        unique_id=unique_id,
        public=public,
        dataset_name=dataset_name,
        file_to_upload=file_to_upload,
        owner_orcid=owner_orcid,
        project_id=project_id,
        instrument_name=instrument_name,
        source_folder=source_folder,
        creation_time=creation_time,
        size=size,
        data_format=data_format,
        measurement=measurement,
        session_name=session_name,
        sha256_hash_file_to_upload=sha256_hash_file_to_upload,
        limit=limit,
        include_metadata=include_metadata,
    ).parsed


async def asyncio_detailed(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    public: bool | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    file_to_upload: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    source_folder: str | Unset = UNSET,
    creation_time: str | Unset = UNSET,
    size: int | Unset = UNSET,
    data_format: str | Unset = UNSET,
    measurement: str | Unset = UNSET,
    session_name: str | Unset = UNSET,
    sha256_hash_file_to_upload: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    include_metadata: bool | Unset = False,
) -> Response[ErrorDetail | HTTPValidationError | list[Dataset]]:
    """List a sample's datasets

     Datasets linked to a sample, with the same filters as `GET /datasets`; `include_metadata=true` adds
    each dataset's metadata record, as there.

    Args:
        sample_id (str): Sample MFID.
        keyword (str | Unset): Datasets carrying a keyword that contains this text, ignoring case.
            Filters are exact and case-sensitive unless said otherwise.
        unique_id (str | Unset): Exact dataset MFID. Filters are exact and case-sensitive unless
            said otherwise.
        public (bool | Unset): Exact public flag. Filters are exact and case-sensitive unless said
            otherwise.
        dataset_name (str | Unset): Exact name. Filters are exact and case-sensitive unless said
            otherwise.
        file_to_upload (str | Unset): Exact main-file path. Filters are exact and case-sensitive
            unless said otherwise.
        owner_orcid (str | Unset): Exact owner ORCID. Filters are exact and case-sensitive unless
            said otherwise.
        project_id (str | Unset): Exact project slug. Filters are exact and case-sensitive unless
            said otherwise.
        instrument_name (str | Unset): Exact instrument name. Filters are exact and case-sensitive
            unless said otherwise.
        source_folder (str | Unset): Exact source folder. Filters are exact and case-sensitive
            unless said otherwise.
        creation_time (str | Unset): Exact creation time as stored. Filters are exact and case-
            sensitive unless said otherwise.
        size (int | Unset): Exact size in bytes. Filters are exact and case-sensitive unless said
            otherwise.
        data_format (str | Unset): Exact data format. Filters are exact and case-sensitive unless
            said otherwise.
        measurement (str | Unset): Exact measurement. Filters are exact and case-sensitive unless
            said otherwise.
        session_name (str | Unset): Exact session name. Filters are exact and case-sensitive
            unless said otherwise.
        sha256_hash_file_to_upload (str | Unset): Exact main-file SHA-256. Filters are exact and
            case-sensitive unless said otherwise.
        limit (int | Unset): Return at most this many records.
        include_metadata (bool | Unset): Embed each dataset's scientific metadata record. Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | list[Dataset]]
    """

    kwargs = _get_kwargs(
        sample_id=sample_id,
        keyword=keyword,
        unique_id=unique_id,
        public=public,
        dataset_name=dataset_name,
        file_to_upload=file_to_upload,
        owner_orcid=owner_orcid,
        project_id=project_id,
        instrument_name=instrument_name,
        source_folder=source_folder,
        creation_time=creation_time,
        size=size,
        data_format=data_format,
        measurement=measurement,
        session_name=session_name,
        sha256_hash_file_to_upload=sha256_hash_file_to_upload,
        limit=limit,
        include_metadata=include_metadata,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sample_id: str,
    *,
    client: AuthenticatedClient | Client,
    keyword: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    public: bool | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    file_to_upload: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    project_id: str | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    source_folder: str | Unset = UNSET,
    creation_time: str | Unset = UNSET,
    size: int | Unset = UNSET,
    data_format: str | Unset = UNSET,
    measurement: str | Unset = UNSET,
    session_name: str | Unset = UNSET,
    sha256_hash_file_to_upload: str | Unset = UNSET,
    limit: int | Unset = UNSET,
    include_metadata: bool | Unset = False,
) -> ErrorDetail | HTTPValidationError | list[Dataset] | None:
    """List a sample's datasets

     Datasets linked to a sample, with the same filters as `GET /datasets`; `include_metadata=true` adds
    each dataset's metadata record, as there.

    Args:
        sample_id (str): Sample MFID.
        keyword (str | Unset): Datasets carrying a keyword that contains this text, ignoring case.
            Filters are exact and case-sensitive unless said otherwise.
        unique_id (str | Unset): Exact dataset MFID. Filters are exact and case-sensitive unless
            said otherwise.
        public (bool | Unset): Exact public flag. Filters are exact and case-sensitive unless said
            otherwise.
        dataset_name (str | Unset): Exact name. Filters are exact and case-sensitive unless said
            otherwise.
        file_to_upload (str | Unset): Exact main-file path. Filters are exact and case-sensitive
            unless said otherwise.
        owner_orcid (str | Unset): Exact owner ORCID. Filters are exact and case-sensitive unless
            said otherwise.
        project_id (str | Unset): Exact project slug. Filters are exact and case-sensitive unless
            said otherwise.
        instrument_name (str | Unset): Exact instrument name. Filters are exact and case-sensitive
            unless said otherwise.
        source_folder (str | Unset): Exact source folder. Filters are exact and case-sensitive
            unless said otherwise.
        creation_time (str | Unset): Exact creation time as stored. Filters are exact and case-
            sensitive unless said otherwise.
        size (int | Unset): Exact size in bytes. Filters are exact and case-sensitive unless said
            otherwise.
        data_format (str | Unset): Exact data format. Filters are exact and case-sensitive unless
            said otherwise.
        measurement (str | Unset): Exact measurement. Filters are exact and case-sensitive unless
            said otherwise.
        session_name (str | Unset): Exact session name. Filters are exact and case-sensitive
            unless said otherwise.
        sha256_hash_file_to_upload (str | Unset): Exact main-file SHA-256. Filters are exact and
            case-sensitive unless said otherwise.
        limit (int | Unset): Return at most this many records.
        include_metadata (bool | Unset): Embed each dataset's scientific metadata record. Default:
            False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | list[Dataset]
    """

    return (
        await asyncio_detailed(
            sample_id=sample_id,
            client=client,
            keyword=keyword,
            unique_id=unique_id,
            public=public,
            dataset_name=dataset_name,
            file_to_upload=file_to_upload,
            owner_orcid=owner_orcid,
            project_id=project_id,
            instrument_name=instrument_name,
            source_folder=source_folder,
            creation_time=creation_time,
            size=size,
            data_format=data_format,
            measurement=measurement,
            session_name=session_name,
            sha256_hash_file_to_upload=sha256_hash_file_to_upload,
            limit=limit,
            include_metadata=include_metadata,
        )
    ).parsed
