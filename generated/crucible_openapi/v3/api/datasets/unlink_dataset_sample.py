from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_result import ActionResult
from ...models.error_response import ErrorResponse
from ...models.http_validation_error import HTTPValidationError
from ...models.privilege_mode import PrivilegeMode
from ...types import UNSET, Response, Unset


def _get_kwargs(
    dataset_mfid: str,
    sample_mfid: str,
    *,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(crucible_privilege_mode, Unset):
        headers["Crucible-Privilege-Mode"] = str(crucible_privilege_mode)

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/datasets/{dataset_mfid}/samples/{sample_mfid}".format(
            dataset_mfid=quote(str(dataset_mfid), safe=""),
            sample_mfid=quote(str(sample_mfid), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionResult | Any | ErrorResponse | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = ActionResult.from_dict(response.json())

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[ActionResult | Any | ErrorResponse | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    dataset_mfid: str,
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ActionResult | Any | ErrorResponse | HTTPValidationError]:
    """Unlink a sample from a dataset

     Removes the dataset-sample association. Older client documentation calls this admin-only; since the
    role overhaul an editor of the dataset is expected to be able to do it, so elevation is used only
    when available rather than always. Elevation: the client sends `Crucible-Privilege-Mode: elevated`
    only when the caller's profile says `can_elevate`, and no header otherwise.

    Args:
        dataset_mfid (str):
        sample_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionResult | Any | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        sample_mfid=sample_mfid,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    dataset_mfid: str,
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ActionResult | Any | ErrorResponse | HTTPValidationError | None:
    """Unlink a sample from a dataset

     Removes the dataset-sample association. Older client documentation calls this admin-only; since the
    role overhaul an editor of the dataset is expected to be able to do it, so elevation is used only
    when available rather than always. Elevation: the client sends `Crucible-Privilege-Mode: elevated`
    only when the caller's profile says `can_elevate`, and no header otherwise.

    Args:
        dataset_mfid (str):
        sample_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionResult | Any | ErrorResponse | HTTPValidationError
    """

    return sync_detailed(
        dataset_mfid=dataset_mfid,
        sample_mfid=sample_mfid,
        client=client,
        crucible_privilege_mode=crucible_privilege_mode,
    ).parsed


async def asyncio_detailed(
    dataset_mfid: str,
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> Response[ActionResult | Any | ErrorResponse | HTTPValidationError]:
    """Unlink a sample from a dataset

     Removes the dataset-sample association. Older client documentation calls this admin-only; since the
    role overhaul an editor of the dataset is expected to be able to do it, so elevation is used only
    when available rather than always. Elevation: the client sends `Crucible-Privilege-Mode: elevated`
    only when the caller's profile says `can_elevate`, and no header otherwise.

    Args:
        dataset_mfid (str):
        sample_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionResult | Any | ErrorResponse | HTTPValidationError]
    """

    kwargs = _get_kwargs(
        dataset_mfid=dataset_mfid,
        sample_mfid=sample_mfid,
        crucible_privilege_mode=crucible_privilege_mode,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    dataset_mfid: str,
    sample_mfid: str,
    *,
    client: AuthenticatedClient | Client,
    crucible_privilege_mode: PrivilegeMode | Unset = UNSET,
) -> ActionResult | Any | ErrorResponse | HTTPValidationError | None:
    """Unlink a sample from a dataset

     Removes the dataset-sample association. Older client documentation calls this admin-only; since the
    role overhaul an editor of the dataset is expected to be able to do it, so elevation is used only
    when available rather than always. Elevation: the client sends `Crucible-Privilege-Mode: elevated`
    only when the caller's profile says `can_elevate`, and no header otherwise.

    Args:
        dataset_mfid (str):
        sample_mfid (str):
        crucible_privilege_mode (PrivilegeMode | Unset): Value of the `Crucible-Privilege-Mode`
            request header. Closed: the server validates it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionResult | Any | ErrorResponse | HTTPValidationError
    """

    return (
        await asyncio_detailed(
            dataset_mfid=dataset_mfid,
            sample_mfid=sample_mfid,
            client=client,
            crucible_privilege_mode=crucible_privilege_mode,
        )
    ).parsed
