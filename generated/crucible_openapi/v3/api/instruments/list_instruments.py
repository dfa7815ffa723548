from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.instrument_offset_page import InstrumentOffsetPage
from ...models.privilege_mode import PrivilegeMode
from ...models.sort_direction import SortDirection
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    instrument_id: str | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    manufacturer: str | Unset = UNSET,
    model: str | Unset = UNSET,
    location: str | Unset = UNSET,
    description: str | Unset = UNSET,
    instrument_type: str | Unset = UNSET,
    owner_id: str | Unset = UNSET,
    other_id: str | Unset = UNSET,
    other_id_source: str | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    status: str | Unset = UNSET,
    affiliation: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["instrument_id"] = instrument_id

    params["instrument_name"] = instrument_name

    params["manufacturer"] = manufacturer

    params["model"] = model

    params["location"] = location

    params["description"] = description

    params["instrument_type"] = instrument_type

    params["owner_id"] = owner_id

    params["other_id"] = other_id

    params["other_id_source"] = other_id_source

    params["include_total"] = include_total

    params["include_metadata"] = include_metadata

    params["include_owner"] = include_owner

    params["include_members"] = include_members

    params["status"] = status

    json_affiliation: list[str] | Unset = UNSET
    if not isinstance(affiliation, Unset):
        json_affiliation = affiliation

    params["affiliation"] = json_affiliation

    params["sort"] = sort

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["limit"] = limit

    params["offset"] = offset

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/instruments",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | InstrumentOffsetPage | None:
    if response.status_code == 200:
        response_200 = InstrumentOffsetPage.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | InstrumentOffsetPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    instrument_id: str | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    manufacturer: str | Unset = UNSET,
    model: str | Unset = UNSET,
    location: str | Unset = UNSET,
    description: str | Unset = UNSET,
    instrument_type: str | Unset = UNSET,
    owner_id: str | Unset = UNSET,
    other_id: str | Unset = UNSET,
    other_id_source: str | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    status: str | Unset = UNSET,
    affiliation: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | InstrumentOffsetPage]:
    """List instruments

     Instruments with the caller's `role`. By default only `active` ones, except that an `instrument_id`
    lookup searches every status. Exact lookup by slug: `instrument_id` with `limit=2`. Without
    `direction`, dates sort descending and everything else ascending.

    Args:
        instrument_id (str | Unset):
        instrument_name (str | Unset):
        manufacturer (str | Unset):
        model (str | Unset):
        location (str | Unset):
        description (str | Unset):
        instrument_type (str | Unset):
        owner_id (str | Unset):
        other_id (str | Unset):
        other_id_source (str | Unset):
        include_total (bool | Unset):
        include_metadata (bool | Unset):
        include_owner (bool | Unset):
        include_members (bool | Unset):
        status (str | Unset):
        affiliation (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | InstrumentOffsetPage]
    """

    kwargs = _get_kwargs(
        instrument_id=instrument_id,
        instrument_name=instrument_name,
        manufacturer=manufacturer,
        model=model,
        location=location,
        description=description,
        instrument_type=instrument_type,
        owner_id=owner_id,
        other_id=other_id,
        other_id_source=other_id_source,
        include_total=include_total,
        include_metadata=include_metadata,
        include_owner=include_owner,
        include_members=include_members,
        status=status,
        affiliation=affiliation,
        sort=sort,
        direction=direction,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    instrument_id: str | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    manufacturer: str | Unset = UNSET,
    model: str | Unset = UNSET,
    location: str | Unset = UNSET,
    description: str | Unset = UNSET,
    instrument_type: str | Unset = UNSET,
    owner_id: str | Unset = UNSET,
    other_id: str | Unset = UNSET,
    other_id_source: str | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    status: str | Unset = UNSET,
    affiliation: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | InstrumentOffsetPage | None:
    """List instruments

     Instruments with the caller's `role`. By default only `active` ones, except that an `instrument_id`
    lookup searches every status. Exact lookup by slug: `instrument_id` with `limit=2`. Without
    `direction`, dates sort descending and everything else ascending.

    Args:
        instrument_id (str | Unset):
        instrument_name (str | Unset):
        manufacturer (str | Unset):
        model (str | Unset):
        location (str | Unset):
        description (str | Unset):
        instrument_type (str | Unset):
        owner_id (str | Unset):
        other_id (str | Unset):
        other_id_source (str | Unset):
        include_total (bool | Unset):
        include_metadata (bool | Unset):
        include_owner (bool | Unset):
        include_members (bool | Unset):
        status (str | Unset):
        affiliation (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | InstrumentOffsetPage
    """

    return sync_detailed(
        client=client,
        instrument_id=instrument_id,
        instrument_name=instrument_name,
        manufacturer=manufacturer,
        model=model,
        location=location,
        description=description,
        instrument_type=instrument_type,
        owner_id=owner_id,
        other_id=other_id,
        other_id_source=other_id_source,
        include_total=include_total,
        include_metadata=include_metadata,
        include_owner=include_owner,
        include_members=include_members,
        status=status,
        affiliation=affiliation,
        sort=sort,
        direction=direction,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    instrument_id: str | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    manufacturer: str | Unset = UNSET,
    model: str | Unset = UNSET,
    location: str | Unset = UNSET,
    description: str | Unset = UNSET,
    instrument_type: str | Unset = UNSET,
    owner_id: str | Unset = UNSET,
    other_id: str | Unset = UNSET,
    other_id_source: str | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    status: str | Unset = UNSET,
    affiliation: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | InstrumentOffsetPage]:
    """List instruments

     Instruments with the caller's `role`. By default only `active` ones, except that an `instrument_id`
    lookup searches every status. Exact lookup by slug: `instrument_id` with `limit=2`. Without
    `direction`, dates sort descending and everything else ascending.

    Args:
        instrument_id (str | Unset):
        instrument_name (str | Unset):
        manufacturer (str | Unset):
        model (str | Unset):
        location (str | Unset):
        description (str | Unset):
        instrument_type (str | Unset):
        owner_id (str | Unset):
        other_id (str | Unset):
        other_id_source (str | Unset):
        include_total (bool | Unset):
        include_metadata (bool | Unset):
        include_owner (bool | Unset):
        include_members (bool | Unset):
        status (str | Unset):
        affiliation (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | InstrumentOffsetPage]
    """

    kwargs = _get_kwargs(
        instrument_id=instrument_id,
        instrument_name=instrument_name,
        manufacturer=manufacturer,
        model=model,
        location=location,
        description=description,
        instrument_type=instrument_type,
        owner_id=owner_id,
        other_id=other_id,
        other_id_source=other_id_source,
        include_total=include_total,
        include_metadata=include_metadata,
        include_owner=include_owner,
        include_members=include_members,
        status=status,
        affiliation=affiliation,
        sort=sort,
        direction=direction,
        limit=limit,
        offset=offset,
        cursor=cursor,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    instrument_id: str | Unset = UNSET,
    instrument_name: str | Unset = UNSET,
    manufacturer: str | Unset = UNSET,
    model: str | Unset = UNSET,
    location: str | Unset = UNSET,
    description: str | Unset = UNSET,
    instrument_type: str | Unset = UNSET,
    owner_id: str | Unset = UNSET,
    other_id: str | Unset = UNSET,
    other_id_source: str | Unset = UNSET,
    include_total: bool | Unset = UNSET,
    include_metadata: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_members: bool | Unset = UNSET,
    status: str | Unset = UNSET,
    affiliation: list[str] | Unset = UNSET,
    sort: str | Unset = UNSET,
    direction: SortDirection | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    cursor: str | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | InstrumentOffsetPage | None:
    """List instruments

     Instruments with the caller's `role`. By default only `active` ones, except that an `instrument_id`
    lookup searches every status. Exact lookup by slug: `instrument_id` with `limit=2`. Without
    `direction`, dates sort descending and everything else ascending.

    Args:
        instrument_id (str | Unset):
        instrument_name (str | Unset):
        manufacturer (str | Unset):
        model (str | Unset):
        location (str | Unset):
        description (str | Unset):
        instrument_type (str | Unset):
        owner_id (str | Unset):
        other_id (str | Unset):
        other_id_source (str | Unset):
        include_total (bool | Unset):
        include_metadata (bool | Unset):
        include_owner (bool | Unset):
        include_members (bool | Unset):
        status (str | Unset):
        affiliation (list[str] | Unset):
        sort (str | Unset):
        direction (SortDirection | Unset): Sort direction of a list request.
        limit (int | Unset):  Default: 100.
        offset (int | Unset):  Default: 0.
        cursor (str | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | InstrumentOffsetPage
    """

    return (
        await asyncio_detailed(
            client=client,
            instrument_id=instrument_id,
            instrument_name=instrument_name,
            manufacturer=manufacturer,
            model=model,
            location=location,
            description=description,
            instrument_type=instrument_type,
            owner_id=owner_id,
            other_id=other_id,
            other_id_source=other_id_source,
            include_total=include_total,
            include_metadata=include_metadata,
            include_owner=include_owner,
            include_members=include_members,
            status=status,
            affiliation=affiliation,
            sort=sort,
            direction=direction,
            limit=limit,
            offset=offset,
            cursor=cursor,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
