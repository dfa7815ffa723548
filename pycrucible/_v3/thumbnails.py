"""The thumbnail methods of `client.v3.files`: list, add, update and delete a dataset's previews.

Thumbnails travel as raw base64 (no `data:` prefix) and are addressed by an integer id within
their dataset.
"""

from __future__ import annotations

import base64
import binascii
import builtins
import os
from typing import Any, Unpack

from crucible_openapi.v3.api.files import (
    create_dataset_thumbnail,
    delete_dataset_thumbnail,
    list_dataset_thumbnails,
    update_dataset_thumbnail,
)
from crucible_openapi.v3.models import Thumbnail, ThumbnailCreate, ThumbnailUpdate
from crucible_openapi.v3.types import UNSET, Unset

from pycrucible._checks import check_file, check_id, check_text
from pycrucible._http import invoke, parse_list, parse_one
from pycrucible._v3._base import CallKwargs, V3Resource, per_call

__all__ = ["Thumbnails", "image_b64"]

PathArg = str | os.PathLike[str]


def _check_b64(value: Any) -> str:
    text = check_text(value, "b64")
    if text.lstrip().lower().startswith("data:"):
        raise ValueError("b64 must be the raw base64 of the image, without a 'data:...' prefix")
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"b64 is not valid base64: {exc}") from exc
    if not data:
        raise ValueError("the thumbnail image is empty")
    return text


def _check_thumbnail_id(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"thumbnail_id must be a thumbnail's id (a whole number), got {value!r}")
    return value


def image_b64(image: PathArg | bytes, name: str | None) -> tuple[str, str | None]:
    """Reads an image (a file or its bytes) as raw base64, with the name it suggests.

    Args:
        image: An image file, or the image's bytes.
        name: The name given (None: the file's base name; bytes suggest none).

    Returns:
        (base64 text, name or None).

    Raises:
        FileNotFoundError: The file does not exist.
        ValueError: A directory, or an empty image.
    """
    if isinstance(image, bytes | bytearray | memoryview):
        data = bytes(image)
    else:
        path = check_file(image, "thumbnail")
        data = path.read_bytes()
        name = name or path.name
    if not data:
        raise ValueError("the thumbnail image is empty")
    return base64.b64encode(data).decode("ascii"), name


class Thumbnails(V3Resource):
    """The thumbnail methods of `client.v3.files`."""

    @per_call
    def thumbnails(self, dsid: str, **options: Unpack[CallKwargs]) -> builtins.list[Thumbnail]:
        """A dataset's thumbnails (`id`, `thumbnail_name`, `thumbnail_b64str`, `mime_type`).

        Args:
            dsid: The dataset's MFID.
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.
        """
        ds = check_id(dsid, "dsid")
        response = invoke(list_dataset_thumbnails.sync_detailed, ds, client=self._api)
        return parse_list(response, Thumbnail, f"thumbnails of {ds}")

    @per_call
    def add_thumbnail(
        self,
        dsid: str,
        file_path_or_bytes: PathArg | bytes,
        thumbnail_name: str | None = None,
        *,
        b64: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> Thumbnail:
        """Adds a PNG or JPEG thumbnail to a dataset (each call adds one).

        Three forms: `add_thumbnail(dsid, "plot.png")` (a file; named after it),
        `add_thumbnail(dsid, image_bytes, "plot.png")`, and
        `add_thumbnail(dsid, "plot.png", b64=text)` (the name, with the image already in base64).

        Args:
            dsid: The dataset's MFID.
            file_path_or_bytes: An image file or its bytes; with `b64`, the thumbnail's name.
            thumbnail_name: Its name; the file's base name by default (required with bytes).
            b64: The image as raw base64 (no `data:` prefix).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Returns:
            The thumbnail, with its `id`.

        Raises:
            ValueError: No name, an empty image or bad base64 (before any request).
            FileNotFoundError: The image file does not exist.
        """
        ds = check_id(dsid, "dsid")
        if b64 is not None:
            if not isinstance(file_path_or_bytes, str | os.PathLike):
                raise ValueError("with b64=, the second argument is the thumbnail's name")
            text = _check_b64(b64)
            name: str | None = thumbnail_name or os.fspath(file_path_or_bytes)
        else:
            text, name = image_b64(file_path_or_bytes, thumbnail_name)
        if name is None:
            raise ValueError("thumbnail_name is required when passing image bytes")
        body = ThumbnailCreate(
            thumbnail_name=check_text(name, "thumbnail_name"), thumbnail_b64str=text
        )
        response = invoke(create_dataset_thumbnail.sync_detailed, ds, client=self._api, body=body)
        return parse_one(response, Thumbnail, f"thumbnail {name!r} of {ds}")

    @per_call
    def update_thumbnail(
        self,
        dsid: str,
        thumbnail_id: int,
        *,
        thumbnail_name: str | None = None,
        image: PathArg | bytes | None = None,
        b64: str | None = None,
        **options: Unpack[CallKwargs],
    ) -> Thumbnail:
        """Renames a thumbnail or replaces its image.

        Args:
            dsid: The dataset's MFID.
            thumbnail_id: The thumbnail's id (`Thumbnail.id`).
            thumbnail_name: Its new name.
            image: Its new image, as a file or bytes.
            b64: Its new image as raw base64 (instead of `image`).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            ValueError: Nothing to change, both `image` and `b64`, or a bad value (before any
                request).
            NotFoundError: No such thumbnail in this dataset.
        """
        ds, number = check_id(dsid, "dsid"), _check_thumbnail_id(thumbnail_id)
        if image is not None and b64 is not None:
            raise ValueError("give the new image as image= or as b64=, not both")
        text: str | Unset = UNSET
        if image is not None:
            text = image_b64(image, None)[0]
        elif b64 is not None:
            text = _check_b64(b64)
        name = check_text(thumbnail_name, "thumbnail_name") if thumbnail_name is not None else None
        if name is None and isinstance(text, Unset):
            raise ValueError("give a new thumbnail_name, image or b64")
        body = ThumbnailUpdate(
            thumbnail_name=UNSET if name is None else name, thumbnail_b64str=text
        )
        response = invoke(
            update_dataset_thumbnail.sync_detailed, ds, number, client=self._api, body=body
        )
        return parse_one(response, Thumbnail, f"thumbnail {number} of {ds}")

    @per_call
    def delete_thumbnail(self, dsid: str, thumbnail_id: int, **options: Unpack[CallKwargs]) -> None:
        """Deletes a thumbnail.

        Args:
            dsid: The dataset's MFID.
            thumbnail_id: The thumbnail's id (`Thumbnail.id`).
            **options: Per-call `timeout=`, `extra_headers=`, `privilege_mode=`.

        Raises:
            NotFoundError: No such thumbnail in this dataset.
        """
        ds, number = check_id(dsid, "dsid"), _check_thumbnail_id(thumbnail_id)
        invoke(delete_dataset_thumbnail.sync_detailed, ds, number, client=self._api)
