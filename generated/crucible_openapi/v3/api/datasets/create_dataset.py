from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset import Dataset
from ...models.dataset_create import DatasetCreate
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DatasetCreate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/datasets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Dataset | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = Dataset.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ErrorResponse.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Dataset | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetCreate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[Dataset | ErrorResponse | HTTPValidationError]:
    """Create a dataset

     Creates a dataset with a client-chosen MFID. Because `unique_id` is required, a retried create
    cannot make a second record (a repeat answers 409 or the existing record). Unknown body fields
    answer 422. The caller's profile advertises `can_create_dataset` and `can_create_for_others`.

    Args:
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (DatasetCreate): A new dataset. The client always chooses `unique_id` (an MFID),
            which makes a retried create unable to duplicate the record. Give `owner` or the
            deprecated `owner_orcid`, not both; matching id and MFID selectors may be sent together
            for the server to check. `capabilities`, `instrument` and `project` are response-only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dataset | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetCreate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Dataset | ErrorResponse | HTTPValidationError | None:
    """Create a dataset

     Creates a dataset with a client-chosen MFID. Because `unique_id` is required, a retried create
    cannot make a second record (a repeat answers 409 or the existing record). Unknown body fields
    answer 422. The caller's profile advertises `can_create_dataset` and `can_create_for_others`.

    Args:
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (DatasetCreate): A new dataset. The client always chooses `unique_id` (an MFID),
            which makes a retried create unable to duplicate the record. Give `owner` or the
            deprecated `owner_orcid`, not both; matching id and MFID selectors may be sent together
            for the server to check. `capabilities`, `instrument` and `project` are response-only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dataset | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetCreate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[Dataset | ErrorResponse | HTTPValidationError]:
    """Create a dataset

     Creates a dataset with a client-chosen MFID. Because `unique_id` is required, a retried create
    cannot make a second record (a repeat answers 409 or the existing record). Unknown body fields
    answer 422. The caller's profile advertises `can_create_dataset` and `can_create_for_others`.

    Args:
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (DatasetCreate): A new dataset. The client always chooses `unique_id` (an MFID),
            which makes a retried create unable to duplicate the record. Give `owner` or the
            deprecated `owner_orcid`, not both; matching id and MFID selectors may be sent together
            for the server to check. `capabilities`, `instrument` and `project` are response-only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dataset | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetCreate,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Dataset | ErrorResponse | HTTPValidationError | None:
    """Create a dataset

     Creates a dataset with a client-chosen MFID. Because `unique_id` is required, a retried create
    cannot make a second record (a repeat answers 409 or the existing record). Unknown body fields
    answer 422. The caller's profile advertises `can_create_dataset` and `can_create_for_others`.

    Args:
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.
        body (DatasetCreate): A new dataset. The client always chooses `unique_id` (an MFID),
            which makes a retried create unable to duplicate the record. Give `owner` or the
            deprecated `owner_orcid`, not both; matching id and MFID selectors may be sent together
            for the server to check. `capabilities`, `instrument` and `project` are response-only.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dataset | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
