package io.workflowversions.dialect.secmaster;

import com.fasterxml.jackson.databind.JsonNode;
import io.workflowversions.dialect.secmaster.api.model.AopType;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowInfo;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionInfo;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionStatus;
import io.workflowversions.dialect.secmaster.api.model.EngineType;
import io.workflowversions.dialect.secmaster.api.model.TaskflowType;
import io.workflowversions.store.Workflow;
import io.workflowversions.store.WorkflowVersion;

import static io.workflowversions.dialect.secmaster.Fields.text;

/** Turns stored workflows and versions into the vendor's resources: every string field present, `""` when unset. */
final class Views {

    private Views() {
    }

    static AopWorkflowInfo workflow(Workflow workflow) {
        JsonNode a = workflow.attributes;
        String rejected = text(a, Fields.CURRENT_REJECTED);
        return new AopWorkflowInfo()
                .id(workflow.externalKey)
                .name(workflow.name)
                .description(workflow.description == null ? "" : workflow.description)
                .projectId(workflow.tenant)
                .ownerId(text(a, Fields.OWNER_ID))
                .creatorId(text(a, Fields.CREATOR_ID))
                .creatorName(text(a, Fields.CREATOR_NAME))
                .createTime(Secmaster.vendorTime(workflow.createdAt))
                .modifierId(text(a, Fields.MODIFIER_ID))
                .modifierName(text(a, Fields.MODIFIER_NAME))
                .updateTime(Secmaster.vendorTime(workflow.updatedAt))
                .editRole(text(a, Fields.EDIT_ROLE))
                .useRole(text(a, Fields.USE_ROLE))
                .approveRole(text(a, Fields.APPROVE_ROLE))
                .enabled(a.path(Fields.ENABLED).asBoolean(false))
                .workspaceId(workflow.subTenant)
                .versionId(text(a, Fields.VERSION_ID))
                .version(text(a, Fields.VERSION))
                .currentApprovalVersionId(text(a, Fields.CURRENT_APPROVAL))
                .currentRejectedVersionId(rejected)
                .currentRejectedVersoinId(rejected)
                .aopType(enumOrNull(text(a, Fields.AOP_TYPE), AopType::fromValue))
                .engineType(enumOrNull(text(a, Fields.ENGINE_TYPE), EngineType::fromValue))
                .dataclassId(text(a, Fields.DATACLASS_ID))
                .dataclassName(text(a, Fields.DATACLASS_NAME))
                .labels(text(a, Fields.LABELS));
    }

    static AopWorkflowVersionInfo version(WorkflowVersion version) {
        JsonNode a = version.attributes;
        JsonNode c = version.content;
        return new AopWorkflowVersionInfo()
                .id(version.publicId)
                .versionId(version.publicId)
                .name(text(a, Fields.NAME))
                .aopworkflowId(text(a, Fields.AOPWORKFLOW_ID))
                .description(text(a, Fields.DESCRIPTION))
                .projectId(text(a, Fields.PROJECT_ID))
                .ownerId(text(a, Fields.OWNER_ID))
                .creatorId(text(a, Fields.CREATOR_ID))
                .creatorName(text(a, Fields.CREATOR_NAME))
                .createTime(Secmaster.vendorTime(version.createdAt))
                .modifierId(text(a, Fields.MODIFIER_ID))
                .modifierName(text(a, Fields.MODIFIER_NAME))
                .updateTime(Secmaster.vendorTime(version.updatedAt))
                .enabled(null)
                .status(AopWorkflowVersionStatus.fromValue(version.state))
                .version(version.label == null ? "" : version.label)
                .taskconfig(text(c, Fields.TASKCONFIG))
                .taskflow(text(c, Fields.TASKFLOW))
                .taskflowType(enumOrNull(text(c, Fields.TASKFLOW_TYPE), TaskflowType::fromValue))
                .aopType(enumOrNull(text(c, Fields.AOP_TYPE), AopType::fromValue))
                .input(text(c, Fields.INPUT))
                .output(text(c, Fields.OUTPUT))
                .dataclassId(text(a, Fields.DATACLASS_ID))
                .dataclassName(text(a, Fields.DATACLASS_NAME))
                .workspaceId(text(a, Fields.WORKSPACE_ID));
    }

    private static <E> E enumOrNull(String value, java.util.function.Function<String, E> parse) {
        return value.isEmpty() ? null : parse.apply(value);
    }
}
