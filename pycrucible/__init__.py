"""pycrucible: the Python client for Crucible, the Molecular Foundry's data lakehouse.

Example::

    from pycrucible import CrucibleClient

    with CrucibleClient(api_url="https://crucible.lbl.gov/testapi", api_key="...") as client:
        datasets = client.list_datasets()

Records returned by the client are the typed models of `crucible_openapi.v1.models`; they also read
like dicts (`dataset["unique_id"]`). Errors are `pycrucible.errors.CrucibleError` subclasses.

`import pycrucible` is quick: the error tree is loaded at once, everything else (the client, the
generated layers it is built on) on first use of its name (`from pycrucible import CrucibleClient`
or `pycrucible.CrucibleClient`), through the module's `__getattr__` (PEP 562).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from pycrucible._version import __version__
from pycrucible.errors import (
    AmbiguousMatchError,
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    CrucibleError,
    EtagMismatchError,
    FilenameExistsError,
    NotFoundError,
    ParserDependencyError,
    ParserError,
    PermissionDeniedError,
    RateLimitError,
    RequestFailedError,
    ServerError,
    TransferError,
    UnexpectedResponseError,
    UnprocessableEntityError,
    UnsupportedByServerError,
    WaitTimeoutError,
)

if TYPE_CHECKING:
    from pycrucible._async._client import AsyncCrucibleClient
    from pycrucible._client import CrucibleClient
    from pycrucible._config import config_path, load_config, save_config
    from pycrucible._progress import ProgressReporter
    from pycrucible._resources.pipeline import PipelineResult
    from pycrucible._resources.processing import WaitProgressCallback
    from pycrucible._tables import to_pandas
    from pycrucible._transfers.uploads import UploadedFile
    from pycrucible._types import ProgressCallback

# Names loaded on first use: name -> the module that defines it (one name per line).
_LAZY = {
    "AsyncCrucibleClient": "pycrucible._async._client",
    "CrucibleClient": "pycrucible._client",
    "PipelineResult": "pycrucible._resources.pipeline",
    "ProgressCallback": "pycrucible._types",
    "ProgressReporter": "pycrucible._progress",
    "UploadedFile": "pycrucible._transfers.uploads",
    "WaitProgressCallback": "pycrucible._resources.processing",
    "config_path": "pycrucible._config",
    "load_config": "pycrucible._config",
    "save_config": "pycrucible._config",
    "to_pandas": "pycrucible._tables",
}


if not TYPE_CHECKING:  # type checkers see the imports above, and flag unknown names

    def __getattr__(name: str) -> Any:
        """Loads a public name on first use (PEP 562) and keeps it in the module."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'pycrucible' has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AmbiguousMatchError",
    "AsyncCrucibleClient",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "CrucibleClient",
    "CrucibleError",
    "EtagMismatchError",
    "FilenameExistsError",
    "NotFoundError",
    "ParserDependencyError",
    "ParserError",
    "PermissionDeniedError",
    "PipelineResult",
    "ProgressCallback",
    "ProgressReporter",
    "RateLimitError",
    "RequestFailedError",
    "ServerError",
    "TransferError",
    "UnexpectedResponseError",
    "UnprocessableEntityError",
    "UnsupportedByServerError",
    "UploadedFile",
    "WaitProgressCallback",
    "WaitTimeoutError",
    "__version__",
    "config_path",
    "load_config",
    "save_config",
    "to_pandas",
]
