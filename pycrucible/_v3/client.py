"""`CrucibleClientV3`: Crucible API v3, precisely typed, as namespaced resources and seed names.

Reached as `client.v3` on a `pycrucible.CrucibleClient` (it shares that client's pooled,
retrying, authenticated connection and settings). Every call into `crucible_openapi.v3` goes
through `invoke` with the generated function's own signature, so drift in the v3 contract fails
mypy at the call site. Records are the generated v3 models with the dict view
(`dataset["unique_id"]`).

The resources (`client.v3.datasets.list(...)`, `client.v3.files.upload(...)`, ...) are the
v3 surface; the seed-era flat names (`client.v3.list_datasets(...)`) are typed aliases of
their methods. What API v3 removed raises `UnsupportedByServerError` naming the version and the
replacement.
"""

from __future__ import annotations

from typing import Any, NoReturn

from pycrucible._delegate import delegate, delegate_list
from pycrucible._v3._base import (
    API_VERSION,
    PRIVILEGE_HEADER,
    V3Core,
    check_privilege_mode,
    unsupported,
)
from pycrucible._v3.access import Access
from pycrucible._v3.account import Account
from pycrucible._v3.datasets import Datasets
from pycrucible._v3.deletion import Deletion
from pycrucible._v3.files import Files
from pycrucible._v3.groups import Groups
from pycrucible._v3.ingestion import Ingestion
from pycrucible._v3.instruments import Instruments
from pycrucible._v3.links import Links
from pycrucible._v3.metadata import Metadata
from pycrucible._v3.pipeline import Pipeline
from pycrucible._v3.post_seed import PostSeed
from pycrucible._v3.processing import Processing
from pycrucible._v3.projects import Projects
from pycrucible._v3.resources import Resources
from pycrucible._v3.samples import Samples
from pycrucible._v3.service_accounts import ServiceAccounts
from pycrucible._v3.users import Users

__all__ = ["CrucibleClientV3"]


class CrucibleClientV3:
    """Crucible API v3: namespaced resources, and the seed-era function names.

    Args:
        core: The shared v3 core (connections with the v3 base URL, settings, sleep, clock).
        privilege_mode: `"normal"` or `"elevated"` sent as the `Crucible-Privilege-Mode`
            header on every API request (None: no header, the server's default).

    Raises:
        ValueError: A privilege mode other than `"normal"` or `"elevated"`.
    """

    api_version = API_VERSION

    def __init__(self, core: V3Core, *, privilege_mode: str | None = None) -> None:
        self._core = core
        self.api_url = str(core.http.http.base_url).rstrip("/")
        self.privilege_mode = privilege_mode
        if privilege_mode is not None:
            core.http.http.headers[PRIVILEGE_HEADER] = check_privilege_mode(privilege_mode)
        self.metadata = Metadata(core)
        self.datasets = Datasets(core, metadata=self.metadata)
        self.files = Files(core)
        # Access, ownership, deletion, groups, service accounts
        self.access = Access(core)
        self.deletion = Deletion(core)
        self.groups = Groups(core)
        self.service_accounts = ServiceAccounts(core)
        # Samples and lineage
        self.samples = Samples(core, metadata=self.metadata)
        self.links = Links(core)
        self.resources = Resources(core)
        self.post_seed = PostSeed(core, samples=self.samples, datasets=self.datasets)
        # Ingestion and the one-call pipeline
        self.ingestion = Ingestion(core)
        self.processing = Processing(core, ingestion=self.ingestion, files=self.files)
        self.pipeline = Pipeline(
            core,
            datasets=self.datasets,
            metadata=self.metadata,
            files=self.files,
            ingestion=self.ingestion,
        )
        # Registry: instruments, projects, users, account and health
        self.instruments = Instruments(core)
        self.users = Users(core)
        self.projects = Projects(core, users=self.users)
        self.account = Account(core)

    def __repr__(self) -> str:
        return f"CrucibleClientV3(api_url={self.api_url!r})"

    # The seed-era flat names, each calling the same method of a resource; the list names
    # return lists, as the seed-era functions did (the resources' own lists are lazy pages).

    list_datasets = delegate_list("datasets", Datasets.list, default_limit=100)
    get_dataset = delegate("datasets", Datasets.get)
    create_dataset = delegate("datasets", Datasets.create)
    update_dataset = delegate("datasets", Datasets.update)
    add_dataset_keyword = delegate("datasets", Datasets.add_keyword)
    get_dataset_keywords = delegate("datasets", Datasets.keywords)
    get_keywords = delegate("datasets", Datasets.all_keywords)

    get_scientific_metadata = delegate("metadata", Metadata.get)
    update_scientific_metadata = delegate("metadata", Metadata.update)

    # Files and thumbnails

    get_associated_files = delegate("files", Files.list)
    get_thumbnails = delegate("files", Files.thumbnails)
    upload_dataset = delegate("files", Files.upload)
    download_dataset = delegate("files", Files.download)
    get_dataset_download_links = delegate("files", Files.download_links)
    add_associated_file = delegate("files", Files.add_associated_file)
    add_thumbnail = delegate("files", Files.add_thumbnail)

    # Access and access groups (client.v3.access, client.v3.groups)
    get_dataset_access_groups = delegate("access", Access.groups)
    add_dataset_access_group = delegate("access", Access.add_group)
    get_user_dataset_access = delegate("access", Access.user_access)
    get_user_datasets = delegate("access", Access.user_datasets)
    get_user_access_groups = delegate("groups", Groups.of_user)
    add_user_to_access_group = delegate("groups", Groups.add_member)
    remove_user_from_access_group = delegate("groups", Groups.remove_member)
    # Samples and lineage: samples, parent/child links, dataset-sample links

    list_samples = delegate_list("samples", Samples.list)
    get_sample = delegate("samples", Samples.get)
    add_sample = delegate("samples", Samples.create)
    link_samples = delegate("samples", Samples.link)
    list_parents_of_sample = delegate_list("samples", Samples.parents)
    list_children_of_sample = delegate_list("samples", Samples.children)
    add_sample_to_dataset = delegate("datasets", Datasets.link_sample)
    add_dataset_to_sample = delegate("datasets", Datasets.link_sample)
    remove_sample_from_dataset = delegate("datasets", Datasets.unlink_sample)
    link_datasets = delegate("post_seed", PostSeed.link_datasets)
    list_children_of_dataset = delegate_list("post_seed", PostSeed.list_children_of_dataset)
    list_parents_of_dataset = delegate_list("datasets", Datasets.parents)
    # The upstream pycrucible's later names that are not plain aliases of the seed ones
    update_sample = delegate("post_seed", PostSeed.update_sample)
    remove_dataset_from_sample = delegate("datasets", Datasets.unlink_sample)
    request_carrier_segmentation = delegate("post_seed", PostSeed.request_carrier_segmentation)
    # Ingestion and the one-call pipeline (SciCat and Google Drive calls raise: v3 removed them)

    request_ingestion = delegate("processing", Processing.request_ingestion)
    get_request_status = delegate("processing", Processing.get_request_status)
    get_ingestion_status = delegate("processing", Processing.get_ingestion_status)
    wait_for_request_completion = delegate("processing", Processing.wait_for_request_completion)
    update_ingestion_status = delegate("processing", Processing.update_ingestion_status)
    get_scicat_status = delegate("processing", Processing.get_scicat_status)
    update_scicat_upload_status = delegate("processing", Processing.update_scicat_upload_status)
    update_transfer_status = delegate("processing", Processing.update_transfer_status)
    get_current_google_drive_info = delegate("processing", Processing.get_current_google_drive_info)
    get_organized_google_drive_info = delegate(
        "processing", Processing.get_organized_google_drive_info
    )
    upload_new_dataset = delegate("pipeline", Pipeline.upload_new_dataset)

    # Registry: instruments, projects, users, account and health

    list_instruments = delegate_list("instruments", Instruments.list)
    get_instrument = delegate("instruments", Instruments.lookup)
    get_or_add_instrument = delegate("instruments", Instruments.get_or_create)
    list_projects = delegate_list("projects", Projects.list)
    get_project = delegate("projects", Projects.get)
    get_or_add_project = delegate("projects", Projects.get_or_create)
    add_project = delegate("projects", Projects.get_or_create)
    get_project_users = delegate_list("projects", Projects.members)
    add_user_to_project = delegate("projects", Projects.add_member)
    get_user = delegate("users", Users.get)
    get_user_by_email = delegate("users", Users.get_by_email)
    add_user = delegate("users", Users.create)
    get_or_add_user = delegate("users", Users.get_or_create)
    whoami = delegate("account", Account.whoami)
    health = delegate("account", Account.health)

    # What API v3 removed

    def delete_dataset(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3: deletion is a reviewed request. Raises `UnsupportedByServerError`."""
        unsupported(
            "delete_dataset",
            "client.v3.deletion.request(dsid, reason) (an admin: client.v3.deletion.delete(dsid))",
        )

    def send_to_scicat(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (SciCat sync): raises `UnsupportedByServerError`."""
        unsupported("send_to_scicat (SciCat sync)")

    def request_google_drive_transfer(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3: raises `UnsupportedByServerError`."""
        unsupported("request_google_drive_transfer (Google Drive transfer)")

    def add_sample_metadata(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (sample-type metadata): raises `UnsupportedByServerError`."""
        unsupported(
            "add_sample_metadata (sample-type metadata)",
            "update_scientific_metadata(sample_mfid, metadata)",
        )

    def get_sample_metadata(self, *args: Any, **kwargs: Any) -> NoReturn:
        """Gone in API v3 (sample-type metadata): raises `UnsupportedByServerError`."""
        unsupported(
            "get_sample_metadata (sample-type metadata)", "get_scientific_metadata(sample_mfid)"
        )
