"""The fields of new and changed datasets: checked before anything is sent, and built into the
generated request models. Field names the code must hold as text are named through the
generated classes (`attrs.fields(DatasetCreate).creation_time`), so a renamed field fails
type-checking here."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from crucible_openapi.v1.models import (
    Dataset,
    DatasetCreate,
    DatasetUpdate,
    ScientificMetadataRecord,
)
from crucible_openapi.v1.types import UNSET

from pycrucible._checks import check_datetime, check_id, check_text
from pycrucible._core import given

__all__ = [
    "check_fields",
    "check_keywords",
    "embed_metadata",
    "new_dataset_body",
    "unwrap_metadata",
]

_NEW = attrs.fields(DatasetCreate)
_CHANGE = attrs.fields(DatasetUpdate)


def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in attrs.fields(cls) if f.name != "additional_properties")


def check_fields(fields: Mapping[str, Any], cls: type, what: str) -> dict[str, Any]:
    """Checks field names given as keyword arguments against a generated model, and the values
    of the fields that hold times and identifiers; drops `None`s."""
    allowed = _field_names(cls)
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise ValueError(
            f"unknown {what} field(s) {', '.join(unknown)}; known: {', '.join(sorted(allowed))}"
        )
    out = {key: value for key, value in fields.items() if value is not None}
    time_name = _CHANGE.creation_time.name
    if time_name in out:
        out[time_name] = check_datetime(out[time_name], time_name)
    for key in (_CHANGE.owner_orcid.name, _CHANGE.project_id.name):
        if key in out:
            check_id(out[key], key)
    return out


def new_dataset_body(
    unique_id: str | None,
    *,
    dataset_name: str | None = None,
    public: bool = False,
    owner_orcid: str | None = None,
    project_id: str | None = None,
    instrument_name: str | None = None,
    instrument_id: int | None = None,
    measurement: str | None = None,
    session_name: str | None = None,
    creation_time: datetime.datetime | str | None = None,
    data_format: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> DatasetCreate:
    """Checks the fields of a new dataset and builds its create body (see `create_dataset`).

    Raises:
        ValueError: An unknown field in `extra`, a bad time or a bad id; nothing was sent.
    """
    others = check_fields(extra or {}, DatasetCreate, "dataset")
    if _NEW.unique_id.name in others:
        raise ValueError("pass unique_id as the argument, not as an extra field")
    body = DatasetCreate(
        unique_id=given(unique_id),
        dataset_name=given(dataset_name),
        public=bool(public),
        owner_orcid=given(check_id(owner_orcid, "owner_orcid") if owner_orcid else None),
        project_id=given(check_id(project_id, "project_id") if project_id else None),
        instrument_name=given(instrument_name),
        instrument_id=given(instrument_id),
        measurement=given(measurement),
        session_name=given(session_name),
        creation_time=given(
            check_datetime(creation_time, "creation_time") if creation_time is not None else None
        ),
        data_format=given(data_format),
    )
    return attrs.evolve(body, **others) if others else body


def check_keywords(keywords: Iterable[str]) -> list[str]:
    """Checks a keyword list (a lone string is refused: it is a common slip)."""
    if isinstance(keywords, str):
        raise ValueError("keywords must be a list of strings, not one string")
    return [check_text(k, "keyword").strip() for k in keywords]


def embed_metadata(dataset: Dataset, metadata: Mapping[str, Any] | None) -> Dataset:
    """Puts the metadata dict itself under `dataset["scientific_metadata"]`, as API v3 does.

    The seed-era API wraps it in a record (`{"dataset_id": ..., "scientific_metadata": {...}}`)
    and the generated field is typed as that wrapper, so the dict goes into the record's extra
    fields: the dict view (`dataset["scientific_metadata"]`, `to_dict()`, `repr`) reads the dict,
    and the typed attribute `dataset.scientific_metadata` is left unset rather than mistyped.

    Args:
        dataset: The dataset record (changed in place).
        metadata: Its scientific metadata, or None when it has none.

    Returns:
        The same record.
    """
    dataset.scientific_metadata = UNSET
    dataset.additional_properties["scientific_metadata"] = (
        None if metadata is None else dict(metadata)
    )
    return dataset


def unwrap_metadata(dataset: Dataset) -> Dataset:
    """Replaces an embedded seed-era metadata wrapper by the metadata dict (see `embed_metadata`).

    Args:
        dataset: A dataset record as the server sent it (changed in place).

    Returns:
        The same record; untouched when it carries no wrapper.
    """
    record = dataset.scientific_metadata
    if isinstance(record, ScientificMetadataRecord):
        return embed_metadata(dataset, record.scientific_metadata.additional_properties)
    return dataset
