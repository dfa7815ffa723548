"""Exceptions raised by pycrucible. Every one derives from `CrucibleError`:

    CrucibleError
    ├── APIError                          something went wrong talking to the API
    │   ├── APIStatusError                the API answered with an error status
    │   │   ├── BadRequestError           400
    │   │   ├── AuthenticationError       401, and the seed-era API's 400 "No account found for
    │   │   │                             this API key" (`status_code` stays 400)
    │   │   ├── PermissionDeniedError     403 (admin-only operation, or no access to the record)
    │   │   ├── NotFoundError             404, and 200 + null for an unknown record
    │   │   ├── ConflictError             409 (for example a duplicate unique_id)
    │   │   │   └── FilenameExistsError   409 `filename_exists`: another file has that name (v3)
    │   │   ├── EtagMismatchError         412: a file changed since its ETag was read (v3)
    │   │   ├── UnprocessableEntityError  422, with the field errors in `.errors`
    │   │   ├── RateLimitError            429
    │   │   └── ServerError               5xx
    │   ├── APIConnectionError            no answer: refused, reset, DNS, TLS...
    │   │   └── APITimeoutError           no answer in time
    │   ├── UnexpectedResponseError       a 2xx answer that does not match the contract
    │   └── AmbiguousMatchError           an exact lookup (slug, name, username) matched several
    ├── WaitTimeoutError                  a processing request did not finish in time
    ├── RequestFailedError                a processing request ended in a failure status
    ├── TransferError                     checksum mismatch, incomplete or unsafe transfer
    ├── ConfigurationError                no API URL or key anywhere (also a `ValueError`)
    ├── ParserError                       a file's metadata could not be read (also a `ValueError`)
    │   └── ParserDependencyError         the parser needs an optional library not installed
    └── UnsupportedByServerError          the server's API version has no such operation (v3
                                          removed it); names the replacement

`error_for_response` is the one place that maps a status code to a class.
"""

from __future__ import annotations

from typing import Any

import httpx

from pycrucible._redact import redact_text, redact_url

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AmbiguousMatchError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "CrucibleError",
    "EtagMismatchError",
    "FilenameExistsError",
    "NotFoundError",
    "ParserDependencyError",
    "ParserError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestFailedError",
    "ServerError",
    "TransferError",
    "UnexpectedResponseError",
    "UnprocessableEntityError",
    "UnsupportedByServerError",
    "WaitTimeoutError",
    "error_for_response",
]


class CrucibleError(Exception):
    """Base class of every pycrucible exception."""


class APIError(CrucibleError):
    """A call to the Crucible API did not succeed."""


class APIStatusError(APIError):
    """The API answered with an error status.

    Attributes:
        status_code: The HTTP status code (200 for a `null` answer turned into `NotFoundError`).
        detail: The server's `detail` text (FastAPI error body), or the raw body when there is none.
        response: The `httpx.Response` when there is one, for anything else you need.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        detail: str,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message)
        self.response = response
        self.status_code = status_code
        self.detail = detail


class BadRequestError(APIStatusError):
    """400: a malformed request."""


class AuthenticationError(APIStatusError):
    """401: missing, malformed or unknown credentials.

    The seed-era API answers an unknown key with 400 "No account found for this API key"; that
    answer raises this class too, with `status_code` 400.
    """


class PermissionDeniedError(APIStatusError):
    """403: the key's user may not do this."""


class NotFoundError(APIStatusError):
    """404, or 200 with a `null` body: the record does not exist (or is hidden from you)."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the stored state, such as a duplicate `unique_id`."""


class FilenameExistsError(ConflictError):
    """409 `filename_exists` on an API v3 upload: the dataset holds another file of this name.

    Attributes:
        file_mfid: MFID of the existing file record.
        etag: Its ETag, to replace it (`client.v3.files.replace(file_mfid, path, etag=etag)`).
    """

    def __init__(
        self, message: str, *, cause: APIStatusError, file_mfid: str | None, etag: str | None
    ) -> None:
        super().__init__(
            message, status_code=cause.status_code, detail=cause.detail, response=cause.response
        )
        self.file_mfid = file_mfid
        self.etag = etag


class EtagMismatchError(APIStatusError):
    """412 on an API v3 replace: the file changed since its ETag was read; nothing changed.

    Read the record again (`client.v3.files.get(file_mfid).etag`) and decide whether to replace
    that version.

    Attributes:
        file_mfid: The file record.
        etag: Its current ETag when the server said it, else None.
    """

    def __init__(
        self, message: str, *, cause: APIStatusError, file_mfid: str, etag: str | None
    ) -> None:
        super().__init__(
            message, status_code=cause.status_code, detail=cause.detail, response=cause.response
        )
        self.file_mfid = file_mfid
        self.etag = etag


class UnprocessableEntityError(APIStatusError):
    """422: the server rejected the input.

    Attributes:
        errors: The field errors, each a dict with `loc`, `msg` and `type`.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        detail: str,
        errors: list[dict[str, Any]],
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(message, status_code=status_code, detail=detail, response=response)
        self.errors = errors


class RateLimitError(APIStatusError):
    """429: too many requests (retried automatically before this is raised)."""


class ServerError(APIStatusError):
    """5xx: the server failed (retried automatically when that is safe)."""


class APIConnectionError(APIError):
    """No answer came back: connection refused or reset, DNS or TLS failure."""


class APITimeoutError(APIConnectionError):
    """No answer came back in time."""


class UnexpectedResponseError(APIError):
    """A successful answer whose body does not match the contract.

    Attributes:
        response: The `httpx.Response` that could not be understood.
    """

    def __init__(self, message: str, *, response: httpx.Response | None = None) -> None:
        super().__init__(message)
        self.response = response


class AmbiguousMatchError(APIError):
    """An exact lookup (slug, name, username or e-mail) matched several records: use the MFID."""


class WaitTimeoutError(CrucibleError):
    """A processing request did not reach a terminal status before the deadline.

    Attributes:
        request: The last request record seen (it still says its current status).
    """

    def __init__(self, message: str, *, request: Any) -> None:
        super().__init__(message)
        self.request = request


class RequestFailedError(CrucibleError):
    """A processing request ended in a status other than success.

    Attributes:
        request: The final request record; `request["status"]` says how it ended.
    """

    def __init__(self, message: str, *, request: Any) -> None:
        super().__init__(message)
        self.request = request


class TransferError(CrucibleError):
    """An upload or download failed verification, stopped short, or was unsafe."""


class ConfigurationError(CrucibleError, ValueError):
    """A required setting (the API URL or key) is given nowhere: not as an argument, not in the
    environment, not in the config file. Also a `ValueError`, as it was before it had a class."""


class ParserError(CrucibleError, ValueError):
    """A metadata parser could not read a file: unreadable, malformed, no parser for it, or an
    unknown parser name. The message names the file and the parser.

    Attributes:
        path: The file, as given (None for an unknown parser name alone).
        parser: The parser's name.
    """

    def __init__(self, message: str, *, path: object = None, parser: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.parser = parser


class ParserDependencyError(ParserError):
    """A parser needs an optional library that is not installed; the message names the extra
    to install (for example `pip install 'pycrucible-client[hdf5]'`)."""


_UNKNOWN_KEY = "no account found for this api key"


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _read_detail(response: httpx.Response) -> tuple[str, list[dict[str, Any]]]:
    """Extracts the FastAPI `detail` (text, field errors) from an error response."""
    try:
        body = response.json()
    except ValueError:
        return response.text.strip()[:500], []
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, str):
        return detail, []
    if isinstance(detail, list):
        errors = [item for item in detail if isinstance(item, dict)]
        parts = [
            f"{'.'.join(str(p) for p in item.get('loc', []))}: {item.get('msg', '')}"
            for item in errors
        ]
        return "; ".join(parts), errors
    return (str(body)[:500] if body is not None else ""), []


def error_for_response(response: httpx.Response) -> APIStatusError:
    """Builds the exception for an error response; the one status-to-class mapping.

    Args:
        response: An answer whose status is 4xx or 5xx (or any other non-success status).

    Returns:
        The matching `APIStatusError` subclass, with the message, `detail` and the response.
    """
    detail, errors = _read_detail(response)
    detail = redact_text(detail)
    status = response.status_code
    request = response.request
    where = f"{request.method} {redact_url(str(request.url))}"
    message = f"{status} {response.reason_phrase or ''} from {where}".replace("  ", " ")
    if detail:
        message += f": {detail}"
    cls = _STATUS_CLASSES.get(status, ServerError if status >= 500 else APIStatusError)
    if status == 400 and _UNKNOWN_KEY in detail.lower():
        # The seed-era API says "unknown key" with a 400: an authentication failure all the same.
        message += " (check the API key)"
        cls = AuthenticationError
    if cls is UnprocessableEntityError:
        return UnprocessableEntityError(
            message, status_code=status, detail=detail, errors=errors, response=response
        )
    return cls(message, status_code=status, detail=detail, response=response)


def not_found(what: str) -> NotFoundError:
    """Builds the `NotFoundError` for a 200 + `null` answer (the API's way to say "no such record").

    Args:
        what: What was looked for, for the message (e.g. `"dataset 0tbg..."`).

    Returns:
        The exception, with `status_code` 200 and `detail` "null".
    """
    return NotFoundError(f"{what} not found", status_code=200, detail="null")


class UnsupportedByServerError(CrucibleError):
    """The server's API version has no such operation (API v3 removed it).

    Attributes:
        api_version: The server's API version (`"v3"`).
        replacement: What to use instead, or None when nothing replaces it.
    """

    def __init__(self, operation: str, api_version: str, replacement: str | None = None) -> None:
        self.operation = operation
        self.api_version = api_version
        self.replacement = replacement
        message = f"{operation} is not available on Crucible API {api_version}"
        message += f"; use {replacement} instead" if replacement else "; nothing replaces it"
        super().__init__(message)
