"""Contains all the data models used in inputs/outputs"""

from .dataset import Dataset
from .dataset_keyset_page import DatasetKeysetPage
from .error_detail import ErrorDetail
from .http_validation_error import HTTPValidationError
from .readiness_build import ReadinessBuild
from .readiness_database import ReadinessDatabase
from .readiness_response import ReadinessResponse
from .validation_error import ValidationError

__all__ = (
    "Dataset",
    "DatasetKeysetPage",
    "ErrorDetail",
    "HTTPValidationError",
    "ReadinessBuild",
    "ReadinessDatabase",
    "ReadinessResponse",
    "ValidationError",
)
