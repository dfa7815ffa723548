"""Registers the operations commands: ingestion, access, deletion, project members and
service accounts (importing a module adds its commands to `cli`)."""

from pycrucible.cli import _access, _deletion, _ingestion, _members, _service_accounts

__all__ = ["REGISTERED"]

REGISTERED = (_access, _deletion, _ingestion, _members, _service_accounts)
