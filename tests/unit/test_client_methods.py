"""What each client method sends and returns, on the scripted fake API."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import httpx
import pytest
from _client_fakes import FakeAPI, reply

from pycrucible import (
    ConflictError,
    CrucibleClient,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
)
from pycrucible._transport import IDEMPOTENT

DS = {"unique_id": "d1", "id": 1, "dataset_name": "run"}


def echo_create(extra: dict | None = None):
    def answer(request: httpx.Request) -> httpx.Response:
        return reply(200, {**json.loads(request.content), "id": 5, **(extra or {})})

    return answer


def test_list_datasets_sends_limit_and_filters(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/datasets", reply(200, [DS]))
    fake.on("GET", "/samples/s1/datasets", reply(200, [DS]))
    assert client.list_datasets(measurement="XRD", public=True)[0]["unique_id"] == "d1"
    params = fake.requests[-1].url.params
    assert (params["limit"], params["measurement"], params["public"]) == ("100", "XRD", "true")
    client.list_datasets(limit=None)
    assert "limit" not in fake.requests[-1].url.params
    client.list_datasets("s1", limit=5)
    assert fake.sent()[-1] == ("GET", "/samples/s1/datasets")
    client.list_datasets("s1", include_metadata=True)  # declared there by the contract too
    assert fake.requests[-1].url.params["include_metadata"] == "true"


def test_get_dataset_with_metadata(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/datasets/d1", reply(200, DS))
    fake.on(
        "GET",
        "/datasets/d1/scientific_metadata",
        reply(200, {"dataset_id": "d1", "scientific_metadata": {"t": 1}}),
    )
    assert "scientific_metadata" not in client.get_dataset("d1")
    dataset = client.get_dataset("d1", include_metadata=True)
    assert dataset["scientific_metadata"] == {"t": 1}
    assert client.get_scientific_metadata("d1") == {"t": 1}


def test_metadata_reads_as_the_dict_as_on_v3(client: CrucibleClient, fake: FakeAPI) -> None:
    wrapped = {**DS, "scientific_metadata": {"dataset_id": "d1", "scientific_metadata": {"t": 2}}}
    fake.on("GET", "/datasets", reply(200, [wrapped, DS]))
    fake.on("GET", "/datasets/d1", reply(200, DS))
    fake.on("GET", "/datasets/d1/scientific_metadata", reply(200, None))
    listed = client.list_datasets(include_metadata=True)
    assert listed[0]["scientific_metadata"] == {"t": 2}
    assert json.loads(json.dumps(listed[0].to_dict()))["scientific_metadata"] == {"t": 2}
    assert "scientific_metadata" not in listed[1]
    bare = client.get_dataset("d1", include_metadata=True)
    assert bare["scientific_metadata"] is None


def test_create_dataset_resolves_the_instrument(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/instruments", reply(200, []))
    fake.on("POST", "/instruments", echo_create({"id": 36}))
    fake.on("POST", "/datasets", echo_create())
    dataset = client.create_dataset(dataset_name="run", instrument_name="Titan")
    body = json.loads(fake.requests[-1].content)
    assert body["instrument_id"] == 36
    assert body["instrument_name"] == "Titan"
    assert len(body["unique_id"]) == 26
    assert dataset["unique_id"] == body["unique_id"]
    created = [r for r in fake.requests if r.method == "POST"]
    assert all(r.extensions.get(IDEMPOTENT) for r in created)


def test_create_dataset_without_admin_keeps_the_instrument_name(
    client: CrucibleClient, fake: FakeAPI, caplog: pytest.LogCaptureFixture
) -> None:
    fake.on("GET", "/instruments", reply(200, []))
    fake.on("POST", "/instruments", reply(403, {"detail": "admin only"}))
    fake.on("POST", "/datasets", echo_create())
    client.create_dataset(dataset_name="run", instrument_name="Titan")
    body = json.loads(fake.requests[-1].content)
    assert body["instrument_name"] == "Titan"
    assert "instrument_id" not in body
    assert "only admins may register" in caplog.text


def test_create_dataset_notes_what_was_created_on_later_failure(
    client: CrucibleClient, fake: FakeAPI
) -> None:
    fake.on("POST", "/datasets", echo_create())
    fake.on("POST", "/datasets/*/keywords", reply(500, {"detail": "db down"}))
    with pytest.raises(ServerError) as caught:
        client.create_dataset(dataset_name="run", keywords=["a"])
    assert any("was created" in note for note in caught.value.__notes__)


def test_update_dataset(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("PATCH", "/datasets/d1", reply(200, {**DS, "public": True}))
    assert client.update_dataset("d1", public=True, creation_time="2025-01-02T03:04:05")["public"]
    assert fake.last_json() == {"public": True, "creation_time": "2025-01-02T03:04:05"}


def test_delete_dataset_says_the_api_does_not_delete(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("DELETE", "/datasets/d1", reply(501, {"detail": "Not implemented"}))
    with pytest.raises(ServerError, match="does not implement dataset deletion") as caught:
        client.delete_dataset("d1")
    assert caught.value.status_code == 501
    fake.on("DELETE", "/datasets/d2", reply(500, {"detail": "boom"}))
    with pytest.raises(ServerError, match="boom"):
        client.delete_dataset("d2")
    fake.on("DELETE", "/datasets/d3", reply(200, {"detail": "deleted"}))
    assert client.delete_dataset("d3")["detail"] == "deleted"


def test_get_user_by_email_falls_back_to_lbl_email(client: CrucibleClient, fake: FakeAPI) -> None:
    def users(request: httpx.Request) -> httpx.Response:
        if "lbl_email" in request.url.params:
            return reply(200, [{"orcid": "0000-0001", "lbl_email": "a@lbl.gov"}])
        return reply(200, [])

    fake.on("GET", "/users", users)
    assert client.get_user_by_email("a@lbl.gov")["orcid"] == "0000-0001"
    assert [next(iter(r.url.params)) for r in fake.requests] == ["email", "lbl_email"]
    fake.on("GET", "/users", reply(200, []))
    with pytest.raises(NotFoundError):
        client.get_user_by_email("nobody@x.org")


def test_get_instrument_by_name_prefers_an_exact_match(
    client: CrucibleClient, fake: FakeAPI
) -> None:
    found = [
        {"unique_id": "i1", "instrument_name": "Titan", "id": 1},
        {"unique_id": "i2", "instrument_name": "titan", "id": 2},
    ]
    fake.on("GET", "/instruments", reply(200, found))
    assert client.get_instrument("Titan")["unique_id"] == "i1"
    assert client.get_instrument("TITAN")["unique_id"] == "i2"  # the last, as the seed did
    assert client.get_instrument(instrument_id=2)["unique_id"] == "i2"
    assert client.get_instrument(instrument_id="i1")["unique_id"] == "i2"  # server filters
    fake.on("GET", "/instruments", reply(200, []))
    with pytest.raises(NotFoundError):
        client.get_instrument("Krios")
    with pytest.raises(NotFoundError):
        client.get_instrument(instrument_id="i9")


def test_get_or_add_instrument_conflict_means_our_retry(
    client: CrucibleClient, fake: FakeAPI
) -> None:
    created = {"unique_id": "i1", "instrument_name": "Titan", "id": 1}
    fake.on("GET", "/instruments", reply(200, []), reply(200, [created]))
    fake.on("POST", "/instruments", reply(409, {"detail": "exists"}))
    assert client.get_or_add_instrument("Titan", "bldg 72", "ncem")["id"] == 1


def test_get_or_add_project(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/projects/p1", reply(200, None))
    with pytest.raises(NotFoundError, match="organization and project_lead_email"):
        client.get_or_add_project("p1")
    fake.on("POST", "/projects", echo_create())
    project = client.add_project("p1", "LBNL", "lead@lbl.gov", title="T")
    assert project["title"] == "T"
    assert fake.last_json()["project_lead_email"] == "lead@lbl.gov"
    fake.on("POST", "/projects", reply(409, {"detail": "exists"}))
    fake.on("GET", "/projects/p1", reply(200, None), reply(200, {"project_id": "p1"}))
    assert client.get_or_add_project("p1", "LBNL", "lead@lbl.gov")["project_id"] == "p1"


def test_users(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/users/0000-0002", reply(200, None))
    with pytest.raises(NotFoundError):
        client.get_or_add_user("0000-0002")
    fake.on("POST", "/users", lambda r: reply(200, json.loads(r.content)["user_info"]))
    made = client.get_or_add_user("0000-0002", lambda orcid: {"first_name": "Ada"}, ["p1"])
    assert made["first_name"] == "Ada"
    assert fake.last_json() == {
        "user_info": {"first_name": "Ada", "orcid": "0000-0002"},
        "project_ids": ["p1"],
    }
    with pytest.raises(ValueError, match="expected"):
        client.get_or_add_user("0000-0002", {"orcid": "0000-0003"})
    fake.on("GET", "/account", reply(200, {"user_info": {"orcid": "0000-0001"}}))
    assert client.whoami()["user_info"]["orcid"] == "0000-0001"
    fake.on("POST", "/projects/p1/users/0000-0002", reply(200, [{"orcid": "0000-0002"}]))
    assert client.add_user_to_project("p1", "0000-0002")[0]["orcid"] == "0000-0002"
    fake.on("GET", "/users/0000-0002/projects", reply(200, [{"project_id": "p1"}]))
    assert client.list_projects("0000-0002")[0]["project_id"] == "p1"


def test_add_associated_file_from_a_local_file(
    client: CrucibleClient, fake: FakeAPI, tmp_path: Path
) -> None:
    data = tmp_path / "run7.h5"
    data.write_bytes(b"0123456789" * 1000)
    fake.on("POST", "/datasets/d1/associated_files", echo_create())
    record = client.add_associated_file("d1", data)
    assert fake.last_json() == {
        "filename": "run7.h5",
        "size": 10000,
        "sha256_hash": hashlib.sha256(data.read_bytes()).hexdigest(),
    }
    assert record["filename"] == "run7.h5"
    client.add_associated_file("d1", "large-files/x.h5", 5, "AB" * 32)
    assert fake.last_json() == {"filename": "large-files/x.h5", "size": 5, "sha256_hash": "ab" * 32}


def test_add_associated_file_list_answer(client: CrucibleClient, fake: FakeAPI) -> None:
    rows = [{"filename": "a", "size": 1}, {"filename": "b", "size": 2}]
    fake.on("POST", "/datasets/d1/associated_files", reply(200, rows))
    assert client.add_associated_file("d1", "b", 2, "0" * 64)["size"] == 2


def test_thumbnails(client: CrucibleClient, fake: FakeAPI, tmp_path: Path) -> None:
    image = tmp_path / "preview.png"
    image.write_bytes(b"\x89PNG fake")
    fake.on("POST", "/datasets/d1/thumbnails", echo_create())
    fake.on("GET", "/datasets/d1/thumbnails", reply(200, [{"thumbnail_name": "preview.png"}]))
    assert client.add_thumbnail("d1", image)["thumbnail_name"] == "preview.png"
    assert base64.b64decode(fake.last_json()["thumbnail_b64str"]) == b"\x89PNG fake"
    assert client.add_thumbnail("d1", b"raw", "raw.png")["thumbnail_name"] == "raw.png"
    assert client.get_thumbnails("d1")[0]["thumbnail_name"] == "preview.png"


def test_download_links(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/datasets/d1/download_links", reply(200, {"d1/a.h5": "https://s/a?sig=1"}))
    assert client.get_dataset_download_links("d1") == {"d1/a.h5": "https://s/a?sig=1"}


def test_samples(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("POST", "/samples", echo_create())
    fake.on(
        "POST", "/samples/*/children/*", lambda r: reply(200, {"parent_id": "p", "child_id": "c"})
    )
    parent = {"unique_id": "p1", "sample_name": "bulk"}
    child = client.add_sample(
        sample_name="section", parents=[parent], children=["c9"], date_created="2025-01-01T00:00:00"
    )
    links = [path for method, path in fake.sent("POST") if "children" in path]
    assert links == [
        f"/samples/p1/children/{child['unique_id']}",
        f"/samples/{child['unique_id']}/children/c9",
    ]
    fake.on("POST", "/samples", reply(409, {"detail": "exists"}))
    with pytest.raises(ConflictError):
        client.add_sample("0tbg8f8eq1sbs000x1sdqdtpnm", "mine")


def test_sample_lists_and_metadata(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/samples", reply(200, [{"unique_id": "s1"}]))
    fake.on("GET", "/datasets/d1/samples", reply(200, [{"unique_id": "s2"}]))
    fake.on("GET", "/samples/s1/children", reply(200, [{"unique_id": "s3"}]))
    fake.on("GET", "/samples/s3/parents", reply(200, [{"unique_id": "s1"}]))
    assert client.list_samples(sample_name="x")[0]["unique_id"] == "s1"
    assert client.list_samples(dataset_id="d1")[0]["unique_id"] == "s2"
    assert client.list_samples(parent_id="s1")[0]["unique_id"] == "s3"
    assert client.list_parents_of_sample("s3")[0]["unique_id"] == "s1"
    fake.on("POST", "/samples/s1/metadata/batch", lambda r: reply(200, json.loads(r.content)))
    assert client.add_sample_metadata("s1", "batch", speed=3000)["speed"] == 3000
    fake.on("DELETE", "/datasets/d1/samples/s1", reply(200, {"detail": "removed"}))
    assert client.remove_sample_from_dataset("d1", "s1")["detail"] == "removed"
    fake.on("POST", "/datasets/d1/samples/s1", reply(200, {"dataset_id": "d1", "sample_id": "s1"}))
    assert client.add_dataset_to_sample("d1", {"unique_id": "s1"})["sample_id"] == "s1"


def test_processing_requests(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("POST", "/datasets/d1/ingest", reply(200, {"id": 4, "status": "requested"}))
    request = client.request_ingestion("d1", "api-uploads/a.h5", ingestor="ImageIngestor")
    assert request["id"] == 4
    assert dict(fake.requests[-1].url.params) == {
        "file_to_upload": "api-uploads/a.h5",
        "ingestion_class": "ImageIngestor",
    }
    fake.on(
        "POST", "/datasets/d1/google_drive_transfer", reply(200, {"id": 5, "status": "requested"})
    )
    assert client.request_google_drive_transfer("d1")["id"] == 5
    assert fake.requests[-1].content == b""
    client.request_google_drive_transfer("d1", folder_id="abc")
    assert fake.last_json() == {"folder_id": "abc"}


def test_status_updates_fill_time_completed(client: CrucibleClient, fake: FakeAPI) -> None:
    for kind in ("ingest", "scicat_update", "google_drive_transfer"):
        fake.on(
            "PATCH",
            f"/datasets/d1/{kind}/4",
            lambda r: reply(200, {"id": 4, **json.loads(r.content)}),
        )
    done = client.update_ingestion_status("d1", 4, "complete")
    assert done["time_completed"] is not None
    assert (
        client.update_scicat_upload_status("d1", 4, "failed", error_message="x")["error_message"]
        == "x"
    )
    assert "time_completed" not in fake.last_json()
    assert client.update_transfer_status("d1", 4, "in_progress")["status"] == "in_progress"


def test_drive_info(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on(
        "GET",
        "/datasets/d1/drive_location",
        reply(
            200,
            [
                {"folder_path_in_drive": "Organized/p1/run", "status": "current"},
                {"folder_path_in_drive": "Inbox/run", "status": "old"},
            ],
        ),
    )
    assert [d["folder_path_in_drive"] for d in client.get_current_google_drive_info("d1")] == [
        "Organized/p1/run"
    ]
    assert len(client.get_organized_google_drive_info("d1")) == 1


def test_access(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/datasets/d1/access_groups", reply(200, [{"group_name": "p1"}]))
    assert client.get_dataset_access_groups("d1") == ["p1"]
    fake.on(
        "POST",
        "/datasets/d1/access_groups",
        reply(200, {"dataset_id": "d1", "group_name": "g", "read": True, "write": True}),
    )
    assert client.add_dataset_access_group("d1", "g", write=True)["write"] is True
    assert dict(fake.requests[-1].url.params) == {
        "group_name": "g",
        "read": "true",
        "write": "true",
    }
    fake.on("GET", "/users/o1/access_groups", reply(200, ["p1", "g"]))
    assert client.get_user_access_groups("o1") == ["p1", "g"]
    fake.on("GET", "/users/o1/datasets", reply(200, ["d1"]))
    assert client.get_user_datasets("o1") == ["d1"]
    fake.on("GET", "/users/o1/datasets/d1", reply(200, {"read": True, "write": False}))
    assert client.get_user_dataset_access("o1", "d1")["write"] is False
    fake.on("POST", "/users/o1/access_groups/g", reply(200, {"group_name": "g"}))
    assert client.add_user_to_access_group("o1", "g")["group_name"] == "g"
    fake.on("DELETE", "/users/o1/access_groups/g", reply(200, {"detail": "removed"}))
    assert client.remove_user_from_access_group("o1", "g")["detail"] == "removed"


def test_permission_errors_surface(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/projects", reply(403, {"detail": "account is unauthorized"}))
    with pytest.raises(PermissionDeniedError, match="unauthorized"):
        client.list_projects()
