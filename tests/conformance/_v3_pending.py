"""API v3 operations of the contract that the local server does not serve yet.

One explicit list, kept in step with the server by tests/conformance/test_server_routes_v3.py
(it fails when an operation here gets served or a served one is missing from the contract).
The schemathesis passes of test_schemathesis_v3.py leave these operations out; every entry is
work that remains. Remove an entry in the same commit that serves the operation.
"""

from __future__ import annotations

NOT_SERVED_YET: frozenset[str] = frozenset(
    {
        "add_dataset_keyword",  # POST /datasets/{dataset_mfid}/keywords
        "add_project_member",  # POST /projects/{project_ref}/users/{user_ref}
        "add_resource_access_group",  # POST /resources/{mfid}/access_groups
        "add_user_access_group",  # POST /users/{user_id}/access_groups/{group_name}
        "assign_dataset_instrument",  # PUT /datasets/{dataset_mfid}/instrument
        "bind_instrument_service_account",  # POST /instruments/{mfid}/service_accounts/{sa}
        "create_instrument",  # POST /instruments
        "create_project",  # POST /projects
        "create_sample",  # POST /samples
        "create_service_account",  # POST /service_accounts
        "create_user",  # POST /users
        "delete_resource",  # DELETE /resources/{mfid}
        "get_account",  # GET /account
        "get_account_apikey",  # GET /account/apikey
        "get_account_profile",  # GET /account/profile
        "get_deletion_audit_log",  # GET /deletion_audit/{audit_id}
        "get_deletion_request",  # GET /deletion_requests/{request_id}
        "get_entity_graph",  # GET /entity_graph_cte/{mfid}
        "get_instrument",  # GET /instruments/{instrument_mfid}
        "get_project",  # GET /projects/{project_ref}
        "get_project_graph",  # GET /project_graph/{project_id}
        "get_resource",  # GET /resources/{mfid}
        "get_resource_metadata",  # GET /resources/{mfid}/metadata
        "get_sample",  # GET /samples/{sample_mfid}
        "get_service_account",  # GET /service_accounts/{sa_mfid}
        "get_user",  # GET /users/{user_id}
        "get_user_dataset_access",  # GET /users/{user_ref}/datasets/{dataset_mfid}
        "grant_resource_access",  # PUT /resources/{mfid}/access/{kind}/{principal}
        "join_access_group",  # POST /access_groups/{group_name}/join
        "link_dataset_child",  # POST /datasets/{parent_mfid}/children/{child_mfid}
        "link_dataset_sample",  # POST /datasets/{dataset_mfid}/samples/{sample_mfid}
        "link_sample_child",  # POST /samples/{parent_mfid}/children/{child_mfid}
        "list_account_join_requests",  # GET /account/join_requests
        "list_dataset_children",  # GET /datasets/{parent_mfid}/children
        "list_dataset_facets",  # GET /datasets/facets
        "list_dataset_keywords",  # GET /datasets/{dataset_mfid}/keywords
        "list_dataset_parents",  # GET /datasets/{child_mfid}/parents
        "list_deletion_audit_logs",  # GET /deletion_audit
        "list_deletion_requests",  # GET /deletion_requests
        "list_instrument_service_accounts",  # GET /instruments/{instrument_mfid}/service_accounts
        "list_instruments",  # GET /instruments
        "list_join_requests",  # GET /join_requests
        "list_project_members",  # GET /projects/{project_ref}/users
        "list_projects",  # GET /projects
        "list_resource_access",  # GET /resources/{mfid}/access
        "list_resource_access_groups",  # GET /resources/{mfid}/access_groups
        "list_resource_links",  # GET /resources/{mfid}/links
        "list_sample_children",  # GET /samples/{parent_mfid}/children
        "list_sample_facets",  # GET /samples/facets
        "list_sample_parents",  # GET /samples/{child_mfid}/parents
        "list_samples",  # GET /samples
        "list_service_accounts",  # GET /service_accounts
        "list_user_access_groups",  # GET /users/{user_id}/access_groups
        "list_user_projects",  # GET /users/{user_id}/projects
        "list_users",  # GET /users
        "make_resource_private",  # DELETE /resources/{mfid}/access/public
        "make_resource_public",  # PUT /resources/{mfid}/access/public
        "merge_resource_metadata",  # PATCH /resources/{mfid}/metadata
        "reassign_resource_project",  # POST /resources/{mfid}/project
        "remove_project_member",  # DELETE /projects/{project_ref}/users/{user_ref}
        "remove_user_access_group",  # DELETE /users/{user_id}/access_groups/{group_name}
        "replace_resource_metadata",  # POST /resources/{mfid}/metadata
        "request_carrier_segmentation",  # POST /datasets/{dataset_mfid}/carrier_segmentation
        "request_insitu_spec_aggregation",  # POST /datasets/{dataset_mfid}/insitu_spec_aggregation
        "request_mosaic_stitch",  # POST /datasets/{dataset_mfid}/mosaic_stitch
        "request_resource_deletion",  # POST /resources/{mfid}/delete
        "request_rga_analysis",  # POST /datasets/{dataset_mfid}/rga_analysis
        "resolve_users",  # POST /users/resolve
        "review_deletion_request",  # PATCH /deletion_requests/{request_id}
        "review_join_request",  # PATCH /join_requests/{request_id}
        "revoke_resource_access",  # DELETE /resources/{mfid}/access/{kind}/{principal}
        "revoke_user_apikey",  # DELETE /users/{user_id}/apikey
        "rotate_service_account_key",  # POST /service_accounts/{sa_mfid}/rotate_key
        "search_instruments",  # GET /instruments/search
        "search_projects",  # GET /projects/search
        "search_resource_metadata",  # GET /resources/metadata/search
        "search_samples",  # GET /samples/search
        "search_users",  # GET /users/search
        "set_instrument_status",  # POST /instruments/{instrument_mfid}/status
        "set_user_platform_role",  # PATCH /users/{user_id}/platform_role
        "sync_account_projects",  # POST /account/sync-projects
        "transfer_resource_ownership",  # POST /resources/{mfid}/transfer_ownership
        "unbind_instrument_service_account",  # DELETE /instruments/{mfid}/service_accounts/{sa}
        "unlink_dataset_child",  # DELETE /datasets/{parent_mfid}/children/{child_mfid}
        "unlink_dataset_sample",  # DELETE /datasets/{dataset_mfid}/samples/{sample_mfid}
        "unlink_sample_child",  # DELETE /samples/{parent_mfid}/children/{child_mfid}
        "update_account_profile",  # PATCH /account/profile
        "update_instrument",  # PATCH /instruments/{instrument_mfid}
        "update_project",  # PATCH /projects/{project_ref}
        "update_project_member",  # PATCH /projects/{project_ref}/users/{user_ref}
        "update_sample",  # PATCH /samples/{sample_mfid}
        "update_service_account",  # PATCH /service_accounts/{sa_mfid}
        "update_user",  # PATCH /users/{user_id}
        "verify_account_apikey",  # GET /account/verify
        "verify_user_apikey",  # GET /users/{user_id}/apikey/verify
    }
)
