package io.workflowversions.dialect.patchworks;

import io.workflowversions.dialect.patchworks.api.model.Flow;
import io.workflowversions.dialect.patchworks.api.model.FlowVersion;
import io.workflowversions.dialect.patchworks.api.model.FlowVersionStatus;
import io.workflowversions.dialect.patchworks.api.model.Schedule;
import io.workflowversions.dialect.patchworks.api.model.Upload;
import io.workflowversions.dialect.patchworks.api.model.VersionMetric;
import io.workflowversions.store.VersionSchedule;
import io.workflowversions.store.VersionUpload;
import io.workflowversions.store.Workflow;
import io.workflowversions.store.WorkflowVersion;

/** From the store to the dialect's models. Ids shown are the integer external keys and public ids. */
final class Views {

    private Views() {
    }

    static Flow flow(Workflow workflow) {
        return new Flow()
                .id(Long.parseLong(workflow.externalKey))
                .name(workflow.name)
                .description(workflow.description)
                .createdAt(LaravelTime.text(workflow.createdAt))
                .updatedAt(LaravelTime.text(workflow.updatedAt));
    }

    static FlowVersion version(Workflow flow, WorkflowVersion version, int iteration) {
        return new FlowVersion()
                .id(Long.parseLong(version.publicId))
                .flowId(Long.parseLong(flow.externalKey))
                .iteration(iteration)
                .status(FlowVersionStatus.fromValue(version.state))
                .deployedAt(LaravelTime.text(version.deployedAt))
                .createdAt(LaravelTime.text(version.createdAt))
                .updatedAt(LaravelTime.text(version.updatedAt));
    }

    static FlowVersion version(FlowVersioning.Ranked ranked) {
        return version(ranked.flow(), ranked.version(), ranked.iteration());
    }

    static Schedule schedule(VersionSchedule schedule, long flowVersionId) {
        return new Schedule()
                .id(schedule.id)
                .flowVersionId(flowVersionId)
                .cronString(schedule.cronExpression)
                .deployedAt(LaravelTime.text(schedule.deployedAt))
                .createdAt(LaravelTime.text(schedule.createdAt))
                .updatedAt(LaravelTime.text(schedule.updatedAt));
    }

    static Upload upload(VersionUpload upload, long flowVersionId) {
        return new Upload()
                .id(upload.id)
                .flowVersionId(flowVersionId)
                ._private(upload.privateListing)
                .uploadedAt(LaravelTime.text(upload.uploadedAt));
    }

    static VersionMetric metric(io.workflowversions.store.VersionMetric metric, String flowVersionId) {
        return new VersionMetric()
                .id(metric.id)
                .flowVersionId(Long.parseLong(flowVersionId))
                .key(metric.metricKey)
                .type(metric.metricType)
                .value(metric.measuredValue)
                .intervalStart(LaravelTime.text(metric.intervalStart))
                .intervalEnd(LaravelTime.text(metric.intervalEnd));
    }
}
