package io.workflowversions.dialect.secmaster;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the dialect keeps its fields in the store: the workflow's and version's jsonb {@code attributes}, and the
 * version's {@code content} (the document a version is about). Unset strings read as {@code ""}.
 */
final class Fields {

    // workflow and version attributes
    static final String OWNER_ID = "owner_id";
    static final String CREATOR_ID = "creator_id";
    static final String CREATOR_NAME = "creator_name";
    static final String MODIFIER_ID = "modifier_id";
    static final String MODIFIER_NAME = "modifier_name";
    static final String DATACLASS_ID = "dataclass_id";
    static final String DATACLASS_NAME = "dataclass_name";
    static final String WORKSPACE_ID = "workspace_id";
    static final String PROJECT_ID = "project_id";

    // workflow attributes
    static final String EDIT_ROLE = "edit_role";
    static final String USE_ROLE = "use_role";
    static final String APPROVE_ROLE = "approve_role";
    static final String ENABLED = "enabled";
    static final String VERSION_ID = "version_id";
    static final String VERSION = "version";
    static final String CURRENT_APPROVAL = "current_approval_version_id";
    static final String CURRENT_REJECTED = "current_rejected_version_id";
    static final String AOP_TYPE = "aop_type";
    static final String ENGINE_TYPE = "engine_type";
    static final String LABELS = "labels";
    /** The last version label number handed out ("V3" → 3); only ever raised, under the workflow's lock. */
    static final String LABEL_COUNTER = "label_counter";

    // version attributes
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String AOPWORKFLOW_ID = "aopworkflow_id";
    static final String REVIEW = "review";

    // version content
    static final String TASKCONFIG = "taskconfig";
    static final String TASKFLOW = "taskflow";
    static final String TASKFLOW_TYPE = "taskflow_type";
    static final String INPUT = "input";
    static final String OUTPUT = "output";

    private Fields() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
