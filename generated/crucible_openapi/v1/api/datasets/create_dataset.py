from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dataset import Dataset
from ...models.dataset_create import DatasetCreate
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...types import Response


def _get_kwargs(
    *,
    body: DatasetCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

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
) -> Dataset | ErrorDetail | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = Dataset.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorDetail.from_dict(response.json())

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
) -> Response[Dataset | ErrorDetail | HTTPValidationError]:
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
) -> Response[Dataset | ErrorDetail | HTTPValidationError]:
    """Create a dataset

     Creates a dataset. With a client-chosen `unique_id` a repeated create answers 409 instead of
    creating a second record. Ownership: without `owner_orcid`/`owner_user_id` (absent or null) the
    caller owns the new record; a normal user naming another owner gets 403 (only an admin creates for
    others). An empty `owner_orcid`, an unknown user, owner fields naming two different users or an
    unknown `project_id` answer 422; a normal user may only use projects they are a member of (403
    otherwise). Nothing is stored when refused.

    Args:
        body (DatasetCreate): Fields of a new dataset. Every field is optional; unknown fields are
            ignored by the server. A client-chosen `unique_id` makes a retried create safe: a second
            create with the same id answers 409.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dataset | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetCreate,
) -> Dataset | ErrorDetail | HTTPValidationError | None:
    """Create a dataset

     Creates a dataset. With a client-chosen `unique_id` a repeated create answers 409 instead of
    creating a second record. Ownership: without `owner_orcid`/`owner_user_id` (absent or null) the
    caller owns the new record; a normal user naming another owner gets 403 (only an admin creates for
    others). An empty `owner_orcid`, an unknown user, owner fields naming two different users or an
    unknown `project_id` answer 422; a normal user may only use projects they are a member of (403
    otherwise). Nothing is stored when refused.

    Args:
        body (DatasetCreate): Fields of a new dataset. Every field is optional; unknown fields are
            ignored by the server. A client-chosen `unique_id` makes a retried create safe: a second
            create with the same id answers 409.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dataset | ErrorDetail | HTTPValidationError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetCreate,
) -> Response[Dataset | ErrorDetail | HTTPValidationError]:
    """Create a dataset

     Creates a dataset. With a client-chosen `unique_id` a repeated create answers 409 instead of
    creating a second record. Ownership: without `owner_orcid`/`owner_user_id` (absent or null) the
    caller owns the new record; a normal user naming another owner gets 403 (only an admin creates for
    others). An empty `owner_orcid`, an unknown user, owner fields naming two different users or an
    unknown `project_id` answer 422; a normal user may only use projects they are a member of (403
    otherwise). Nothing is stored when refused.

    Args:
        body (DatasetCreate): Fields of a new dataset. Every field is optional; unknown fields are
            ignored by the server. A client-chosen `unique_id` makes a retried create safe: a second
            create with the same id answers 409.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dataset | ErrorDetail | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DatasetCreate,
) -> Dataset | ErrorDetail | HTTPValidationError | None:
    """Create a dataset

     Creates a dataset. With a client-chosen `unique_id` a repeated create answers 409 instead of
    creating a second record. Ownership: without `owner_orcid`/`owner_user_id` (absent or null) the
    caller owns the new record; a normal user naming another owner gets 403 (only an admin creates for
    others). An empty `owner_orcid`, an unknown user, owner fields naming two different users or an
    unknown `project_id` answer 422; a normal user may only use projects they are a member of (403
    otherwise). Nothing is stored when refused.

    Args:
        body (DatasetCreate): Fields of a new dataset. Every field is optional; unknown fields are
            ignored by the server. A client-chosen `unique_id` makes a retried create safe: a second
            create with the same id answers 409.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dataset | ErrorDetail | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
