from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...models.sample import Sample
from ...types import UNSET, Response, Unset


def _get_kwargs(
    sample_mfid: str,
    *,
    include_metadata: bool | Unset = UNSET,
    include_links: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_datasets: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    params: dict[str, Any] = {}

    params["include_metadata"] = include_metadata

    params["include_links"] = include_links

    params["include_owner"] = include_owner

    params["include_datasets"] = include_datasets

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/samples/{sample_mfid}".format(
            sample_mfid=quote(str(sample_mfid), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | HTTPValidationError | None | Sample | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> None | Sample:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = Sample.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sample, data)

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | HTTPValidationError | None | Sample]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    include_metadata: bool | Unset = UNSET,
    include_links: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_datasets: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | None | Sample]:
    """Get a sample

     One sample. An unknown MFID answers 404; the 200 body is also declared nullable because some
    deployments answer 200 with `null` for an unknown record, which clients must treat as not found.

    Args:
        sample_mfid (str):
        include_metadata (bool | Unset):
        include_links (bool | Unset):
        include_owner (bool | Unset):
        include_datasets (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | None | Sample]
    """

    kwargs = _get_kwargs(
        sample_mfid=sample_mfid,
        include_metadata=include_metadata,
        include_links=include_links,
        include_owner=include_owner,
        include_datasets=include_datasets,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    include_metadata: bool | Unset = UNSET,
    include_links: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_datasets: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | None | Sample | None:
    """Get a sample

     One sample. An unknown MFID answers 404; the 200 body is also declared nullable because some
    deployments answer 200 with `null` for an unknown record, which clients must treat as not found.

    Args:
        sample_mfid (str):
        include_metadata (bool | Unset):
        include_links (bool | Unset):
        include_owner (bool | Unset):
        include_datasets (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | None | Sample
    """

    return sync_detailed(
        sample_mfid=sample_mfid,
        client=client,
        include_metadata=include_metadata,
        include_links=include_links,
        include_owner=include_owner,
        include_datasets=include_datasets,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    include_metadata: bool | Unset = UNSET,
    include_links: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_datasets: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ErrorResponse | HTTPValidationError | None | Sample]:
    """Get a sample

     One sample. An unknown MFID answers 404; the 200 body is also declared nullable because some
    deployments answer 200 with `null` for an unknown record, which clients must treat as not found.

    Args:
        sample_mfid (str):
        include_metadata (bool | Unset):
        include_links (bool | Unset):
        include_owner (bool | Unset):
        include_datasets (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | HTTPValidationError | None | Sample]
    """

    kwargs = _get_kwargs(
        sample_mfid=sample_mfid,
        include_metadata=include_metadata,
        include_links=include_links,
        include_owner=include_owner,
        include_datasets=include_datasets,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    include_metadata: bool | Unset = UNSET,
    include_links: bool | Unset = UNSET,
    include_owner: bool | Unset = UNSET,
    include_datasets: bool | Unset = UNSET,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ErrorResponse | HTTPValidationError | None | Sample | None:
    """Get a sample

     One sample. An unknown MFID answers 404; the 200 body is also declared nullable because some
    deployments answer 200 with `null` for an unknown record, which clients must treat as not found.

    Args:
        sample_mfid (str):
        include_metadata (bool | Unset):
        include_links (bool | Unset):
        include_owner (bool | Unset):
        include_datasets (bool | Unset):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | HTTPValidationError | None | Sample
    """

    return (
        await asyncio_detailed(
            sample_mfid=sample_mfid,
            client=client,
            include_metadata=include_metadata,
            include_links=include_links,
            include_owner=include_owner,
            include_datasets=include_datasets,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
