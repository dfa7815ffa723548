"""Contains all the data models used in inputs/outputs"""

from .access_grant import AccessGrant
from .access_grant_request import AccessGrantRequest
from .access_group_entry import AccessGroupEntry
from .access_group_info import AccessGroupInfo
from .account_authorization import AccountAuthorization
from .account_capabilities import AccountCapabilities
from .account_info import AccountInfo
from .account_profile import AccountProfile
from .action_result import ActionResult
from .api_key import ApiKey
from .api_key_status import ApiKeyStatus
from .dataset import Dataset
from .dataset_create import DatasetCreate
from .dataset_cursor_page import DatasetCursorPage
from .dataset_offset_page import DatasetOffsetPage
from .dataset_search_results import DatasetSearchResults
from .dataset_update import DatasetUpdate
from .deletion_audit_log import DeletionAuditLog
from .deletion_audit_log_offset_page import DeletionAuditLogOffsetPage
from .deletion_capabilities import DeletionCapabilities
from .deletion_request import DeletionRequest
from .deletion_request_offset_page import DeletionRequestOffsetPage
from .deletion_state import DeletionState
from .download_disposition import DownloadDisposition
from .download_link import DownloadLink
from .download_links import DownloadLinks
from .effective_resource_access import EffectiveResourceAccess
from .error_response import ErrorResponse
from .facet_bucket import FacetBucket
from .facet_response import FacetResponse
from .file_record import FileRecord
from .file_record_offset_page import FileRecordOffsetPage
from .file_register import FileRegister
from .file_update import FileUpdate
from .graph import Graph
from .graph_edge import GraphEdge
from .graph_node import GraphNode
from .http_validation_error import HTTPValidationError
from .ingestion_choice import IngestionChoice
from .ingestion_request import IngestionRequest
from .ingestion_request_offset_page import IngestionRequestOffsetPage
from .ingestion_request_update import IngestionRequestUpdate
from .instrument import Instrument
from .instrument_assignment import InstrumentAssignment
from .instrument_assignment_request import InstrumentAssignmentRequest
from .instrument_create import InstrumentCreate
from .instrument_offset_page import InstrumentOffsetPage
from .instrument_reference import InstrumentReference
from .instrument_search_results import InstrumentSearchResults
from .instrument_update import InstrumentUpdate
from .join_request import JoinRequest
from .join_request_create import JoinRequestCreate
from .join_request_offset_page import JoinRequestOffsetPage
from .join_request_review import JoinRequestReview
from .keyword import Keyword
from .link import Link
from .link_result import LinkResult
from .liveness_response import LivenessResponse
from .metadata_record import MetadataRecord
from .multipart_upload_complete import MultipartUploadComplete
from .multipart_upload_session import MultipartUploadSession
from .ownership_transfer import OwnershipTransfer
from .ownership_transfer_request import OwnershipTransferRequest
from .part_checksum import PartChecksum
from .part_sign_request import PartSignRequest
from .platform_role_update import PlatformRoleUpdate
from .privilege_mode import PrivilegeMode
from .processing_request_info import ProcessingRequestInfo
from .project import Project
from .project_create import ProjectCreate
from .project_member import ProjectMember
from .project_member_offset_page import ProjectMemberOffsetPage
from .project_offset_page import ProjectOffsetPage
from .project_reassignment import ProjectReassignment
from .project_reassignment_request import ProjectReassignmentRequest
from .project_reference import ProjectReference
from .project_search_results import ProjectSearchResults
from .project_sync_result import ProjectSyncResult
from .project_update import ProjectUpdate
from .readiness_build import ReadinessBuild
from .readiness_database import ReadinessDatabase
from .readiness_response import ReadinessResponse
from .replace_upload_initiate import ReplaceUploadInitiate
from .resolved_users import ResolvedUsers
from .resource_capabilities import ResourceCapabilities
from .resource_record import ResourceRecord
from .resource_search_result import ResourceSearchResult
from .resource_search_results import ResourceSearchResults
from .resumable_upload_session import ResumableUploadSession
from .review_decision import ReviewDecision
from .sample import Sample
from .sample_create import SampleCreate
from .sample_cursor_page import SampleCursorPage
from .sample_offset_page import SampleOffsetPage
from .sample_search_results import SampleSearchResults
from .sample_update import SampleUpdate
from .scientific_metadata import ScientificMetadata
from .service_account import ServiceAccount
from .service_account_create import ServiceAccountCreate
from .service_account_key import ServiceAccountKey
from .service_account_offset_page import ServiceAccountOffsetPage
from .service_account_update import ServiceAccountUpdate
from .signed_part import SignedPart
from .signed_part_headers import SignedPartHeaders
from .signed_parts import SignedParts
from .sort_direction import SortDirection
from .structured_error_detail import StructuredErrorDetail
from .thumbnail import Thumbnail
from .thumbnail_create import ThumbnailCreate
from .thumbnail_update import ThumbnailUpdate
from .token_upload_session import TokenUploadSession
from .upload_complete import UploadComplete
from .upload_initiate import UploadInitiate
from .upload_part import UploadPart
from .upload_parts_status import UploadPartsStatus
from .user_capabilities import UserCapabilities
from .user_create import UserCreate
from .user_create_info import UserCreateInfo
from .user_offset_page import UserOffsetPage
from .user_public import UserPublic
from .user_read import UserRead
from .user_resolve_request import UserResolveRequest
from .user_search_results import UserSearchResults
from .user_update import UserUpdate
from .validation_error_item import ValidationErrorItem

__all__ = (
    "AccessGrant",
    "AccessGrantRequest",
    "AccessGroupEntry",
    "AccessGroupInfo",
    "AccountAuthorization",
    "AccountCapabilities",
    "AccountInfo",
    "AccountProfile",
    "ActionResult",
    "ApiKey",
    "ApiKeyStatus",
    "Dataset",
    "DatasetCreate",
    "DatasetCursorPage",
    "DatasetOffsetPage",
    "DatasetSearchResults",
    "DatasetUpdate",
    "DeletionAuditLog",
    "DeletionAuditLogOffsetPage",
    "DeletionCapabilities",
    "DeletionRequest",
    "DeletionRequestOffsetPage",
    "DeletionState",
    "DownloadDisposition",
    "DownloadLink",
    "DownloadLinks",
    "EffectiveResourceAccess",
    "ErrorResponse",
    "FacetBucket",
    "FacetResponse",
    "FileRecord",
    "FileRecordOffsetPage",
    "FileRegister",
    "FileUpdate",
    "Graph",
    "GraphEdge",
    "GraphNode",
    "HTTPValidationError",
    "IngestionChoice",
    "IngestionRequest",
    "IngestionRequestOffsetPage",
    "IngestionRequestUpdate",
    "Instrument",
    "InstrumentAssignment",
    "InstrumentAssignmentRequest",
    "InstrumentCreate",
    "InstrumentOffsetPage",
    "InstrumentReference",
    "InstrumentSearchResults",
    "InstrumentUpdate",
    "JoinRequest",
    "JoinRequestCreate",
    "JoinRequestOffsetPage",
    "JoinRequestReview",
    "Keyword",
    "Link",
    "LinkResult",
    "LivenessResponse",
    "MetadataRecord",
    "MultipartUploadComplete",
    "MultipartUploadSession",
    "OwnershipTransfer",
    "OwnershipTransferRequest",
    "PartChecksum",
    "PartSignRequest",
    "PlatformRoleUpdate",
    "PrivilegeMode",
    "ProcessingRequestInfo",
    "Project",
    "ProjectCreate",
    "ProjectMember",
    "ProjectMemberOffsetPage",
    "ProjectOffsetPage",
    "ProjectReassignment",
    "ProjectReassignmentRequest",
    "ProjectReference",
    "ProjectSearchResults",
    "ProjectSyncResult",
    "ProjectUpdate",
    "ReadinessBuild",
    "ReadinessDatabase",
    "ReadinessResponse",
    "ReplaceUploadInitiate",
    "ResolvedUsers",
    "ResourceCapabilities",
    "ResourceRecord",
    "ResourceSearchResult",
    "ResourceSearchResults",
    "ResumableUploadSession",
    "ReviewDecision",
    "Sample",
    "SampleCreate",
    "SampleCursorPage",
    "SampleOffsetPage",
    "SampleSearchResults",
    "SampleUpdate",
    "ScientificMetadata",
    "ServiceAccount",
    "ServiceAccountCreate",
    "ServiceAccountKey",
    "ServiceAccountOffsetPage",
    "ServiceAccountUpdate",
    "SignedPart",
    "SignedPartHeaders",
    "SignedParts",
    "SortDirection",
    "StructuredErrorDetail",
    "Thumbnail",
    "ThumbnailCreate",
    "ThumbnailUpdate",
    "TokenUploadSession",
    "UploadComplete",
    "UploadInitiate",
    "UploadPart",
    "UploadPartsStatus",
    "UserCapabilities",
    "UserCreate",
    "UserCreateInfo",
    "UserOffsetPage",
    "UserPublic",
    "UserRead",
    "UserResolveRequest",
    "UserSearchResults",
    "UserUpdate",
    "ValidationErrorItem",
)
