package io.workflowversions.dialect.frankieone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.http.FieldIssue;
import io.workflowversions.store.NewVersion;
import io.workflowversions.store.NewWorkflow;
import io.workflowversions.store.Page;
import io.workflowversions.store.PageRequest;
import io.workflowversions.store.TenantScope;
import io.workflowversions.store.VersionStore;
import io.workflowversions.store.Workflow;
import io.workflowversions.store.WorkflowVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * FLOW workflow definitions over the version store. A definition is a workflow of kind {@value #KIND} keyed by its
 * slug in the caller's (customer, child) scope. Its draft is an unnumbered version holding the exclusive state
 * {@value #DRAFT}, overwritten by each draft save; its published versions are numbered by the store and never
 * change. Every write locks the definition's row first, so writes to one definition run one after another.
 */
@ApplicationScoped
public class DefinitionService {

    static final String KIND = "definition";
    static final String DRAFT = "draft";
    static final String PUBLISHED = "published";
    static final int CHANNEL_LENGTH = 64;

    /** What one write is: the document to keep, whether it is a draft, and who and where it comes from. */
    record Save(String definitionId, ObjectNode document, String name, boolean draft, String actor, String channel) {
    }

    /** One snapshot of a definition with what its answer needs. */
    record Snapshot(Workflow workflow, WorkflowVersion version, List<Long> published) {
        boolean draft() {
            return version.number == null;
        }
    }

    private final VersionStore store;
    private final Ulid ulid;

    DefinitionService(VersionStore store, Ulid ulid) {
        this.store = store;
        this.ulid = ulid;
    }

    // ---- writes ---------------------------------------------------------------------------------------------

    @WithTransaction
    public Uni<Snapshot> save(TenantScope scope, Save save) {
        NewWorkflow spec = new NewWorkflow(KIND, save.definitionId(), save.name(), null, null, save.actor());
        return store.findOrCreateWorkflow(scope, spec).flatMap(workflow -> {
            boolean publishedBefore = workflow.versionCounter > 0;
            // The draft matters to a draft save (it is overwritten) and to the first save (which creates the definition).
            Uni<Optional<WorkflowVersion>> draft = save.draft() || !publishedBefore
                    ? store.holderOf(workflow, DRAFT)
                    : Uni.createFrom().item(Optional.empty());
            return draft.flatMap(current -> (save.draft() ? saveDraft(workflow, current, save) : publish(workflow, save))
                    .map(written -> {
                        if (!publishedBefore && current.isEmpty()) {
                            // The first save of the definition: it was created by this request.
                            workflow.createdAt = written.createdAt;
                        }
                        if (!save.draft() || !publishedBefore) {
                            shows(workflow, written, save);
                        }
                        return new Snapshot(workflow, written, publishedNumbers(workflow));
                    }));
        });
    }

    /**
     * The numbers of the published versions: 1 to the workflow's version counter, since published versions are only
     * ever removed with their whole definition (whose next save starts a new workflow at 1) and drafts take no number.
     * This spares every answer a query whose result grows with each publish.
     */
    static List<Long> publishedNumbers(Workflow workflow) {
        return LongStream.rangeClosed(1, workflow.versionCounter).boxed().toList();
    }

    /** Overwrites the draft slot, or fills it. */
    private Uni<WorkflowVersion> saveDraft(Workflow workflow, Optional<WorkflowVersion> current, Save save) {
        if (current.isPresent()) {
            WorkflowVersion draft = current.get();
            draft.publicId = ulid.next();
            draft.content = save.document();
            draft.attributes = attributes(save);
            draft.recordChange(save.actor());
            return Uni.createFrom().item(draft);
        }
        return store.addVersion(workflow, NewVersion.unnumbered(DRAFT, save.actor()).inExclusiveState()
                .withPublicId(ulid.next()).withContent(save.document()).withAttributes(attributes(save)));
    }

    /** Appends the next published version; the draft, if any, stays. */
    private Uni<WorkflowVersion> publish(Workflow workflow, Save save) {
        return store.addVersion(workflow, NewVersion.numbered(PUBLISHED, save.actor())
                .withPublicId(ulid.next()).withContent(save.document()).withAttributes(attributes(save)));
    }

    /** The workflow row carries what lists show and sort by: the name and update of the snapshot lists show. */
    private static void shows(Workflow workflow, WorkflowVersion version, Save save) {
        workflow.name = save.name();
        workflow.updatedAt = version.updatedAt;
        workflow.updatedBy = version.updatedBy;
    }

    private static JsonNode attributes(Save save) {
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        if (save.channel() != null) {
            attributes.put("channel", save.channel());
        }
        return attributes;
    }

    @WithTransaction
    public Uni<Void> delete(TenantScope scope, String definitionId) {
        return store.lockWorkflow(scope, KIND, definitionId).flatMap(store::deleteWorkflow);
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    /**
     * The latest published version (no {@code version}), the draft ({@code -1}) or published version N. Published
     * versions never change, so they and the definition come from the read cache when they can be; the draft does not.
     */
    public Uni<Snapshot> get(TenantScope scope, String definitionId, Integer version) {
        return store.readWorkflow(scope, KIND, definitionId).flatMap(workflow -> {
            List<Long> published = publishedNumbers(workflow);
            Uni<WorkflowVersion> found;
            if (version == null) {
                found = published.isEmpty() ? Uni.createFrom().failure(versionNotFound("No published version"))
                        : store.readVersionByNumber(workflow, published.get(published.size() - 1), v -> v);
            } else if (version == -1) {
                found = store.holderOf(workflow, DRAFT).map(draft -> draft.orElseThrow(() -> versionNotFound("No draft")));
            } else if (version >= 1 && published.contains(version.longValue())) {
                found = store.readVersionByNumber(workflow, version, v -> v);
            } else {
                found = Uni.createFrom().failure(versionNotFound("Version " + version + " not found"));
            }
            return found.map(v -> new Snapshot(workflow, v, published));
        });
    }

    /** The published versions, ascending; the draft is never among them. */
    @WithSession
    public Uni<List<WorkflowVersion>> publishedVersions(TenantScope scope, String definitionId) {
        return store.findWorkflow(scope, KIND, definitionId)
                .flatMap(workflow -> store.listVersions(workflow, List.of(PUBLISHED), Sort.ascending("number")));
    }

    /** A page of definitions, each as its latest published snapshot, or its draft when nothing is published. */
    @WithSession
    public Uni<Page<Snapshot>> list(TenantScope scope, PageRequest page, Sort sort) {
        return store.listWorkflows(scope, KIND, page, sort).flatMap(workflows -> store
                .latestVersions(workflows.items(), DRAFT)
                .map(latest -> new Page<>(workflows.items().stream()
                        .filter(workflow -> latest.containsKey(workflow.id))
                        .map(workflow -> new Snapshot(workflow, latest.get(workflow.id), publishedNumbers(workflow)))
                        .toList(), workflows.total(), page)));
    }

    private static ApiException versionNotFound(String issue) {
        return new ApiException(new Failure(FailureKind.NOT_FOUND, FrankieOneErrorEnvelope.NOT_FOUND, issue,
                List.of(new FieldIssue("version", issue))));
    }
}
