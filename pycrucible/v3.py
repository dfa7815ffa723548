"""API v3's version-specific client type, for annotations: `client.v3` is a `CrucibleClientV3`."""

from pycrucible._v3.client import CrucibleClientV3
from pycrucible._v3.pages import KeysetPages, OffsetPages

__all__ = ["CrucibleClientV3", "KeysetPages", "OffsetPages"]
