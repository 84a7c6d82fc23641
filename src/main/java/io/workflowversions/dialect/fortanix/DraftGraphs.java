package io.workflowversions.dialect.fortanix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.workflowversions.dialect.fortanix.api.model.CreateWorkflowGraph;
import io.workflowversions.dialect.fortanix.api.model.GetAllWorkflowGraphsResponse;
import io.workflowversions.dialect.fortanix.api.model.UpdateWorkflowGraph;
import io.workflowversions.dialect.fortanix.api.model.WorkflowEdge;
import io.workflowversions.dialect.fortanix.api.model.WorkflowGraph;
import io.workflowversions.dialect.fortanix.api.model.WorkflowMetadata;
import io.workflowversions.dialect.fortanix.api.model.WorkflowObject;
import io.workflowversions.dialect.fortanix.api.model.WorkflowType;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.Principal;
import io.workflowversions.store.NewWorkflow;
import io.workflowversions.store.PageRequest;
import io.workflowversions.store.StoreException;
import io.workflowversions.store.VersionStore;
import io.workflowversions.store.WorkflowSearches;
import io.workflowversions.store.Workflow;
import io.workflowversions.store.WorkflowSearch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Draft workflow graphs: one store workflow each (kind {@value #KIND}), the graph in its attributes, the draft's
 * integer {@code version} in the store's revision, raised under the workflow's row lock.
 */
@ApplicationScoped
public class DraftGraphs {

    static final String KIND = "draft_graph";

    private final VersionStore store;
    private final WorkflowSearches searches;
    private final ObjectMapper mapper;

    DraftGraphs(VersionStore store, WorkflowSearches searches, ObjectMapper mapper) {
        this.store = store;
        this.searches = searches;
        this.mapper = mapper;
    }

    @WithTransaction
    public Uni<WorkflowGraph> create(Principal caller, CreateWorkflowGraph body) {
        GraphRules.checkGraph("", body.getObjects(), body.getEdges(), body.getMetadata(), body.getLabels());
        ObjectNode attributes = mapper.createObjectNode();
        attributes.put("group_id", Accounts.group(body.getGroupId(), caller.tenant()));
        attributes.put("creator_id", caller.credentialId().toString());
        putGraph(attributes, body.getObjects(), body.getEdges(), body.getMetadata(), body.getLabels());
        NewWorkflow spec = new NewWorkflow(KIND, UUID.randomUUID().toString(), body.getName(), body.getDescription(),
                attributes, caller.actor());
        return store.createWorkflow(caller.scope(), spec).map(this::toApi);
    }

    @WithSession
    public Uni<WorkflowGraph> get(Principal caller, UUID graphId) {
        return store.findWorkflow(caller.scope(), KIND, graphId.toString()).map(this::toApi);
    }

    /** Full replacement; the body's version must be the draft's current one (else 409), which then goes up by 1. */
    @WithTransaction
    public Uni<WorkflowGraph> update(Principal caller, UUID graphId, UpdateWorkflowGraph body) {
        GraphRules.checkGraph("", body.getObjects(), body.getEdges(), body.getMetadata(), body.getLabels());
        return store.lockWorkflow(caller.scope(), KIND, graphId.toString())
                .map(draft -> {
                    try {
                        store.advanceRevision(draft, body.getVersion(), caller.actor());
                    } catch (StoreException stale) {
                        throw new ApiException(FailureKind.CONFLICT, "Version " + body.getVersion()
                                + " is not the current version " + draft.revision + " of draft workflow " + graphId);
                    }
                    ObjectNode attributes = mapper.createObjectNode();
                    attributes.set("group_id", draft.attributes.get("group_id"));
                    attributes.set("creator_id", draft.attributes.get("creator_id"));
                    putGraph(attributes, body.getObjects(), body.getEdges(), body.getMetadata(), body.getLabels());
                    draft.name = body.getName();
                    draft.description = body.getDescription();
                    draft.attributes = attributes;
                    return toApi(draft);
                });
    }

    @WithTransaction
    public Uni<Void> delete(Principal caller, UUID graphId) {
        return store.lockWorkflow(caller.scope(), KIND, graphId.toString())
                .flatMap(store::deleteWorkflow);
    }

    @WithSession
    public Uni<GetAllWorkflowGraphsResponse> list(Principal caller, String name, String description, String allSearch,
            UUID parentGraphId, String project, String filter, String sortBy, Integer limit, Integer offset) {
        PageRequest page = ListQuery.page(limit, offset);
        List<JsonNode> contains = ListQuery.contained(mapper, filter, project);
        if (parentGraphId != null) {
            ObjectNode parent = mapper.createObjectNode();
            parent.putObject("metadata").putObject("parent").put("graph_id", parentGraphId.toString());
            contains.add(parent);
        }
        WorkflowSearch search = new WorkflowSearch(name, description, allSearch, contains, List.of(), ListQuery.sort(sortBy));
        return searches.searchWorkflows(caller.scope(), KIND, search, page)
                .flatMap(found -> store.countWorkflows(caller.scope(), KIND).map(total -> new GetAllWorkflowGraphsResponse()
                        .metadata(ListQuery.metadata(page, found.total(), total))
                        .items(found.items().stream().map(this::toApi).toList())));
    }

    private void putGraph(ObjectNode into, Map<String, WorkflowObject> objects, Map<String, WorkflowEdge> edges,
            WorkflowMetadata metadata, Map<String, String> labels) {
        into.set("objects", mapper.valueToTree(objects));
        into.set("edges", mapper.valueToTree(edges));
        if (metadata != null) {
            into.set("metadata", mapper.valueToTree(metadata));
        }
        into.set("labels", labels != null ? mapper.valueToTree(labels) : mapper.createObjectNode());
    }

    private WorkflowGraph toApi(Workflow draft) {
        ObjectNode document = draft.attributes.deepCopy();
        document.put("graph_id", draft.externalKey);
        document.put("name", draft.name);
        document.put("description", FortanixJson.description(draft));
        document.put("created_at", draft.createdAt.getEpochSecond());
        document.put("updated_at", draft.updatedAt.getEpochSecond());
        document.put("version", draft.revision);
        document.put("acct_id", draft.tenant);
        document.put("type", WorkflowType.OWNED.toString());
        return FortanixJson.toModel(mapper, document, WorkflowGraph.class);
    }
}
