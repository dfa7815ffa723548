"""Client-side identifiers: fresh MFIDs for creates, and the pipeline's derived ids."""

from __future__ import annotations

import hashlib
import re

import pytest

from pycrucible._checks import check_id, check_reqid, id_of, mfid_from_digest, new_mfid
from pycrucible._resources.pipeline import derive_unique_id

MFID = re.compile(r"^[0-9a-hjkmnp-tv-z]{26}$")


def test_new_mfids_are_mfids_in_time_order() -> None:
    made = [new_mfid() for _ in range(200)]
    assert all(MFID.match(m) for m in made)
    assert len(set(made)) == 200
    assert made[0][:9] <= made[-1][:9]  # the leading characters carry the time
    assert made[0][0] == "0"  # 128 bits in 130: the top character stays small


def test_digest_ids_are_mfid_shaped_and_stable() -> None:
    digest = hashlib.sha256(b"acquisition").digest()
    assert mfid_from_digest(digest) == mfid_from_digest(digest)
    assert MFID.match(mfid_from_digest(digest))
    with pytest.raises(ValueError, match="16 bytes"):
        mfid_from_digest(b"short")


def test_derived_ids_depend_on_identity_and_files_only() -> None:
    files = [("a.png", "11" * 32), ("b.json", "22" * 32)]
    base = derive_unique_id({"dataset_name": "scan", "owner_orcid": "0000-1"}, files)
    assert base == derive_unique_id({"owner_orcid": "0000-1", "dataset_name": "scan"}, files)
    assert base == derive_unique_id(
        {"dataset_name": "scan", "owner_orcid": "0000-1", "unset": None}, list(reversed(files))
    )
    assert base != derive_unique_id({"dataset_name": "scan", "owner_orcid": "0000-2"}, files)
    assert base != derive_unique_id(
        {"dataset_name": "scan", "owner_orcid": "0000-1"}, [("a.png", "33" * 32), files[1]]
    )


def test_id_checks() -> None:
    assert check_id("0tbg8f8eq1sbs000x1sdqdtpnm") == "0tbg8f8eq1sbs000x1sdqdtpnm"
    assert check_id("0009-0001-9493-2006", "orcid") == "0009-0001-9493-2006"
    assert id_of({"unique_id": "s1"}) == "s1"
    assert check_reqid("12") == 12
    assert check_reqid(0) == 0
    with pytest.raises(ValueError, match="reqid"):
        check_reqid(True)
