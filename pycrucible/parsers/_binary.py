"""Binary formats read through optional libraries: HDF5 (h5py) and TIFF/PNG/JPEG (Pillow)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pycrucible.parsers._base import Parser, plain, require

__all__ = ["HDF5_PARSER", "IMAGE_PARSER"]

# Groups and datasets described at most, so a huge file gives bounded metadata.
_MAX_NODES = 1000


def _attributes(node: Any) -> dict[str, Any]:
    return {str(name): plain(value) for name, value in node.attrs.items()}


def _hdf5(path: Path) -> dict[str, Any]:
    h5py = require("h5py", "hdf5", "hdf5")
    groups: dict[str, Any] = {}
    datasets: dict[str, Any] = {}
    with h5py.File(path, "r") as handle:
        root = _attributes(handle)

        def visit(name: str, node: Any) -> None:
            if len(groups) + len(datasets) >= _MAX_NODES:
                return
            if isinstance(node, h5py.Dataset):
                entry: dict[str, Any] = {"shape": list(node.shape), "dtype": str(node.dtype)}
                attributes = _attributes(node)
                if attributes:
                    entry["attributes"] = attributes
                datasets["/" + name] = entry
            elif isinstance(node, h5py.Group):
                groups["/" + name] = _attributes(node)

        handle.visititems(visit)
    info: dict[str, Any] = {"attributes": root, "groups": groups, "datasets": datasets}
    if len(groups) + len(datasets) >= _MAX_NODES:
        info["truncated_at"] = _MAX_NODES
    return info


def _image(path: Path) -> dict[str, Any]:
    image_module = require("PIL.Image", "images", "image")
    tags_module = require("PIL.TiffTags", "images", "image")
    exif_tags = require("PIL.ExifTags", "images", "image")
    with image_module.open(path) as image:
        image.verify()  # reads the whole structure: a truncated or corrupt file fails here
    with image_module.open(path) as image:
        info: dict[str, Any] = {
            "format": image.format,
            "mode": image.mode,
            "width": image.width,
            "height": image.height,
            "frames": getattr(image, "n_frames", 1),
        }
        tags: dict[str, Any] = {}
        tag_v2 = getattr(image, "tag_v2", None)
        if tag_v2 is not None:  # TIFF: every tag of the first page, by its name
            for code, value in tag_v2.items():
                name = tags_module.lookup(code).name
                tags[name] = plain(value)
        else:
            for code, value in image.getexif().items():
                tags[exif_tags.TAGS.get(code, str(code))] = plain(value)
        text = {str(k): plain(v) for k, v in (getattr(image, "text", None) or {}).items()}
    if tags:
        info["tags"] = tags
    if text:
        info["text"] = text
    return info


HDF5_PARSER = Parser("hdf5", (".h5", ".hdf5", ".hdf", ".nxs", ".emd"), _hdf5)
IMAGE_PARSER = Parser("image", (".tif", ".tiff", ".png", ".jpg", ".jpeg"), _image)
