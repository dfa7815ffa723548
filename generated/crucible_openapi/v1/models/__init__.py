"""Contains all the data models used in inputs/outputs"""

from .access_grant import AccessGrant
from .access_group import AccessGroup
from .account import Account
from .associated_file import AssociatedFile
from .associated_file_create import AssociatedFileCreate
from .dataset import Dataset
from .dataset_access import DatasetAccess
from .dataset_create import DatasetCreate
from .dataset_sample_link import DatasetSampleLink
from .dataset_update import DatasetUpdate
from .download_links import DownloadLinks
from .drive_location import DriveLocation
from .drive_transfer_options import DriveTransferOptions
from .error_detail import ErrorDetail
from .http_validation_error import HTTPValidationError
from .instrument import Instrument
from .instrument_create import InstrumentCreate
from .keyword import Keyword
from .link import Link
from .message import Message
from .processing_request import ProcessingRequest
from .project import Project
from .project_create import ProjectCreate
from .request_status_update import RequestStatusUpdate
from .resource import Resource
from .sample import Sample
from .sample_create import SampleCreate
from .sample_dataset_ref import SampleDatasetRef
from .sample_graph import SampleGraph
from .sample_graph_links_item import SampleGraphLinksItem
from .sample_graph_nodes_item import SampleGraphNodesItem
from .sample_type_metadata import SampleTypeMetadata
from .sample_update import SampleUpdate
from .scientific_metadata import ScientificMetadata
from .scientific_metadata_record import ScientificMetadataRecord
from .thumbnail import Thumbnail
from .thumbnail_create import ThumbnailCreate
from .upload_complete import UploadComplete
from .upload_files_body import UploadFilesBody
from .upload_initiate import UploadInitiate
from .upload_progress import UploadProgress
from .upload_session import UploadSession
from .user import User
from .user_create import UserCreate
from .user_info import UserInfo
from .validation_error import ValidationError

__all__ = (
    "AccessGrant",
    "AccessGroup",
    "Account",
    "AssociatedFile",
    "AssociatedFileCreate",
    "Dataset",
    "DatasetAccess",
    "DatasetCreate",
    "DatasetSampleLink",
    "DatasetUpdate",
    "DownloadLinks",
    "DriveLocation",
    "DriveTransferOptions",
    "ErrorDetail",
    "HTTPValidationError",
    "Instrument",
    "InstrumentCreate",
    "Keyword",
    "Link",
    "Message",
    "ProcessingRequest",
    "Project",
    "ProjectCreate",
    "RequestStatusUpdate",
    "Resource",
    "Sample",
    "SampleCreate",
    "SampleDatasetRef",
    "SampleGraph",
    "SampleGraphLinksItem",
    "SampleGraphNodesItem",
    "SampleTypeMetadata",
    "SampleUpdate",
    "ScientificMetadata",
    "ScientificMetadataRecord",
    "Thumbnail",
    "ThumbnailCreate",
    "UploadComplete",
    "UploadFilesBody",
    "UploadInitiate",
    "UploadProgress",
    "UploadSession",
    "User",
    "UserCreate",
    "UserInfo",
    "ValidationError",
)
