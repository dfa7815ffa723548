"""Which Crucible API version a server speaks: the setting, the detection, the seed-era warning.

The version comes from `api_version=` or `CRUCIBLE_API_VERSION` (or `api_version` in the config
file). Without one, `detect_api_version` asks `GET <api_url>/health/ready` once: API v3 answers
with `build.api_version`; the seed-era API (v1) has no such route and answers 404.
"""

from __future__ import annotations

import re
import warnings

import httpx

from pycrucible._http import translate_errors
from pycrucible._redact import get_logger, redact_url
from pycrucible.errors import UnexpectedResponseError, error_for_response

__all__ = ["detect_api_version", "version_of", "warn_if_seed_era_url"]

log = get_logger("client")

_SEED_ERA_PATH = re.compile(r"/api/v[12]$")


def warn_if_seed_era_url(api_url: str) -> bool:
    """Warns once (`DeprecationWarning`) when the URL points at the seed-era API.

    Args:
        api_url: The checked base URL, without a trailing slash.

    Returns:
        True when the URL ends in `/api/v1` or `/api/v2`.
    """
    if not _SEED_ERA_PATH.search(httpx.URL(api_url).path):
        return False
    warnings.warn(
        f"{redact_url(api_url)} is the seed-era Crucible API; it is deprecated: "
        "use the API v3 URL (for example https://crucible.lbl.gov/api/v3)",
        DeprecationWarning,
        stacklevel=4,
    )
    return True


def detect_api_version(http: httpx.Client) -> str:
    """Asks the server which API version it speaks.

    Args:
        http: A client whose base URL is the API's and whose hooks do not raise on 4xx.

    Returns:
        `"v3"` when `GET /health/ready` names API version 3, `"v1"` when the route is missing.

    Raises:
        APIConnectionError: The server could not be reached.
        APIStatusError: The server answered another error (for example 503 while starting).
        UnexpectedResponseError: The answer names a version this client does not speak.
    """
    with translate_errors():
        response = http.get("health/ready")
    if response.status_code in (404, 405):
        log.debug("no /health/ready: the seed-era API (v1)")
        return "v1"
    if response.status_code >= 400:
        raise error_for_response(response)
    return version_of(response)


def version_of(response: httpx.Response) -> str:
    """The API version a successful `GET /health/ready` answer names (`"v3"`).

    Raises:
        UnexpectedResponseError: The answer names a version this client does not speak.
    """
    try:
        build = response.json().get("build") or {}
        reported = str(build.get("api_version", ""))
    except (ValueError, AttributeError):
        raise UnexpectedResponseError(
            f"/health/ready: expected a JSON object, got {response.content[:200]!r}"
        ) from None
    major = reported.lstrip("v").split(".", 1)[0]
    if major == "3":
        log.debug("the server speaks API %s", reported)
        return "v3"
    raise UnexpectedResponseError(
        f"/health/ready names API version {reported!r}; this client speaks v1 and v3 "
        "(set api_version= to choose one)"
    )
