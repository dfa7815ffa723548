"""API v3's version-specific types, for annotations: `client.v3` is a `CrucibleClientV3`."""

from pycrucible._v3.client import CrucibleClientV3
from pycrucible._v3.ingestion import IngestionRequests
from pycrucible._v3.pages import KeysetPages, OffsetPages
from pycrucible._v3.pipeline import PipelineResult

__all__ = [
    "CrucibleClientV3",
    "IngestionRequests",
    "KeysetPages",
    "OffsetPages",
    "PipelineResult",
]
