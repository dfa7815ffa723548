"""pycrucible: the Python client for Crucible, the Molecular Foundry's data lakehouse.

Example::

    from pycrucible import CrucibleClient

    with CrucibleClient(api_url="https://crucible.lbl.gov/testapi", api_key="...") as client:
        datasets = client.list_datasets()

Records returned by the client are the typed models of `crucible_openapi.v1.models`; they also read
like dicts (`dataset["unique_id"]`). Errors are `pycrucible.errors.CrucibleError` subclasses.
"""

# The async client (API v3)
from pycrucible._async._client import AsyncCrucibleClient
from pycrucible._client import CrucibleClient
from pycrucible._config import config_path, load_config, save_config
from pycrucible._resources.pipeline import PipelineResult
from pycrucible._resources.processing import WaitProgressCallback
from pycrucible._transfers.uploads import UploadedFile
from pycrucible._types import ProgressCallback
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
]
