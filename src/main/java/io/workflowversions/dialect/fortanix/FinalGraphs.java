package io.workflowversions.dialect.fortanix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.workflowversions.dialect.fortanix.api.model.CreateFinalWorkflowGraph;
import io.workflowversions.dialect.fortanix.api.model.CreateWorkflowVersionRequest;
import io.workflowversions.dialect.fortanix.api.model.FinalWorkflow;
import io.workflowversions.dialect.fortanix.api.model.FinalWorkflowGraph;
import io.workflowversions.dialect.fortanix.api.model.GetAllFinalWorkflowGraphsResponse;
import io.workflowversions.dialect.fortanix.api.model.UpdateFinalWorkflowNameRequest;
import io.workflowversions.dialect.fortanix.api.model.UpdateWorkflowVersionRequest;
import io.workflowversions.dialect.fortanix.api.model.VersionInFinalWorkflow;
import io.workflowversions.dialect.fortanix.api.model.WorkflowType;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.Principal;
import io.workflowversions.store.NewVersion;
import io.workflowversions.store.NewWorkflow;
import io.workflowversions.store.PageRequest;
import io.workflowversions.store.VersionStore;
import io.workflowversions.store.WorkflowSearches;
import io.workflowversions.store.Workflow;
import io.workflowversions.store.WorkflowSearch;
import io.workflowversions.store.WorkflowVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Final workflow graphs: one store workflow each (kind {@value #KIND}) whose versions are numbered by the store, so
 * "1", "2"… are handed out atomically and never reused. A version's content is immutable except its deployment data.
 */
@ApplicationScoped
public class FinalGraphs {

    static final String KIND = "final_graph";
    static final String STATE = "final";
    private static final Pattern VERSION = Pattern.compile("^[1-9][0-9]{0,17}$");

    private final VersionStore store;
    private final WorkflowSearches searches;
    private final ObjectMapper mapper;

    FinalGraphs(VersionStore store, WorkflowSearches searches, ObjectMapper mapper) {
        this.store = store;
        this.searches = searches;
        this.mapper = mapper;
    }

    /** The workflow and its version "1". */
    @WithTransaction
    public Uni<FinalWorkflow> create(Principal caller, CreateFinalWorkflowGraph body) {
        GraphRules.require(body.getContents() != null, "contents", "is required");
        JsonNode content = content("contents.", body.getContents());
        ObjectNode attributes = mapper.createObjectNode();
        attributes.put("group_id", Accounts.group(body.getGroupId(), caller.tenant()));
        NewWorkflow spec = new NewWorkflow(KIND, UUID.randomUUID().toString(), body.getName(), body.getDescription(),
                attributes, caller.actor());
        return store.createWorkflow(caller.scope(), spec)
                .flatMap(workflow -> store.addVersion(workflow, newVersion(caller, content))
                        .map(version -> toApi(workflow, List.of(version))));
    }

    @WithSession
    public Uni<FinalWorkflow> get(Principal caller, UUID graphId) {
        return find(caller, graphId)
                .flatMap(workflow -> store.versionsOf(List.of(workflow)).map(versions -> toApi(workflow, versions)));
    }

    /** Appends the next version under the workflow's lock and answers it. */
    @WithTransaction
    public Uni<VersionInFinalWorkflow> addVersion(Principal caller, UUID graphId, CreateWorkflowVersionRequest body) {
        JsonNode content = content("", body);
        return lock(caller, graphId)
                .flatMap(workflow -> store.addVersion(store.touch(workflow, caller.actor()), newVersion(caller, content))
                        .map(version -> toApi(workflow, version)));
    }

    @WithTransaction
    public Uni<FinalWorkflow> rename(Principal caller, UUID graphId, UpdateFinalWorkflowNameRequest body) {
        return lock(caller, graphId).flatMap(workflow -> {
            if (body.getName() != null) {
                workflow.name = body.getName();
            }
            if (body.getDescription() != null) {
                workflow.description = body.getDescription();
            }
            store.touch(workflow, caller.actor());
            return store.versionsOf(List.of(workflow)).map(versions -> toApi(workflow, versions));
        });
    }

    /** One version, its graph and the version from the read cache when they can be. */
    public Uni<VersionInFinalWorkflow> getVersion(Principal caller, UUID graphId, String version) {
        long number = number(graphId, version);
        return store.readWorkflow(caller.scope(), KIND, graphId.toString())
                .flatMap(workflow -> store.readVersionByNumber(workflow, number, this::graph)
                        .map(graph -> toApi(workflow, number, graph)));
    }

    /** Sets the deployment data of one version; its graph stays as it is. */
    @WithTransaction
    public Uni<VersionInFinalWorkflow> patchRuntime(Principal caller, UUID graphId, String version,
            UpdateWorkflowVersionRequest body) {
        GraphRules.checkDeployment("deployment", body.getDeployment());
        GraphRules.require(body.getRuntimeConfigs() != null, "runtime_configs", "is required");
        body.getRuntimeConfigs().forEach((id, patch) -> {
            GraphRules.require(patch != null, "runtime_configs." + id, "must be an object");
            if (patch.getDeployment() != null) {
                GraphRules.checkAppDeployment("runtime_configs." + id + ".deployment", patch.getDeployment());
            }
        });
        long number = number(graphId, version);
        return lock(caller, graphId).flatMap(workflow -> store.findVersionByNumber(workflow, number).map(found -> {
            ObjectNode content = found.content.deepCopy();
            ObjectNode configs = content.get("runtime_configs") instanceof ObjectNode existing
                    ? existing : content.putObject("runtime_configs");
            body.getRuntimeConfigs().forEach((id, patch) -> {
                JsonNode config = configs.get(id);
                GraphRules.require(config instanceof ObjectNode, "runtime_configs." + id,
                        "names no app of version " + version);
                if (patch.getDeployment() != null) {
                    ((ObjectNode) config).set("deployment", mapper.valueToTree(patch.getDeployment()));
                }
            });
            content.set("deployment", mapper.valueToTree(body.getDeployment()));
            found.content = content;
            found.recordChange(caller.actor());
            return toApi(workflow, found);
        }));
    }

    /** Removes one version; removing the last one removes the workflow. Numbers are never handed out again. */
    @WithTransaction
    public Uni<Void> deleteVersion(Principal caller, UUID graphId, String version) {
        long number = number(graphId, version);
        return lock(caller, graphId).flatMap(workflow -> store.findVersionByNumber(workflow, number)
                .flatMap(found -> store.versionsOf(List.of(workflow)).flatMap(all -> all.size() == 1
                        ? store.deleteWorkflow(workflow)
                        : store.deleteVersion(found).invoke(() -> store.touch(workflow, caller.actor())))));
    }

    @WithSession
    public Uni<GetAllFinalWorkflowGraphsResponse> list(Principal caller, String name, String description,
            String project, String filter, String allSearch, String sortBy, Integer limit, Integer offset) {
        PageRequest page = ListQuery.page(limit, offset);
        List<JsonNode> anyVersion = ListQuery.contained(mapper, filter, project);
        WorkflowSearch search = new WorkflowSearch(name, description, allSearch, List.of(), anyVersion, ListQuery.sort(sortBy));
        return searches.searchWorkflows(caller.scope(), KIND, search, page)
                .flatMap(found -> store.versionsOf(found.items())
                        .flatMap(versions -> store.countWorkflows(caller.scope(), KIND).map(total -> {
                            Map<Long, List<WorkflowVersion>> byWorkflow = versions.stream()
                                    .collect(Collectors.groupingBy(v -> v.workflowId));
                            return new GetAllFinalWorkflowGraphsResponse()
                                    .metadata(ListQuery.metadata(page, found.total(), total))
                                    .items(found.items().stream()
                                            .map(w -> toApi(w, byWorkflow.getOrDefault(w.id, List.of())))
                                            .toList());
                        })));
    }

    // ---- internals ------------------------------------------------------------------------------------------

    /** The stored content of a new version: the graph, its derived runtime configs and labels ({} when absent). */
    private JsonNode content(String prefix, CreateWorkflowVersionRequest request) {
        GraphRules.checkGraph(prefix, request.getObjects(), request.getEdges(), request.getMetadata(), request.getLabels());
        ObjectNode content = mapper.createObjectNode();
        content.set("objects", mapper.valueToTree(request.getObjects()));
        content.set("edges", mapper.valueToTree(request.getEdges()));
        if (request.getMetadata() != null) {
            content.set("metadata", mapper.valueToTree(request.getMetadata()));
        }
        content.set("runtime_configs", mapper.valueToTree(GraphRules.runtimeConfigs(request.getObjects(), request.getEdges())));
        content.set("labels", request.getLabels() != null ? mapper.valueToTree(request.getLabels()) : mapper.createObjectNode());
        return content;
    }

    private static NewVersion newVersion(Principal caller, JsonNode content) {
        return NewVersion.numbered(STATE, caller.actor()).withContent(content);
    }

    private Uni<Workflow> find(Principal caller, UUID graphId) {
        return store.findWorkflow(caller.scope(), KIND, graphId.toString());
    }

    private Uni<Workflow> lock(Principal caller, UUID graphId) {
        return store.lockWorkflow(caller.scope(), KIND, graphId.toString());
    }

    private static long number(UUID graphId, String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new ApiException(FailureKind.NOT_FOUND, "Version " + version + " of final workflow " + graphId
                    + " was not found in this account");
        }
        return Long.parseLong(version);
    }

    private FinalWorkflow toApi(Workflow workflow, List<WorkflowVersion> versions) {
        Map<String, FinalWorkflowGraph> byVersion = new TreeMap<>();
        versions.forEach(version -> byVersion.put(Long.toString(version.number), graph(version)));
        JsonNode groupId = workflow.attributes.path("group_id");
        return new FinalWorkflow()
                .graphId(UUID.fromString(workflow.externalKey))
                .name(workflow.name)
                .groupId(groupId.isTextual() ? UUID.fromString(groupId.textValue()) : null)
                .acctId(UUID.fromString(workflow.tenant))
                .createdAt(workflow.createdAt.getEpochSecond())
                .updatedAt(workflow.updatedAt.getEpochSecond())
                .description(FortanixJson.description(workflow))
                .versions(byVersion)
                .type(WorkflowType.OWNED);
    }

    private VersionInFinalWorkflow toApi(Workflow workflow, WorkflowVersion version) {
        return toApi(workflow, version.number, graph(version));
    }

    private static VersionInFinalWorkflow toApi(Workflow workflow, long number, FinalWorkflowGraph graph) {
        return new VersionInFinalWorkflow()
                .graphId(UUID.fromString(workflow.externalKey))
                .name(workflow.name)
                .description(FortanixJson.description(workflow))
                .version(Long.toString(number))
                .contents(graph);
    }

    /** The version's stored graph with its creation time (a required field of the model, so set before it is read). */
    private FinalWorkflowGraph graph(WorkflowVersion version) {
        ObjectNode graph = mapper.createObjectNode().setAll((ObjectNode) version.content);
        graph.put("created_at", version.createdAt.getEpochSecond());
        return FortanixJson.toModel(mapper, graph, FinalWorkflowGraph.class);
    }
}
