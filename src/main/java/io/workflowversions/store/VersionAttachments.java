package io.workflowversions.store;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What is attached to versions besides their document: cron schedules, marketplace uploads and metrics. Everything
 * here goes with its version when the version is deleted (the database cascades). Like {@link VersionStore}, every
 * method joins the caller's transaction; writes that depend on a version's current state run under its workflow's
 * lock ({@link VersionStore#lockWorkflow} / {@link VersionStore#lockVersion}).
 */
@ApplicationScoped
public class VersionAttachments {

    private static final String METRICS_OF_WORKFLOW =
            "versionId in (select v.id from WorkflowVersion v where v.workflowId = :workflowId)";

    private final VersionScheduleRepository schedules;
    private final VersionUploadRepository uploads;
    private final VersionMetricRepository metrics;

    VersionAttachments(VersionScheduleRepository schedules, VersionUploadRepository uploads, VersionMetricRepository metrics) {
        this.schedules = schedules;
        this.uploads = uploads;
        this.metrics = metrics;
    }

    // ---- schedules ------------------------------------------------------------------------------------------

    @WithTransaction
    public Uni<VersionSchedule> addSchedule(WorkflowVersion version, String cronExpression, Instant deployedAt, String actor) {
        VersionSchedule schedule = new VersionSchedule();
        schedule.versionId = version.id;
        schedule.cronExpression = cronExpression;
        schedule.deployedAt = deployedAt;
        schedule.recordCreation(actor);
        return schedules.persist(schedule);
    }

    /** A schedule of this version, or NOT_FOUND (also when the id belongs to another version). */
    @WithSession
    public Uni<VersionSchedule> findSchedule(WorkflowVersion version, long scheduleId) {
        return schedules.find("id = ?1 and versionId = ?2", scheduleId, version.id).firstResult()
                .onItem().ifNull().failWith(() -> StoreException.notFound("schedule " + scheduleId));
    }

    /** The schedules of a version in creation order. */
    @WithSession
    public Uni<Page<VersionSchedule>> listSchedules(WorkflowVersion version, PageRequest page) {
        return Page.window(schedules.find("versionId", Sort.by("id"), version.id), page,
                () -> schedules.count("versionId", version.id));
    }

    /** Records a change of the schedule; the entity is written when the transaction commits. */
    public VersionSchedule touch(VersionSchedule schedule, String actor) {
        schedule.recordChange(actor);
        return schedule;
    }

    @WithTransaction
    public Uni<Void> deleteSchedule(VersionSchedule schedule) {
        return schedules.delete("id", schedule.id).replaceWithVoid();
    }

    /** Copies every schedule of {@code from} onto {@code to}, with new ids; the copies are not deployed. */
    @WithTransaction
    public Uni<List<VersionSchedule>> copySchedules(WorkflowVersion from, WorkflowVersion to, String actor) {
        return schedules.list("versionId", Sort.by("id"), from.id)
                .flatMap(originals -> Multi.createFrom().iterable(originals)
                        .onItem().transformToUniAndConcatenate(original -> addSchedule(to, original.cronExpression, null, actor))
                        .collect().asList());
    }

    // ---- uploads --------------------------------------------------------------------------------------------

    @WithTransaction
    public Uni<VersionUpload> addUpload(WorkflowVersion version, boolean privateListing, String actor) {
        VersionUpload upload = new VersionUpload();
        upload.versionId = version.id;
        upload.privateListing = privateListing;
        upload.uploadedAt = VersionStore.now();
        upload.uploadedBy = actor;
        return uploads.persist(upload);
    }

    // ---- metrics --------------------------------------------------------------------------------------------

    /** Records measurements of a version, in the given order. */
    @WithTransaction
    public Uni<List<VersionMetric>> addMetrics(WorkflowVersion version, List<NewMetric> records) {
        List<VersionMetric> entities = new ArrayList<>();
        for (NewMetric record : records) {
            VersionMetric metric = new VersionMetric();
            metric.versionId = version.id;
            metric.metricKey = record.key();
            metric.metricType = record.type();
            metric.measuredValue = record.value();
            metric.intervalStart = record.intervalStart();
            metric.intervalEnd = record.intervalEnd();
            entities.add(metric);
        }
        return metrics.persist(entities.stream()).replaceWith(entities);
    }

    /**
     * The metrics of all versions of a workflow that match the query, in {@code sort} order (properties of
     * {@link VersionMetric}: {@code intervalStart}, {@code measuredValue}...) with the id breaking ties.
     */
    @WithSession
    public Uni<Page<VersionMetric>> listMetrics(Workflow workflow, MetricQuery query, Sort sort, PageRequest page) {
        StringBuilder where = new StringBuilder(METRICS_OF_WORKFLOW);
        Parameters params = Parameters.with("workflowId", workflow.id);
        if (!query.types().isEmpty()) {
            where.append(" and metricType in :types");
            params.and("types", List.copyOf(query.types()));
        }
        if (!query.keys().isEmpty()) {
            where.append(" and metricKey in :keys");
            params.and("keys", List.copyOf(query.keys()));
        }
        if (query.startsFrom() != null) {
            where.append(" and intervalStart >= :startsFrom");
            params.and("startsFrom", query.startsFrom());
        }
        if (query.endsBy() != null) {
            where.append(" and intervalEnd <= :endsBy");
            params.and("endsBy", query.endsBy());
        }
        String filter = where.toString();
        return Page.window(metrics.find(filter, sort.and("id"), params), page, () -> metrics.count(filter, params));
    }
}
