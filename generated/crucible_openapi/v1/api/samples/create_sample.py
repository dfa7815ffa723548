from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_detail import ErrorDetail
from ...models.http_validation_error import HTTPValidationError
from ...models.sample import Sample
from ...models.sample_create import SampleCreate
from ...types import Response


def _get_kwargs(
    *,
    body: SampleCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/samples",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorDetail | HTTPValidationError | Sample | None:
    if response.status_code == 200:
        response_200 = Sample.from_dict(response.json())

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
) -> Response[ErrorDetail | HTTPValidationError | Sample]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SampleCreate,
) -> Response[ErrorDetail | HTTPValidationError | Sample]:
    """Create a sample

     Creates a sample. With a client-chosen `unique_id` a repeated create answers 409 instead of creating
    a second record. Ownership: without `owner_orcid`/`owner_user_id` (absent or null) the caller owns
    the new record; a normal user naming another owner gets 403 (only an admin creates for others). An
    empty `owner_orcid`, an unknown user, owner fields naming two different users or an unknown
    `project_id` answer 422; a normal user may only use projects they are a member of (403 otherwise).
    Nothing is stored when refused.

    Args:
        body (SampleCreate): Fields of a new sample, all optional and nullable (the seed client
            sends nulls). A client-chosen `unique_id` makes a retried create safe (a duplicate answers
            409).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | Sample]
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
    body: SampleCreate,
) -> ErrorDetail | HTTPValidationError | Sample | None:
    """Create a sample

     Creates a sample. With a client-chosen `unique_id` a repeated create answers 409 instead of creating
    a second record. Ownership: without `owner_orcid`/`owner_user_id` (absent or null) the caller owns
    the new record; a normal user naming another owner gets 403 (only an admin creates for others). An
    empty `owner_orcid`, an unknown user, owner fields naming two different users or an unknown
    `project_id` answer 422; a normal user may only use projects they are a member of (403 otherwise).
    Nothing is stored when refused.

    Args:
        body (SampleCreate): Fields of a new sample, all optional and nullable (the seed client
            sends nulls). A client-chosen `unique_id` makes a retried create safe (a duplicate answers
            409).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | Sample
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SampleCreate,
) -> Response[ErrorDetail | HTTPValidationError | Sample]:
    """Create a sample

     Creates a sample. With a client-chosen `unique_id` a repeated create answers 409 instead of creating
    a second record. Ownership: without `owner_orcid`/`owner_user_id` (absent or null) the caller owns
    the new record; a normal user naming another owner gets 403 (only an admin creates for others). An
    empty `owner_orcid`, an unknown user, owner fields naming two different users or an unknown
    `project_id` answer 422; a normal user may only use projects they are a member of (403 otherwise).
    Nothing is stored when refused.

    Args:
        body (SampleCreate): Fields of a new sample, all optional and nullable (the seed client
            sends nulls). A client-chosen `unique_id` makes a retried create safe (a duplicate answers
            409).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorDetail | HTTPValidationError | Sample]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SampleCreate,
) -> ErrorDetail | HTTPValidationError | Sample | None:
    """Create a sample

     Creates a sample. With a client-chosen `unique_id` a repeated create answers 409 instead of creating
    a second record. Ownership: without `owner_orcid`/`owner_user_id` (absent or null) the caller owns
    the new record; a normal user naming another owner gets 403 (only an admin creates for others). An
    empty `owner_orcid`, an unknown user, owner fields naming two different users or an unknown
    `project_id` answer 422; a normal user may only use projects they are a member of (403 otherwise).
    Nothing is stored when refused.

    Args:
        body (SampleCreate): Fields of a new sample, all optional and nullable (the seed client
            sends nulls). A client-chosen `unique_id` makes a retried create safe (a duplicate answers
            409).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorDetail | HTTPValidationError | Sample
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
