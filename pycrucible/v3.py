"""API v3's version-specific client type, for annotations: `client.v3` is a `CrucibleClientV3`."""

from pycrucible._v3.client import CrucibleClientV3
from pycrucible._v3.pages import KeysetPages

__all__ = ["CrucibleClientV3", "KeysetPages"]

# Ingestion and the one-call pipeline
from pycrucible._v3.ingestion import IngestionRequests
from pycrucible._v3.pipeline import PipelineResult

__all__ += ["IngestionRequests", "PipelineResult"]
