import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset_cursor_page import DatasetCursorPage
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    accessible_to_user: list[str] | Unset = UNSET,
    accessible_to_project: list[str] | Unset = UNSET,
    affiliation: list[str] | Unset = UNSET,
    anchor_mfid: str | Unset = UNSET,
    creation_time_gte: datetime.datetime | Unset = UNSET,
    creation_time_lte: datetime.datetime | Unset = UNSET,
    modification_time_gte: datetime.datetime | Unset = UNSET,
    modification_time_lte: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    data_format: str | Unset = UNSET,
    data_format_is_null: bool | Unset = UNSET,
    instrument_mfid: str | Unset = UNSET,
    instrument_mfid_is_null: bool | Unset = UNSET,
    measurement: str | Unset = UNSET,
    measurement_is_null: bool | Unset = UNSET,
    sample_mfid: str | Unset = UNSET,
    session_name: str | Unset = UNSET,
    session_name_is_null: bool | Unset = UNSET,
    data_type: str | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_links: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    keyword: str | Unset = UNSET,
    owner_id: str | Unset = UNSET,
    owner_id_is_null: bool | Unset = UNSET,
    project_id: str | Unset = UNSET,
    project_mfid: str | Unset = UNSET,
    project_mfid_is_null: bool | Unset = UNSET,
    project_scope: str | Unset = UNSET,
    visibility: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    public: bool | Unset = UNSET,
    size: int | Unset = UNSET,
    timestamp: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    json_accessible_to_user: list[str] | Unset = UNSET
    if not isinstance(accessible_to_user, Unset):
        json_accessible_to_user = accessible_to_user

    params["accessible_to_user"] = json_accessible_to_user

    json_accessible_to_project: list[str] | Unset = UNSET
    if not isinstance(accessible_to_project, Unset):
        json_accessible_to_project = accessible_to_project

    params["accessible_to_project"] = json_accessible_to_project

    json_affiliation: list[str] | Unset = UNSET
    if not isinstance(affiliation, Unset):
        json_affiliation = affiliation

    params["affiliation"] = json_affiliation

    params["anchor_mfid"] = anchor_mfid

    json_creation_time_gte: str | Unset = UNSET
    if not isinstance(creation_time_gte, Unset):
        json_creation_time_gte = creation_time_gte.isoformat()
    params["creation_time_gte"] = json_creation_time_gte

    json_creation_time_lte: str | Unset = UNSET
    if not isinstance(creation_time_lte, Unset):
        json_creation_time_lte = creation_time_lte.isoformat()
    params["creation_time_lte"] = json_creation_time_lte

    json_modification_time_gte: str | Unset = UNSET
    if not isinstance(modification_time_gte, Unset):
        json_modification_time_gte = modification_time_gte.isoformat()
    params["modification_time_gte"] = json_modification_time_gte

    json_modification_time_lte: str | Unset = UNSET
    if not isinstance(modification_time_lte, Unset):
        json_modification_time_lte = modification_time_lte.isoformat()
    params["modification_time_lte"] = json_modification_time_lte

    params["limit"] = limit

    params["cursor"] = cursor

    params["offset"] = offset

    params["data_format"] = data_format

    params["data_format_is_null"] = data_format_is_null

    params["instrument_mfid"] = instrument_mfid

    params["instrument_mfid_is_null"] = instrument_mfid_is_null

    params["measurement"] = measurement

    params["measurement_is_null"] = measurement_is_null

    params["sample_mfid"] = sample_mfid

    params["session_name"] = session_name

    params["session_name_is_null"] = session_name_is_null

    params["data_type"] = data_type

    params["dataset_name"] = dataset_name

    params["sort"] = sort

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["include_metadata"] = include_metadata

    params["include_links"] = include_links

    params["include_owner"] = include_owner

    params["include_total"] = include_total

    params["instrument_name"] = instrument_name

    params["keyword"] = keyword

    params["owner_id"] = owner_id

    params["owner_id_is_null"] = owner_id_is_null

    params["project_id"] = project_id

    params["project_mfid"] = project_mfid

    params["project_mfid_is_null"] = project_mfid_is_null

    params["project_scope"] = project_scope

    params["visibility"] = visibility

    params["owner_orcid"] = owner_orcid

    params["public"] = public

    params["size"] = size

    params["timestamp"] = timestamp

    params["unique_id"] = unique_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/datasets",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DatasetCursorPage | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = DatasetCursorPage.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

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
) -> Response[DatasetCursorPage | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    accessible_to_user: list[str] | Unset = UNSET,
    accessible_to_project: list[str] | Unset = UNSET,
    affiliation: list[str] | Unset = UNSET,
    anchor_mfid: str | Unset = UNSET,
    creation_time_gte: datetime.datetime | Unset = UNSET,
    creation_time_lte: datetime.datetime | Unset = UNSET,
    modification_time_gte: datetime.datetime | Unset = UNSET,
    modification_time_lte: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    data_format: str | Unset = UNSET,
    data_format_is_null: bool | Unset = UNSET,
    instrument_mfid: str | Unset = UNSET,
    instrument_mfid_is_null: bool | Unset = UNSET,
    measurement: str | Unset = UNSET,
    measurement_is_null: bool | Unset = UNSET,
    sample_mfid: str | Unset = UNSET,
    session_name: str | Unset = UNSET,
    session_name_is_null: bool | Unset = UNSET,
    data_type: str | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_links: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    keyword: str | Unset = UNSET,
    owner_id: str | Unset = UNSET,
    owner_id_is_null: bool | Unset = UNSET,
    project_id: str | Unset = UNSET,
    project_mfid: str | Unset = UNSET,
    project_mfid_is_null: bool | Unset = UNSET,
    project_scope: str | Unset = UNSET,
    visibility: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    public: bool | Unset = UNSET,
    size: int | Unset = UNSET,
    timestamp: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[DatasetCursorPage | ErrorResponse | HTTPValidationError]:
    """List datasets

     Datasets the caller can read, keyset-paged by `cursor`. Without `sort` the order is the legacy
    unique_id descending order (not chronological for legacy records); `direction` needs `sort`. Unknown
    query parameters answer 422. `keyword` is a case-insensitive substring match; other filters are
    exact.

    Args:
        accessible_to_user (list[str] | Unset):
        accessible_to_project (list[str] | Unset):
        affiliation (list[str] | Unset):
        anchor_mfid (str | Unset):
        creation_time_gte (datetime.datetime | Unset):
        creation_time_lte (datetime.datetime | Unset):
        modification_time_gte (datetime.datetime | Unset):
        modification_time_lte (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):
        offset (int | Unset):
        data_format (str | Unset):
        data_format_is_null (bool | Unset):
        instrument_mfid (str | Unset):
        instrument_mfid_is_null (bool | Unset):
        measurement (str | Unset):
        measurement_is_null (bool | Unset):
        sample_mfid (str | Unset):
        session_name (str | Unset):
        session_name_is_null (bool | Unset):
        data_type (str | Unset):
        dataset_name (str | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_metadata (bool | Unset):
        include_links (bool | Unset):
        include_owner (bool | Unset):
        include_total (bool | Unset):
        instrument_name (str | Unset):
        keyword (str | Unset):
        owner_id (str | Unset):
        owner_id_is_null (bool | Unset):
        project_id (str | Unset):
        project_mfid (str | Unset):
        project_mfid_is_null (bool | Unset):
        project_scope (str | Unset):
        visibility (str | Unset):
        owner_orcid (str | Unset):
        public (bool | Unset):
        size (int | Unset):
        timestamp (str | Unset):
        unique_id (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetCursorPage | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        accessible_to_user=accessible_to_user,
        accessible_to_project=accessible_to_project,
        affiliation=affiliation,
        anchor_mfid=anchor_mfid,
        creation_time_gte=creation_time_gte,
        creation_time_lte=creation_time_lte,
        modification_time_gte=modification_time_gte,
        modification_time_lte=modification_time_lte,
        limit=limit,
        cursor=cursor,
        offset=offset,
        data_format=data_format,
        data_format_is_null=data_format_is_null,
        instrument_mfid=instrument_mfid,
        instrument_mfid_is_null=instrument_mfid_is_null,
        measurement=measurement,
        measurement_is_null=measurement_is_null,
        sample_mfid=sample_mfid,
        session_name=session_name,
        session_name_is_null=session_name_is_null,
        data_type=data_type,
        dataset_name=dataset_name,
        sort=sort,
        direction=direction,
        include_metadata=include_metadata,
        include_links=include_links,
        include_owner=include_owner,
        include_total=include_total,
        instrument_name=instrument_name,
        keyword=keyword,
        owner_id=owner_id,
        owner_id_is_null=owner_id_is_null,
        project_id=project_id,
        project_mfid=project_mfid,
        project_mfid_is_null=project_mfid_is_null,
        project_scope=project_scope,
        visibility=visibility,
        owner_orcid=owner_orcid,
        public=public,
        size=size,
        timestamp=timestamp,
        unique_id=unique_id,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    accessible_to_user: list[str] | Unset = UNSET,
    accessible_to_project: list[str] | Unset = UNSET,
    affiliation: list[str] | Unset = UNSET,
    anchor_mfid: str | Unset = UNSET,
    creation_time_gte: datetime.datetime | Unset = UNSET,
    creation_time_lte: datetime.datetime | Unset = UNSET,
    modification_time_gte: datetime.datetime | Unset = UNSET,
    modification_time_lte: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    data_format: str | Unset = UNSET,
    data_format_is_null: bool | Unset = UNSET,
    instrument_mfid: str | Unset = UNSET,
    instrument_mfid_is_null: bool | Unset = UNSET,
    measurement: str | Unset = UNSET,
    measurement_is_null: bool | Unset = UNSET,
    sample_mfid: str | Unset = UNSET,
    session_name: str | Unset = UNSET,
    session_name_is_null: bool | Unset = UNSET,
    data_type: str | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_links: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    keyword: str | Unset = UNSET,
    owner_id: str | Unset = UNSET,
    owner_id_is_null: bool | Unset = UNSET,
    project_id: str | Unset = UNSET,
    project_mfid: str | Unset = UNSET,
    project_mfid_is_null: bool | Unset = UNSET,
    project_scope: str | Unset = UNSET,
    visibility: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    public: bool | Unset = UNSET,
    size: int | Unset = UNSET,
    timestamp: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> DatasetCursorPage | ErrorResponse | HTTPValidationError | None:
    """List datasets

     Datasets the caller can read, keyset-paged by `cursor`. Without `sort` the order is the legacy
    unique_id descending order (not chronological for legacy records); `direction` needs `sort`. Unknown
    query parameters answer 422. `keyword` is a case-insensitive substring match; other filters are
    exact.

    Args:
        accessible_to_user (list[str] | Unset):
        accessible_to_project (list[str] | Unset):
        affiliation (list[str] | Unset):
        anchor_mfid (str | Unset):
        creation_time_gte (datetime.datetime | Unset):
        creation_time_lte (datetime.datetime | Unset):
        modification_time_gte (datetime.datetime | Unset):
        modification_time_lte (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):
        offset (int | Unset):
        data_format (str | Unset):
        data_format_is_null (bool | Unset):
        instrument_mfid (str | Unset):
        instrument_mfid_is_null (bool | Unset):
        measurement (str | Unset):
        measurement_is_null (bool | Unset):
        sample_mfid (str | Unset):
        session_name (str | Unset):
        session_name_is_null (bool | Unset):
        data_type (str | Unset):
        dataset_name (str | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_metadata (bool | Unset):
        include_links (bool | Unset):
        include_owner (bool | Unset):
        include_total (bool | Unset):
        instrument_name (str | Unset):
        keyword (str | Unset):
        owner_id (str | Unset):
        owner_id_is_null (bool | Unset):
        project_id (str | Unset):
        project_mfid (str | Unset):
        project_mfid_is_null (bool | Unset):
        project_scope (str | Unset):
        visibility (str | Unset):
        owner_orcid (str | Unset):
        public (bool | Unset):
        size (int | Unset):
        timestamp (str | Unset):
        unique_id (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetCursorPage | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        accessible_to_user=accessible_to_user,
        accessible_to_project=accessible_to_project,
        affiliation=affiliation,
        anchor_mfid=anchor_mfid,
        creation_time_gte=creation_time_gte,
        creation_time_lte=creation_time_lte,
        modification_time_gte=modification_time_gte,
        modification_time_lte=modification_time_lte,
        limit=limit,
        cursor=cursor,
        offset=offset,
        data_format=data_format,
        data_format_is_null=data_format_is_null,
        instrument_mfid=instrument_mfid,
        instrument_mfid_is_null=instrument_mfid_is_null,
        measurement=measurement,
        measurement_is_null=measurement_is_null,
        sample_mfid=sample_mfid,
        session_name=session_name,
        session_name_is_null=session_name_is_null,
        data_type=data_type,
        dataset_name=dataset_name,
        sort=sort,
        direction=direction,
        include_metadata=include_metadata,
        include_links=include_links,
        include_owner=include_owner,
        include_total=include_total,
        instrument_name=instrument_name,
        keyword=keyword,
        owner_id=owner_id,
        owner_id_is_null=owner_id_is_null,
        project_id=project_id,
        project_mfid=project_mfid,
        project_mfid_is_null=project_mfid_is_null,
        project_scope=project_scope,
        visibility=visibility,
        owner_orcid=owner_orcid,
        public=public,
        size=size,
        timestamp=timestamp,
        unique_id=unique_id,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    accessible_to_user: list[str] | Unset = UNSET,
    accessible_to_project: list[str] | Unset = UNSET,
    affiliation: list[str] | Unset = UNSET,
    anchor_mfid: str | Unset = UNSET,
    creation_time_gte: datetime.datetime | Unset = UNSET,
    creation_time_lte: datetime.datetime | Unset = UNSET,
    modification_time_gte: datetime.datetime | Unset = UNSET,
    modification_time_lte: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    data_format: str | Unset = UNSET,
    data_format_is_null: bool | Unset = UNSET,
    instrument_mfid: str | Unset = UNSET,
    instrument_mfid_is_null: bool | Unset = UNSET,
    measurement: str | Unset = UNSET,
    measurement_is_null: bool | Unset = UNSET,
    sample_mfid: str | Unset = UNSET,
    session_name: str | Unset = UNSET,
    session_name_is_null: bool | Unset = UNSET,
    data_type: str | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_links: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    keyword: str | Unset = UNSET,
    owner_id: str | Unset = UNSET,
    owner_id_is_null: bool | Unset = UNSET,
    project_id: str | Unset = UNSET,
    project_mfid: str | Unset = UNSET,
    project_mfid_is_null: bool | Unset = UNSET,
    project_scope: str | Unset = UNSET,
    visibility: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    public: bool | Unset = UNSET,
    size: int | Unset = UNSET,
    timestamp: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[DatasetCursorPage | ErrorResponse | HTTPValidationError]:
    """List datasets

     Datasets the caller can read, keyset-paged by `cursor`. Without `sort` the order is the legacy
    unique_id descending order (not chronological for legacy records); `direction` needs `sort`. Unknown
    query parameters answer 422. `keyword` is a case-insensitive substring match; other filters are
    exact.

    Args:
        accessible_to_user (list[str] | Unset):
        accessible_to_project (list[str] | Unset):
        affiliation (list[str] | Unset):
        anchor_mfid (str | Unset):
        creation_time_gte (datetime.datetime | Unset):
        creation_time_lte (datetime.datetime | Unset):
        modification_time_gte (datetime.datetime | Unset):
        modification_time_lte (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):
        offset (int | Unset):
        data_format (str | Unset):
        data_format_is_null (bool | Unset):
        instrument_mfid (str | Unset):
        instrument_mfid_is_null (bool | Unset):
        measurement (str | Unset):
        measurement_is_null (bool | Unset):
        sample_mfid (str | Unset):
        session_name (str | Unset):
        session_name_is_null (bool | Unset):
        data_type (str | Unset):
        dataset_name (str | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_metadata (bool | Unset):
        include_links (bool | Unset):
        include_owner (bool | Unset):
        include_total (bool | Unset):
        instrument_name (str | Unset):
        keyword (str | Unset):
        owner_id (str | Unset):
        owner_id_is_null (bool | Unset):
        project_id (str | Unset):
        project_mfid (str | Unset):
        project_mfid_is_null (bool | Unset):
        project_scope (str | Unset):
        visibility (str | Unset):
        owner_orcid (str | Unset):
        public (bool | Unset):
        size (int | Unset):
        timestamp (str | Unset):
        unique_id (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DatasetCursorPage | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        accessible_to_user=accessible_to_user,
        accessible_to_project=accessible_to_project,
        affiliation=affiliation,
        anchor_mfid=anchor_mfid,
        creation_time_gte=creation_time_gte,
        creation_time_lte=creation_time_lte,
        modification_time_gte=modification_time_gte,
        modification_time_lte=modification_time_lte,
        limit=limit,
        cursor=cursor,
        offset=offset,
        data_format=data_format,
        data_format_is_null=data_format_is_null,
        instrument_mfid=instrument_mfid,
        instrument_mfid_is_null=instrument_mfid_is_null,
        measurement=measurement,
        measurement_is_null=measurement_is_null,
        sample_mfid=sample_mfid,
        session_name=session_name,
        session_name_is_null=session_name_is_null,
        data_type=data_type,
        dataset_name=dataset_name,
        sort=sort,
        direction=direction,
        include_metadata=include_metadata,
        include_links=include_links,
        include_owner=include_owner,
        include_total=include_total,
        instrument_name=instrument_name,
        keyword=keyword,
        owner_id=owner_id,
        owner_id_is_null=owner_id_is_null,
        project_id=project_id,
        project_mfid=project_mfid,
        project_mfid_is_null=project_mfid_is_null,
        project_scope=project_scope,
        visibility=visibility,
        owner_orcid=owner_orcid,
        public=public,
        size=size,
        timestamp=timestamp,
        unique_id=unique_id,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    accessible_to_user: list[str] | Unset = UNSET,
    accessible_to_project: list[str] | Unset = UNSET,
    affiliation: list[str] | Unset = UNSET,
    anchor_mfid: str | Unset = UNSET,
    creation_time_gte: datetime.datetime | Unset = UNSET,
    creation_time_lte: datetime.datetime | Unset = UNSET,
    modification_time_gte: datetime.datetime | Unset = UNSET,
    modification_time_lte: datetime.datetime | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
    offset: int | Unset = UNSET,
    data_format: str | Unset = UNSET,
    data_format_is_null: bool | Unset = UNSET,
    instrument_mfid: str | Unset = UNSET,
    instrument_mfid_is_null: bool | Unset = UNSET,
    measurement: str | Unset = UNSET,
    measurement_is_null: bool | Unset = UNSET,
    sample_mfid: str | Unset = UNSET,
    session_name: str | Unset = UNSET,
    session_name_is_null: bool | Unset = UNSET,
    data_type: str | Unset = UNSET,
    dataset_name: str | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_links: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    keyword: str | Unset = UNSET,
    owner_id: str | Unset = UNSET,
    owner_id_is_null: bool | Unset = UNSET,
    project_id: str | Unset = UNSET,
    project_mfid: str | Unset = UNSET,
    project_mfid_is_null: bool | Unset = UNSET,
    project_scope: str | Unset = UNSET,
    visibility: str | Unset = UNSET,
    owner_orcid: str | Unset = UNSET,
    public: bool | Unset = UNSET,
    size: int | Unset = UNSET,
    timestamp: str | Unset = UNSET,
    unique_id: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> DatasetCursorPage | ErrorResponse | HTTPValidationError | None:
    """List datasets

     Datasets the caller can read, keyset-paged by `cursor`. Without `sort` the order is the legacy
    unique_id descending order (not chronological for legacy records); `direction` needs `sort`. Unknown
    query parameters answer 422. `keyword` is a case-insensitive substring match; other filters are
    exact.

    Args:
        accessible_to_user (list[str] | Unset):
        accessible_to_project (list[str] | Unset):
        affiliation (list[str] | Unset):
        anchor_mfid (str | Unset):
        creation_time_gte (datetime.datetime | Unset):
        creation_time_lte (datetime.datetime | Unset):
        modification_time_gte (datetime.datetime | Unset):
        modification_time_lte (datetime.datetime | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):
        offset (int | Unset):
        data_format (str | Unset):
        data_format_is_null (bool | Unset):
        instrument_mfid (str | Unset):
        instrument_mfid_is_null (bool | Unset):
        measurement (str | Unset):
        measurement_is_null (bool | Unset):
        sample_mfid (str | Unset):
        session_name (str | Unset):
        session_name_is_null (bool | Unset):
        data_type (str | Unset):
        dataset_name (str | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        include_metadata (bool | Unset):
        include_links (bool | Unset):
        include_owner (bool | Unset):
        include_total (bool | Unset):
        instrument_name (str | Unset):
        keyword (str | Unset):
        owner_id (str | Unset):
        owner_id_is_null (bool | Unset):
        project_id (str | Unset):
        project_mfid (str | Unset):
        project_mfid_is_null (bool | Unset):
        project_scope (str | Unset):
        visibility (str | Unset):
        owner_orcid (str | Unset):
        public (bool | Unset):
        size (int | Unset):
        timestamp (str | Unset):
        unique_id (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DatasetCursorPage | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            accessible_to_user=accessible_to_user,
            accessible_to_project=accessible_to_project,
            affiliation=affiliation,
            anchor_mfid=anchor_mfid,
            creation_time_gte=creation_time_gte,
            creation_time_lte=creation_time_lte,
            modification_time_gte=modification_time_gte,
            modification_time_lte=modification_time_lte,
            limit=limit,
            cursor=cursor,
            offset=offset,
            data_format=data_format,
            data_format_is_null=data_format_is_null,
            instrument_mfid=instrument_mfid,
            instrument_mfid_is_null=instrument_mfid_is_null,
            measurement=measurement,
            measurement_is_null=measurement_is_null,
            sample_mfid=sample_mfid,
            session_name=session_name,
            session_name_is_null=session_name_is_null,
            data_type=data_type,
            dataset_name=dataset_name,
            sort=sort,
            direction=direction,
            include_metadata=include_metadata,
            include_links=include_links,
            include_owner=include_owner,
            include_total=include_total,
            instrument_name=instrument_name,
            keyword=keyword,
            owner_id=owner_id,
            owner_id_is_null=owner_id_is_null,
            project_id=project_id,
            project_mfid=project_mfid,
            project_mfid_is_null=project_mfid_is_null,
            project_scope=project_scope,
            visibility=visibility,
            owner_orcid=owner_orcid,
            public=public,
            size=size,
            timestamp=timestamp,
            unique_id=unique_id,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
