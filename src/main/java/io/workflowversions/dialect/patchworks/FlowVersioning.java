package io.workflowversions.dialect.patchworks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.workflowversions.security.Principal;
import io.workflowversions.store.HandOver;
import io.workflowversions.store.IntegerIds;
import io.workflowversions.store.LockedVersion;
import io.workflowversions.store.MetricQuery;
import io.workflowversions.store.NewVersion;
import io.workflowversions.store.NewWorkflow;
import io.workflowversions.store.Page;
import io.workflowversions.store.PageRequest;
import io.workflowversions.store.ChangeTopics;
import io.workflowversions.store.ReadCache;
import io.workflowversions.store.TenantScope;
import io.workflowversions.store.VersionAttachments;
import io.workflowversions.store.VersionKey;
import io.workflowversions.store.VersionMetric;
import io.workflowversions.store.VersionRanks;
import io.workflowversions.store.VersionSchedule;
import io.workflowversions.store.VersionStore;
import io.workflowversions.store.VersionUpload;
import io.workflowversions.store.Workflow;
import io.workflowversions.store.WorkflowVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The flow rules over the store, one transaction per call: at most one Draft and one Deployed version per flow
 * (both exclusive states, so the database refuses a second), deploying demotes the previous Deployed version,
 * copying replaces the Draft. Every write that depends on a flow's current state takes the flow's row lock first
 * and reads the versions after it, so concurrent requests on one flow run one after another.
 */
@ApplicationScoped
class FlowVersioning {

    private final VersionStore store;
    private final IntegerIds ids;
    private final VersionRanks ranks;
    private final VersionAttachments attachments;
    private final ReadCache cache;

    FlowVersioning(VersionStore store, IntegerIds ids, VersionRanks ranks, VersionAttachments attachments, ReadCache cache) {
        this.store = store;
        this.ids = ids;
        this.ranks = ranks;
        this.attachments = attachments;
        this.cache = cache;
    }

    /** A version with its computed iteration: its 1-based rank among its flow's versions in id order. */
    record Ranked(Workflow flow, WorkflowVersion version, int iteration) {
    }

    // ---- flows ----------------------------------------------------------------------------------------------

    @WithTransaction
    Uni<Workflow> createFlow(Principal caller, String name, String description) {
        return ids.nextSerial().flatMap(id -> store.createWorkflow(caller.scope(),
                new NewWorkflow(Patchworks.FLOW_KIND, id.toString(), name, description, null, caller.actor())));
    }

    @WithTransaction
    Uni<Page<Workflow>> listFlows(Principal caller, PageRequest page) {
        return ids.listWorkflowsByKey(caller.scope(), Patchworks.FLOW_KIND, page);
    }

    @WithTransaction
    Uni<Workflow> getFlow(Principal caller, long flowId) {
        return store.findWorkflow(caller.scope(), Patchworks.FLOW_KIND, Long.toString(flowId));
    }

    @WithTransaction
    Uni<Void> deleteFlow(Principal caller, long flowId) {
        return lockFlow(caller, flowId).flatMap(store::deleteWorkflow);
    }

    // ---- versions -------------------------------------------------------------------------------------------

    record RankedPage(Workflow flow, Page<WorkflowVersion> page, Map<Long, Integer> ranks) {
        int iteration(WorkflowVersion version) {
            return ranks.get(version.id);
        }
    }

    /** A page of metrics with the public ids of the flow's versions. */
    record MetricPage(Page<VersionMetric> page, Map<Long, String> publicIds) {
    }

    /** A page of a flow's versions, from the read cache when it can be (shared with other reads: never change it). */
    Uni<RankedPage> listVersions(Principal caller, long flowId, Collection<String> states, Sort sort, PageRequest page) {
        List<String> order = sort.getColumns().stream().map(c -> c.getName() + " " + c.getDirection()).toList();
        return cache.read(new CachedPage(caller.scope(), flowId, List.copyOf(states), order, page),
                () -> Panache.withSession(() -> getFlow(caller, flowId).flatMap(flow -> store.listVersions(flow, states, sort, page)
                        .flatMap(versions -> ranks.ranks(versions.items()).map(found -> new ReadCache.Loaded<>(
                                ChangeTopics.workflow(flow.id), new RankedPage(flow, versions, found)))))));
    }

    private record CachedPage(TenantScope scope, long flowId, List<String> states, List<String> order, PageRequest page) {
    }

    @WithTransaction
    Uni<Ranked> getVersion(Principal caller, long flowId, long versionId) {
        return getFlow(caller, flowId).flatMap(flow -> store.findVersion(flow, Long.toString(versionId))
                .flatMap(version -> rank(flow, version)));
    }

    /** The first version of a flow without versions: a Draft. */
    @WithTransaction
    Uni<Ranked> createVersion(Principal caller, long flowId) {
        return lockFlow(caller, flowId).flatMap(flow -> store.countVersions(flow).flatMap(count -> {
            if (count > 0) {
                throw Problems.invalid("flow", "The flow already has versions; copy a version instead.");
            }
            return newDraft(caller, flow, null, null);
        }).flatMap(version -> rank(flow, version)));
    }

    /**
     * Applies {@code deployed_at}: a time deploys (demoting the flow's Deployed version) or, on the Deployed version,
     * moves its time; null un-deploys the Deployed version; absent, or null on another version, changes nothing.
     */
    @WithTransaction
    Uni<Ranked> updateVersion(Principal caller, long flowId, long versionId, ObjectNode body) {
        return lockFlow(caller, flowId).flatMap(flow -> store.findVersion(flow, Long.toString(versionId))
                .flatMap(version -> {
                    JsonNode deployedAt = body.get("deployed_at");
                    if (deployedAt == null) {
                        return Uni.createFrom().item(version);
                    }
                    if (deployedAt.isNull()) {
                        return Patchworks.DEPLOYED.equals(version.state) ? undeploy(caller, version)
                                : Uni.createFrom().item(version);
                    }
                    return deploy(caller, flow, version, Bodies.date("deployed_at", deployedAt));
                })
                .flatMap(version -> rank(flow, version)));
    }

    private Uni<WorkflowVersion> deploy(Principal caller, Workflow flow, WorkflowVersion version, Instant time) {
        if (Patchworks.DEPLOYED.equals(version.state)) {
            version.deployedAt = time;
            version.recordChange(caller.actor());
            return Uni.createFrom().item(version);
        }
        return store.handOver(new LockedVersion(flow, version), Patchworks.DEPLOYED,
                        HandOver.moveTo(Patchworks.INACTIVE, previous -> previous.deployedAt = null), caller.actor())
                .invoke(deployed -> deployed.deployedAt = time);
    }

    private Uni<WorkflowVersion> undeploy(Principal caller, WorkflowVersion version) {
        return store.changeState(version, Patchworks.INACTIVE, false, caller.actor())
                .invoke(inactive -> inactive.deployedAt = null);
    }

    @WithTransaction
    Uni<Void> deleteVersion(Principal caller, long flowId, long versionId) {
        return lockFlow(caller, flowId).flatMap(flow -> store.findVersion(flow, Long.toString(versionId)))
                .flatMap(version -> {
                    if (Patchworks.DEPLOYED.equals(version.state)) {
                        throw Problems.invalid("version", "The deployed version cannot be deleted.");
                    }
                    return store.deleteVersion(version);
                });
    }

    /** A new Draft from a Deployed or Inactive version, replacing the flow's Draft; schedules come along. */
    @WithTransaction
    Uni<Ranked> copyVersion(Principal caller, long flowId, long versionId) {
        return lockFlow(caller, flowId).flatMap(flow -> store.findVersion(flow, Long.toString(versionId))
                .flatMap(source -> {
                    if (Patchworks.DRAFT.equals(source.state)) {
                        throw Problems.invalid("version", "Only deployed or inactive versions can be copied.");
                    }
                    return store.release(flow, Patchworks.DRAFT, null, HandOver.delete(), caller.actor())
                            .flatMap(released -> newDraft(caller, flow, source.content, source.attributes))
                            .call(copy -> attachments.copySchedules(source, copy, caller.actor()));
                })
                .flatMap(copy -> rank(flow, copy)));
    }

    /** Records an upload: the caller must be an admin (checked after the id), the version Deployed. */
    @WithTransaction
    Uni<VersionUpload> upload(Principal caller, long versionId, ObjectNode body) {
        return lockedVersion(caller, versionId).flatMap(version -> {
            if (!PatchworksRoles.isAdminUser(caller)) {
                throw Problems.forbidden();
            }
            boolean privateListing = Bodies.optionalBoolean("private", body.get("private"), true);
            if (!Patchworks.DEPLOYED.equals(version.state)) {
                throw Problems.invalid("flow_version", "Only deployed versions can be uploaded.");
            }
            return attachments.addUpload(version, privateListing, caller.actor());
        });
    }

    // ---- schedules ------------------------------------------------------------------------------------------

    @WithTransaction
    Uni<Page<VersionSchedule>> listSchedules(Principal caller, long versionId, PageRequest page) {
        return store.findVersion(caller.scope(), Long.toString(versionId))
                .flatMap(version -> attachments.listSchedules(version, page));
    }

    @WithTransaction
    Uni<VersionSchedule> createSchedule(Principal caller, long versionId, ObjectNode body) {
        return lockedVersion(caller, versionId).flatMap(version -> {
            Bodies.Schedule input = Bodies.schedule(body, true);
            return attachments.addSchedule(version, input.cron().orElseThrow(),
                    input.deployedAt().orElse(Optional.empty()).orElse(null), caller.actor());
        });
    }

    @WithTransaction
    Uni<VersionSchedule> updateSchedule(Principal caller, long versionId, long scheduleId, ObjectNode body) {
        return lockedVersion(caller, versionId)
                .flatMap(version -> attachments.findSchedule(version, scheduleId))
                .map(schedule -> {
                    Bodies.Schedule input = Bodies.schedule(body, false);
                    input.cron().ifPresent(cron -> schedule.cronExpression = cron);
                    input.deployedAt().ifPresent(time -> schedule.deployedAt = time.orElse(null));
                    return attachments.touch(schedule, caller.actor());
                });
    }

    @WithTransaction
    Uni<Void> deleteSchedule(Principal caller, long versionId, long scheduleId) {
        return lockedVersion(caller, versionId)
                .flatMap(version -> attachments.findSchedule(version, scheduleId))
                .flatMap(attachments::deleteSchedule);
    }

    // ---- metrics --------------------------------------------------------------------------------------------

    @WithTransaction
    Uni<MetricPage> listMetrics(Principal caller, long flowId, MetricQuery query, Sort sort, PageRequest page) {
        return getFlow(caller, flowId).flatMap(flow -> attachments.listMetrics(flow, query, sort, page)
                .flatMap(metrics -> ranks.versionKeys(flow).map(keys -> new MetricPage(metrics,
                        keys.stream().collect(Collectors.toMap(VersionKey::id, VersionKey::publicId))))));
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private Uni<Workflow> lockFlow(Principal caller, long flowId) {
        return store.lockWorkflow(caller.scope(), Patchworks.FLOW_KIND, Long.toString(flowId));
    }

    private Uni<WorkflowVersion> lockedVersion(Principal caller, long versionId) {
        return store.lockVersion(caller.scope(), Long.toString(versionId)).map(LockedVersion::version);
    }

    private Uni<WorkflowVersion> newDraft(Principal caller, Workflow flow, JsonNode content, JsonNode attributes) {
        return ids.nextSerial().flatMap(id -> store.addVersion(flow,
                NewVersion.unnumbered(Patchworks.DRAFT, caller.actor()).inExclusiveState()
                        .withPublicId(id.toString()).withContent(content).withAttributes(attributes)));
    }

    private Uni<Ranked> rank(Workflow flow, WorkflowVersion version) {
        return ranks.ranks(List.of(version)).map(found -> new Ranked(flow, version, found.get(version.id)));
    }
}
