"""The local server's v3 upload state machine and CRC32C, as plain functions (no HTTP)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from pycrucible.testing._crc32c import (
    Crc32c,
    crc32c_b64,
    crc32c_of_file,
    extend,
    from_b64,
    same_crc32c,
    to_b64,
)
from pycrucible.testing._db import Database
from pycrucible.testing._files import Signer
from pycrucible.testing._v3_blobs import (
    Blobs,
    effective_disposition,
    part_signing_key,
    sign_part_url,
)
from pycrucible.testing._v3_finish import abort, complete_multipart
from pycrucible.testing._v3_records import ensure_tables, file_row
from pycrucible.testing._v3_uploads import (
    UploadError,
    acknowledge_part,
    configure,
    initiate_multipart,
    initiate_replace,
    part_span,
    parts_page,
    session_row,
)

DATASET = "0" * 26


def test_crc32c_known_vector() -> None:
    # The CRC32C check value of the ASCII digits 1-9 is 0xE3069283.
    assert from_b64(crc32c_b64(b"123456789")) == 0xE3069283
    assert crc32c_b64(b"") == "AAAAAA=="


def test_crc32c_incremental_equals_whole(tmp_path: Path) -> None:
    data = bytes(range(256)) * 1000
    running = Crc32c()
    for start in range(0, len(data), 777):
        running.update(data[start : start + 777])
    assert running.b64() == crc32c_b64(data)
    assert to_b64(extend(extend(0, data[:10]), data[10:])) == crc32c_b64(data)
    path = tmp_path / "blob"
    path.write_bytes(data)
    assert crc32c_of_file(path) == crc32c_b64(data)


def test_crc32c_decoding_refuses_garbage() -> None:
    assert from_b64("not base64!") is None
    assert from_b64("AAAA") is None  # 3 bytes, not 4
    assert same_crc32c("4waSgw==", "4waSgw==")
    assert not same_crc32c("4waSgw==", "AAAAAA==")
    assert not same_crc32c("??", "??")


def test_part_signature_covers_the_checksum() -> None:
    signer = Signer(b"k" * 32)
    url, expires = sign_part_url(signer, "http://h", "up1", 3, "4waSgw==", 60)
    signature = url.rsplit("signature=", 1)[1]
    assert signer.signature(part_signing_key("up1", 3, "4waSgw=="), expires) == signature
    assert signer.signature(part_signing_key("up1", 3, "AAAAAA=="), expires) != signature
    assert signer.signature(part_signing_key("up1", 4, "4waSgw=="), expires) != signature


def test_html_always_downloads() -> None:
    assert effective_disposition("a/page.html", "inline") == "attachment"
    assert effective_disposition("pic.SVG", "inline") == "attachment"
    assert effective_disposition("scan.png", "inline") == "inline"
    assert effective_disposition("scan.png", None) == "attachment"


@pytest.fixture
def state(tmp_path: Path) -> Iterator[tuple[Database, Blobs]]:
    db = Database(tmp_path / "db.sqlite3")
    ensure_tables(db)
    configure(db, size=4)
    yield db, Blobs(tmp_path)
    db.close()


def _upload(db: Database, blobs: Blobs, data: bytes, **extra: str | None) -> dict[str, object]:
    sha = hashlib.sha256(data).hexdigest()
    answer = initiate_multipart(
        db,
        dataset_mfid=DATASET,
        owner="u1",
        filename=str(extra.get("filename") or "a.bin"),
        size=len(data),
        sha256=sha,
        idempotency_key=extra.get("key"),
    )
    return answer


def _send_parts(db: Database, blobs: Blobs, upload_id: str, data: bytes) -> None:
    session = session_row(db, upload_id, DATASET)
    blobs.session_dir(upload_id, create=True)
    for number in range(1, session["part_count"] + 1):
        offset, size = part_span(session, number)
        chunk = data[offset : offset + size]
        blobs.part_path(upload_id, number).write_bytes(chunk)
        acknowledge_part(db, upload_id, number, size, crc32c_b64(chunk))


def test_multipart_happy_path_and_repeat(state: tuple[Database, Blobs]) -> None:
    db, blobs = state
    data = b"0123456789"
    answer = _upload(db, blobs, data, key="k1")
    assert answer["state"] == "uploading"
    assert (answer["part_size"], answer["part_count"]) == (4, 3)
    upload_id = str(answer["upload_id"])
    assert _upload(db, blobs, data, key="k1")["upload_id"] == upload_id  # same key: same session
    _send_parts(db, blobs, upload_id, data)
    session = session_row(db, upload_id, DATASET)
    sha = hashlib.sha256(data).hexdigest()
    stored = complete_multipart(db, blobs, session, sha, crc32c_b64(data))
    again = complete_multipart(db, blobs, session, sha, crc32c_b64(data))
    assert stored["mfid"] == again["mfid"]
    assert blobs.stored_path(stored["stored_key"]).read_bytes() == data  # type: ignore[union-attr]
    assert int(db.scalar("SELECT COUNT(*) FROM v3_files")) == 1
    # The same content again is a dedup hit; another content of the same name a 409.
    assert _upload(db, blobs, data)["existing_file"]["mfid"] == stored["mfid"]  # type: ignore[index]
    with pytest.raises(UploadError) as caught:
        _upload(db, blobs, b"other")
    assert caught.value.status == 409
    assert caught.value.detail["code"] == "filename_exists"


def test_completion_checks_parts_and_checksums(state: tuple[Database, Blobs]) -> None:
    db, blobs = state
    data = b"abcdefghij"
    upload_id = str(_upload(db, blobs, data)["upload_id"])
    session = session_row(db, upload_id, DATASET)
    sha = hashlib.sha256(data).hexdigest()
    with pytest.raises(UploadError) as missing:
        complete_multipart(db, blobs, session, sha, crc32c_b64(data))
    assert missing.value.status == 422
    _send_parts(db, blobs, upload_id, data)
    with pytest.raises(UploadError) as wrong_crc:
        complete_multipart(db, blobs, session, sha, crc32c_b64(b"nope"))
    assert wrong_crc.value.detail[0]["loc"] == ["body", "crc32c"]
    # The session stayed open: a correct completion still works.
    assert complete_multipart(db, blobs, session, sha, crc32c_b64(data))["size"] == 10


def test_parts_page_and_abort(state: tuple[Database, Blobs]) -> None:
    db, blobs = state
    data = b"x" * 10
    upload_id = str(_upload(db, blobs, data)["upload_id"])
    _send_parts(db, blobs, upload_id, data)
    session = session_row(db, upload_id, DATASET)
    page = parts_page(db, session, 1)
    assert [part["part_number"] for part in page["parts"]] == [2, 3]
    assert page["next_part_number_marker"] is None
    abort(db, blobs, session)
    assert not blobs.part_path(upload_id, 1).exists()
    with pytest.raises(UploadError):
        complete_multipart(db, blobs, session_row(db, upload_id, DATASET), "0" * 64, "AAAAAA==")


def test_replace_needs_the_current_etag(state: tuple[Database, Blobs]) -> None:
    db, blobs = state
    data = b"version-1"
    upload_id = str(_upload(db, blobs, data)["upload_id"])
    _send_parts(db, blobs, upload_id, data)
    sha = hashlib.sha256(data).hexdigest()
    stored = complete_multipart(
        db, blobs, session_row(db, upload_id, DATASET), sha, crc32c_b64(data)
    )
    new = b"version-2!"
    new_sha = hashlib.sha256(new).hexdigest()

    def replace(if_match: str, key: str | None = None) -> dict[str, object]:
        target = file_row(db, stored["mfid"])
        assert target is not None
        return initiate_replace(
            db,
            target=target,
            owner="u1",
            size=len(new),
            sha256=new_sha,
            if_match=if_match,
            idempotency_key=key,
        )

    with pytest.raises(UploadError) as stale:
        replace('"0-0000"')
    assert stale.value.status == 412
    etag = stale.value.detail["etag"]
    session = replace(etag, "r1")
    with pytest.raises(UploadError) as busy:
        replace("*")
    assert (busy.value.status, busy.value.detail["code"]) == (409, "replace_in_progress")
    upload_id = str(session["upload_id"])
    _send_parts(db, blobs, upload_id, new)
    replaced = complete_multipart(
        db, blobs, session_row(db, upload_id, DATASET), new_sha, crc32c_b64(new)
    )
    assert replaced["mfid"] == stored["mfid"]
    assert replaced["sha256_hash"] == new_sha
    assert blobs.stored_path(replaced["stored_key"]).read_bytes() == new  # type: ignore[union-attr]
