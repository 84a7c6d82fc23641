package io.workflowversions.dialect.secmaster;

import io.workflowversions.dialect.secmaster.api.model.AopType;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowInfo;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionInfo;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionStatus;
import io.workflowversions.dialect.secmaster.api.model.EngineType;
import io.workflowversions.dialect.secmaster.api.model.TaskflowType;
import io.workflowversions.store.Workflow;
import io.workflowversions.store.WorkflowVersion;
import java.util.function.Function;

/** Turns stored workflows and versions into the vendor's resources: every string field present, `""` when unset. */
final class Views {

    private Views() {
    }

    static AopWorkflowInfo workflow(Workflow workflow) {
        Stored.WorkflowFields a = Stored.fields(workflow);
        return new AopWorkflowInfo()
                .id(workflow.externalKey)
                .name(workflow.name)
                .description(workflow.description == null ? "" : workflow.description)
                .projectId(workflow.tenant)
                .ownerId(a.ownerId)
                .creatorId(a.creatorId)
                .creatorName(a.creatorName)
                .createTime(Secmaster.vendorTime(workflow.createdAt))
                .modifierId(a.modifierId)
                .modifierName(a.modifierName)
                .updateTime(Secmaster.vendorTime(workflow.updatedAt))
                .editRole(a.editRole)
                .useRole(a.useRole)
                .approveRole(a.approveRole)
                .enabled(a.enabled)
                .workspaceId(workflow.subTenant)
                .versionId(a.versionId)
                .version(a.version)
                .currentApprovalVersionId(a.currentApprovalVersionId)
                .currentRejectedVersionId(a.currentRejectedVersionId)
                .currentRejectedVersoinId(a.currentRejectedVersionId)
                .aopType(enumOrNull(a.aopType, AopType::fromValue))
                .engineType(enumOrNull(a.engineType, EngineType::fromValue))
                .dataclassId(a.dataclassId)
                .dataclassName(a.dataclassName)
                .labels(a.labels);
    }

    static AopWorkflowVersionInfo version(WorkflowVersion version) {
        Stored.VersionFields a = Stored.fields(version);
        Stored.VersionContent c = Stored.content(version);
        return new AopWorkflowVersionInfo()
                .id(version.publicId)
                .versionId(version.publicId)
                .name(a.name)
                .aopworkflowId(a.aopworkflowId)
                .description(a.description)
                .projectId(a.projectId)
                .ownerId(a.ownerId)
                .creatorId(a.creatorId)
                .creatorName(a.creatorName)
                .createTime(Secmaster.vendorTime(version.createdAt))
                .modifierId(a.modifierId)
                .modifierName(a.modifierName)
                .updateTime(Secmaster.vendorTime(version.updatedAt))
                .enabled(null)
                .status(AopWorkflowVersionStatus.fromValue(version.state))
                .version(version.label == null ? "" : version.label)
                .taskconfig(c.taskconfig)
                .taskflow(c.taskflow)
                .taskflowType(enumOrNull(c.taskflowType, TaskflowType::fromValue))
                .aopType(enumOrNull(c.aopType, AopType::fromValue))
                .input(c.input)
                .output(c.output)
                .dataclassId(a.dataclassId)
                .dataclassName(a.dataclassName)
                .workspaceId(a.workspaceId);
    }

    private static <E> E enumOrNull(String value, Function<String, E> parse) {
        return value.isEmpty() ? null : parse.apply(value);
    }
}
