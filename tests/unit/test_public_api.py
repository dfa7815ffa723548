"""The public surface: `__all__`, the seed's method names, and keys that never show."""

from __future__ import annotations

import inspect
import logging

import httpx
import pytest
from _client_fakes import API_KEY, API_URL, FakeAPI, reply

import pycrucible
from pycrucible import CrucibleClient

EXPECTED_ALL = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AmbiguousMatchError",
    "AsyncCrucibleClient",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "CrucibleClient",
    "CrucibleError",
    "EtagMismatchError",
    "FilenameExistsError",
    "NotFoundError",
    "ParserDependencyError",
    "ParserError",
    "PermissionDeniedError",
    "PipelineResult",
    "ProgressCallback",
    "RateLimitError",
    "RequestFailedError",
    "ServerError",
    "TransferError",
    "UnexpectedResponseError",
    "UnprocessableEntityError",
    "UnsupportedByServerError",
    "UploadedFile",
    "WaitProgressCallback",
    "WaitTimeoutError",
    "__version__",
    "config_path",
    "load_config",
    "save_config",
]

# Every method the seed README and issue 4 name, with its leading parameters in order.
SEED_SIGNATURES = {
    "list_datasets": ["sample_id", "limit"],
    "get_dataset": ["dsid", "include_metadata"],
    "create_dataset": ["dataset_name", "unique_id", "public", "owner_orcid", "project_id"],
    "update_dataset": ["dsid"],
    "delete_dataset": ["dsid"],
    "link_datasets": ["parent_dsid", "child_dsid"],
    "list_children_of_dataset": ["dsid"],
    "list_parents_of_dataset": ["dsid"],
    "upload_dataset": ["dsid", "file_path"],
    "download_dataset": ["dsid", "file_name", "output_dir", "overwrite_existing"],
    "get_dataset_download_links": ["dsid"],
    "get_associated_files": ["dsid"],
    "add_associated_file": ["dsid", "file_path_or_name"],
    "get_thumbnails": ["dsid"],
    "add_thumbnail": ["dsid", "file_path_or_bytes", "thumbnail_name"],
    "get_scientific_metadata": ["dsid"],
    "update_scientific_metadata": ["dsid", "metadata", "overwrite"],
    "add_dataset_keyword": ["dsid", "keyword"],
    "get_dataset_keywords": ["dsid"],
    "get_keywords": [],
    "list_samples": ["dataset_id", "parent_id"],
    "get_sample": ["sample_id"],
    "add_sample": ["unique_id", "sample_name", "description"],
    "add_sample_to_dataset": ["dataset_id", "sample_id"],
    "add_dataset_to_sample": ["dataset_id", "sample_id"],
    "remove_sample_from_dataset": ["dataset_id", "sample_id"],
    "link_samples": ["parent_id", "child_id"],
    "list_parents_of_sample": ["sample_id"],
    "list_children_of_sample": ["sample_id"],
    "add_sample_metadata": ["sample_id", "sample_type"],
    "get_sample_metadata": ["sample_id", "sample_type"],
    "list_instruments": [],
    "get_instrument": ["instrument_name", "instrument_id"],
    "get_or_add_instrument": ["instrument_name"],
    "list_projects": [],
    "get_project": ["project_id"],
    "get_or_add_project": ["project_id"],
    "add_project": ["project_id"],
    "get_project_users": ["project_id"],
    "add_user_to_project": ["project_id", "orcid"],
    "get_user": ["orcid"],
    "get_user_by_email": ["email"],
    "add_user": ["user_info"],
    "get_or_add_user": ["orcid"],
    "whoami": [],
    "request_ingestion": ["dsid", "file_to_upload", "ingestor"],
    "send_to_scicat": ["dsid", "wait_for_scicat_response", "overwrite_data"],
    "request_google_drive_transfer": ["dsid"],
    "get_request_status": ["dsid", "reqid", "request_type"],
    "get_ingestion_status": ["dsid", "reqid"],
    "get_scicat_status": ["dsid", "reqid"],
    "wait_for_request_completion": ["dsid", "reqid", "request_type", "sleep_interval"],
    "get_current_google_drive_info": ["dsid"],
    "get_organized_google_drive_info": ["dsid"],
    "update_ingestion_status": ["dsid", "reqid", "status"],
    "update_scicat_upload_status": ["dsid", "reqid", "status"],
    "update_transfer_status": ["dsid", "reqid", "status"],
    "get_dataset_access_groups": ["dsid"],
    "add_dataset_access_group": ["dsid", "group_name", "read", "write"],
    "get_user_access_groups": ["orcid"],
    "add_user_to_access_group": ["orcid", "group_name"],
    "remove_user_from_access_group": ["orcid", "group_name"],
    "get_user_datasets": ["orcid"],
    "get_user_dataset_access": ["orcid", "dsid"],
    "upload_new_dataset": ["files"],
}


def test_all_is_sorted_and_exact() -> None:
    assert pycrucible.__all__ == sorted(pycrucible.__all__)
    assert pycrucible.__all__ == EXPECTED_ALL


def test_every_public_name_exists() -> None:
    for name in pycrucible.__all__:
        assert hasattr(pycrucible, name), name


def test_errors_module_exports_the_whole_tree() -> None:
    import pycrucible.errors as errors

    assert errors.__all__ == sorted(errors.__all__)
    for name in errors.__all__:
        if name != "error_for_response":
            assert getattr(pycrucible, name) is getattr(errors, name)


@pytest.mark.parametrize(("name", "leading"), sorted(SEED_SIGNATURES.items()))
def test_seed_methods_keep_their_names_and_argument_order(name: str, leading: list[str]) -> None:
    method = getattr(CrucibleClient, name)
    params = [p for p in inspect.signature(method).parameters if p != "self"]
    assert params[: len(leading)] == leading
    assert method.__doc__, f"{name} has no docstring"


def test_defaults_of_the_seed() -> None:
    sig = inspect.signature(CrucibleClient.download_dataset)
    assert sig.parameters["output_dir"].default == "crucible-downloads"
    assert sig.parameters["overwrite_existing"].default is True
    assert inspect.signature(CrucibleClient.list_datasets).parameters["limit"].default == 100
    wait = inspect.signature(CrucibleClient.wait_for_request_completion).parameters
    assert wait["sleep_interval"].default == 5
    assert wait["timeout"].kind is inspect.Parameter.KEYWORD_ONLY
    grant = inspect.signature(CrucibleClient.add_dataset_access_group).parameters
    assert (grant["read"].default, grant["write"].default) == (True, False)


def test_aliases() -> None:
    assert CrucibleClient.add_dataset_to_sample is CrucibleClient.add_sample_to_dataset
    assert CrucibleClient.add_project is CrucibleClient.get_or_add_project


def test_records_read_like_dicts(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/samples/s1", reply(200, {"unique_id": "s1", "sample_name": "n", "extra": 1}))
    sample = client.get_sample("s1")
    assert sample.unique_id == sample["unique_id"] == "s1"
    assert sample["extra"] == 1
    assert "sample_name" in sample
    assert sample.get("missing", "dflt") == "dflt"
    assert dict(sample.items())["sample_name"] == "n"


# Redaction: the key never appears in repr, logs or exceptions.


def test_repr_hides_the_key(client: CrucibleClient) -> None:
    assert API_KEY not in repr(client)
    assert API_URL in repr(client)
    assert API_KEY not in repr(client.raw)
    assert API_KEY not in repr(client.settings)
    assert API_KEY not in repr(client._core.http.http.headers)


def test_logs_never_show_the_key(
    client: CrucibleClient, fake: FakeAPI, caplog: pytest.LogCaptureFixture
) -> None:
    fake.on("GET", "/projects/p1", reply(503), reply(200, {"project_id": "p1"}))
    fake.on("GET", "/projects/p2", reply(403, {"detail": f"key {API_KEY} refused"}))
    with caplog.at_level(logging.DEBUG, logger="pycrucible"):
        client.get_project("p1")
        with pytest.raises(pycrucible.PermissionDeniedError):
            client.get_project("p2")
        client._core.http.http.headers.get("authorization")
        logging.getLogger("pycrucible.client").info("echo %s", API_KEY)
    assert "retry 1/3" in caplog.text
    assert API_KEY not in caplog.text
    assert all(API_KEY not in r.getMessage() for r in caplog.records)


def test_the_key_goes_to_the_api_only(client: CrucibleClient, fake: FakeAPI) -> None:
    fake.on("GET", "/projects/p1", reply(200, {"project_id": "p1"}))
    client.get_project("p1")
    assert fake.requests[0].headers["authorization"] == f"Bearer {API_KEY}"
    assert "authorization" not in client._core.http.storage.headers


def test_plain_http_to_a_remote_host_warns(clean_env) -> None:
    transport = httpx.MockTransport(lambda r: reply(200))
    with pytest.warns(UserWarning, match="unencrypted"):
        CrucibleClient("http://crucible.example.org", API_KEY, transport=transport).close()
    CrucibleClient("http://127.0.0.1:8000", API_KEY, transport=transport).close()


def test_close_and_context_manager(clean_env) -> None:
    transport = httpx.MockTransport(lambda r: reply(200, []))
    with CrucibleClient(API_URL, API_KEY, transport=transport) as client:
        assert not client.closed
    assert client.closed
    client.close()  # twice is harmless
    assert "closed" in repr(client)
    with pytest.raises(RuntimeError):
        client.list_instruments()
