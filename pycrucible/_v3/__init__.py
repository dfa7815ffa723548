"""Crucible API v3: the version-specific client and its helpers."""
