"""Request bodies and query models, validated by FastAPI (malformed input answers 422).

They mirror the request schemas of ``openapi-v1.json``. Unknown fields are ignored, as the real API
ignores them. Query models convert strings, as query parameters are strings on the wire.

Body fields follow the contract's JSON types with one leniency of the real API (FastAPI's lax
validation), which existing clients rely on: an integer field also takes a string of decimal
digits (``{"id": "8"}`` is ``8``) and a number without fraction (``8.0``); see
:func:`lenient_int`. Nothing else is converted: ``"8.5"``,
``8.5``, ``true``, ``" 8"`` or ``"8e3"`` is not an integer, a number is not a string, and
``"true"`` or ``1`` is not a boolean. Integers are bounded to what SQLite can store.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from pycrucible.testing._db import INT64_MAX
from pycrucible.testing._ids import is_acceptable_client_id

_DECIMAL = re.compile(r"[+-]?[0-9]+")


def lenient_int(value: object) -> object:
    """Turn a string of decimal digits (optionally signed) into an int; leave the rest as is.

    A number with no fractional part (``3.0``, an integer in JSON Schema) becomes an int too.
    Runs before the strict integer check of a body field, so the check then accepts JSON
    integers and such values only.
    """
    if isinstance(value, str) and _DECIMAL.fullmatch(value):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


LenientInt = Annotated[int, BeforeValidator(lenient_int)]
Int64 = Annotated[LenientInt, Field(ge=-INT64_MAX - 1, le=INT64_MAX)]
Size = Annotated[LenientInt, Field(ge=0, le=INT64_MAX)]


def _check_datetime(value: str) -> str:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ValueError("must be an ISO 8601 date-time") from None
    return value


def _check_client_id(value: str) -> str:
    if not is_acceptable_client_id(value):
        raise ValueError("must be 1-128 letters, digits, '-', '_', '.' or '~' (an MFID)")
    return value


class Body(BaseModel):
    """Base of request bodies: JSON types must match (but see :func:`lenient_int`).

    Unknown fields are ignored.
    """

    model_config = ConfigDict(strict=True)


IsoDateTime = Annotated[str, AfterValidator(_check_datetime)]
"""A date-time string kept as sent (filters compare it as stored)."""
ClientId = Annotated[str, AfterValidator(_check_client_id)]


class DatasetFields(Body):
    """Writable dataset fields (all optional)."""

    dataset_name: str | None = None
    public: bool | None = None
    owner_user_id: Int64 | None = None
    owner_orcid: str | None = None
    project_id: str | None = None
    instrument_id: Int64 | None = None
    instrument_name: str | None = None
    measurement: str | None = None
    session_name: str | None = None
    creation_time: IsoDateTime | None = None
    data_format: str | None = None
    file_to_upload: str | None = None
    size: Int64 | None = None
    sha256_hash_file_to_upload: str | None = None
    source_folder: str | None = None


class DatasetCreate(DatasetFields):
    """Body of ``POST /datasets``."""

    unique_id: ClientId | None = None


class DatasetUpdate(DatasetFields):
    """Body of ``PATCH /datasets/{dsid}``: only the fields present change."""


class DatasetFilters(BaseModel):
    """Exact dataset filters (``keyword``: case-insensitive substring) and ``limit``."""

    keyword: str | None = None
    unique_id: str | None = None
    public: bool | None = None
    dataset_name: str | None = None
    file_to_upload: str | None = None
    owner_orcid: str | None = None
    project_id: str | None = None
    instrument_name: str | None = None
    source_folder: str | None = None
    creation_time: str | None = None
    size: int | None = None
    data_format: str | None = None
    measurement: str | None = None
    session_name: str | None = None
    sha256_hash_file_to_upload: str | None = None
    limit: int | None = Field(default=None, ge=1)


class DatasetListQuery(DatasetFilters):
    """Query of dataset lists (``GET /datasets``, ``GET /samples/{id}/datasets``).

    The filters plus ``include_metadata``.
    """

    include_metadata: bool = False


class SampleFilters(BaseModel):
    """Exact sample filters and ``limit``."""

    unique_id: str | None = None
    sample_name: str | None = None
    owner_orcid: str | None = None
    project_id: str | None = None
    sample_type: str | None = None
    description: str | None = None
    limit: int | None = Field(default=None, ge=1)


class SampleFields(Body):
    """Writable sample fields (all optional and nullable)."""

    sample_name: str | None = None
    owner_orcid: str | None = None
    owner_user_id: Int64 | None = None
    description: str | None = None
    date_created: IsoDateTime | None = None
    project_id: str | None = None
    sample_type: str | None = None


class SampleCreate(SampleFields):
    """Body of ``POST /samples``."""

    unique_id: ClientId | None = None


class SampleUpdate(SampleFields):
    """Body of ``PATCH /samples/{sample_id}``."""


class AssociatedFileCreate(Body):
    """Body of ``POST /datasets/{dsid}/associated_files``."""

    filename: str = Field(min_length=1)
    size: Size
    sha256_hash: str


class ThumbnailCreate(Body):
    """Body of ``POST /datasets/{dsid}/thumbnails``."""

    thumbnail_name: str = Field(min_length=1)
    thumbnail_b64str: str


class InstrumentCreate(Body):
    """Body of ``POST /instruments``."""

    unique_id: ClientId | None = None
    instrument_name: str = Field(min_length=1)
    location: str | None = None
    owner: str | None = None
    manufacturer: str | None = None
    model: str | None = None
    description: str | None = None
    instrument_type: str | None = None


class ProjectCreate(Body):
    """Body of ``POST /projects``."""

    project_id: str = Field(min_length=1)
    organization: str
    project_lead_email: str
    title: str | None = None
    status: str | None = None
    project_lead_name: str | None = None


class UserInfo(Body):
    """Identity part of ``POST /users``."""

    orcid: str = Field(min_length=1)
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    lbl_email: str | None = None


class UserCreate(Body):
    """Body of ``POST /users``."""

    user_info: UserInfo
    project_ids: list[str] = Field(default_factory=list)


class RequestStatusUpdate(Body):
    """Body of the worker status PATCHes."""

    id: Int64 | None = None
    status: str = Field(min_length=1)
    time_completed: IsoDateTime | None = None
    error_message: str | None = None


class DriveTransferOptions(Body):
    """Optional body of ``POST /datasets/{dsid}/google_drive_transfer``."""

    folder_id: str | None = None


class UploadInitiate(Body):
    """Body of ``POST /datasets/{dsid}/upload/initiate``."""

    filename: str = Field(min_length=1)
    size: Size
    sha256_hash: str


class UploadComplete(Body):
    """Body of ``POST /datasets/{dsid}/upload/complete``."""

    upload_id: str = Field(min_length=1)
    sha256_hash: str
