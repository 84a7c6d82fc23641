package io.workflowversions.dialect.secmaster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionAction;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionStatus;
import io.workflowversions.dialect.secmaster.api.model.ApprovalResult;
import io.workflowversions.dialect.secmaster.api.model.CreateAopWorkflowInfo;
import io.workflowversions.dialect.secmaster.api.model.CreateAopWorkflowVersionApprovelInfo;
import io.workflowversions.dialect.secmaster.api.model.CreateAopWorkflowVersionInfo;
import io.workflowversions.dialect.secmaster.api.model.ModifyAopWorkflowInfo;
import io.workflowversions.dialect.secmaster.api.model.ModifyAopWorkflowVersionInfo;
import io.workflowversions.security.Principal;
import io.workflowversions.store.HandOver;
import io.workflowversions.store.LockedVersion;
import io.workflowversions.store.NewVersion;
import io.workflowversions.store.NewWorkflow;
import io.workflowversions.store.Page;
import io.workflowversions.store.PageRequest;
import io.workflowversions.store.TenantScope;
import io.workflowversions.store.VersionStore;
import io.workflowversions.store.Workflow;
import io.workflowversions.store.WorkflowSearch;
import io.workflowversions.store.WorkflowSearches;
import io.workflowversions.store.WorkflowVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * SecMaster's workflows and versions over the shared store, with the version state machine. Every write that depends on
 * what is stored takes the workflow's row lock first, so the "only one activated / only one pending approval" rules,
 * the label counter and the workflow's bookkeeping fields stay consistent under any concurrency.
 */
@ApplicationScoped
public class SecmasterService {

    static final String PENDING_SUBMIT = AopWorkflowVersionStatus.PENDING_SUBMIT.toString();
    static final String PENDING_APPROVAL = AopWorkflowVersionStatus.PENDING_APPROVAL.toString();
    static final String NOT_ACTIVATED = AopWorkflowVersionStatus.NOT_ACTIVATED.toString();
    static final String ACTIVATED = AopWorkflowVersionStatus.ACTIVATED.toString();
    static final String REJECTED = AopWorkflowVersionStatus.REJECTED.toString();
    private static final Set<String> EDITABLE = Set.of(PENDING_SUBMIT, REJECTED);

    private final VersionStore store;
    private final WorkflowSearches searches;

    SecmasterService(VersionStore store, WorkflowSearches searches) {
        this.store = store;
        this.searches = searches;
    }

    static TenantScope scope(String projectId, String workspaceId) {
        return new TenantScope(Secmaster.DIALECT, projectId, workspaceId);
    }

    // ---- workflows ------------------------------------------------------------------------------------------

    @WithTransaction
    public Uni<Workflow> createWorkflow(TenantScope scope, CreateAopWorkflowInfo body, Principal caller) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.put(Fields.OWNER_ID, "");
        a.put(Fields.CREATOR_ID, Ids.userId(caller));
        a.put(Fields.CREATOR_NAME, Ids.userName(caller));
        a.put(Fields.MODIFIER_ID, "");
        a.put(Fields.MODIFIER_NAME, "");
        a.put(Fields.EDIT_ROLE, "");
        a.put(Fields.USE_ROLE, "");
        a.put(Fields.APPROVE_ROLE, "");
        a.put(Fields.ENABLED, false);
        a.put(Fields.VERSION_ID, "");
        a.put(Fields.VERSION, "");
        a.put(Fields.CURRENT_APPROVAL, "");
        a.put(Fields.CURRENT_REJECTED, "");
        a.put(Fields.AOP_TYPE, body.getAopType().toString());
        a.put(Fields.ENGINE_TYPE, body.getEngineType().toString());
        a.put(Fields.DATACLASS_ID, body.getDataclassId());
        a.put(Fields.DATACLASS_NAME, "");
        a.put(Fields.LABELS, body.getLabels() == null ? "" : body.getLabels().toString());
        a.put(Fields.LABEL_COUNTER, 0);
        String description = body.getDescription() == null ? "" : body.getDescription();
        return store.createWorkflow(scope, new NewWorkflow(Secmaster.KIND, UUID.randomUUID().toString(), body.getName(),
                description, a, caller.actor()));
    }

    @WithSession
    public Uni<Workflow> workflow(TenantScope scope, String workflowId) {
        return store.findWorkflow(scope, Secmaster.KIND, workflowId);
    }

    @WithSession
    public Uni<Page<Workflow>> listWorkflows(TenantScope scope, WorkflowSearch query, PageRequest page) {
        return searches.searchWorkflows(scope, Secmaster.KIND, query, page);
    }

    @WithTransaction
    public Uni<Workflow> updateWorkflow(TenantScope scope, String workflowId, ModifyAopWorkflowInfo body, Principal caller) {
        return store.lockWorkflow(scope, Secmaster.KIND, workflowId).flatMap(workflow -> {
            Uni<Void> enabling = Uni.createFrom().voidItem();
            if (Boolean.TRUE.equals(body.getEnabled())) {
                enabling = store.holderOf(workflow, ACTIVATED).invoke(holder -> {
                    if (body.getVersionId() == null || holder.isEmpty()
                            || !holder.get().publicId.equals(body.getVersionId())) {
                        throw ErrorCodes.rule(ErrorCodes.ENABLE_NEEDS_ACTIVATED,
                                "A workflow can only be enabled with the version_id of its activated version");
                    }
                }).replaceWithVoid();
            }
            return enabling.map(ignored -> {
                if (body.getName() != null) {
                    workflow.name = body.getName();
                }
                if (body.getDescription() != null) {
                    workflow.description = body.getDescription();
                }
                ObjectNode a = workflow.attributes.deepCopy();
                if (body.getLabels() != null) {
                    a.put(Fields.LABELS, body.getLabels().toString());
                }
                if (body.getEnabled() != null) {
                    a.put(Fields.ENABLED, body.getEnabled());
                }
                a.put(Fields.MODIFIER_ID, Ids.userId(caller));
                a.put(Fields.MODIFIER_NAME, Ids.userName(caller));
                workflow.attributes = a;
                return store.touch(workflow, caller.actor());
            });
        });
    }

    /** Deletes the workflow with its versions; an enabled workflow must be disabled first. */
    @WithTransaction
    public Uni<Workflow> deleteWorkflow(TenantScope scope, String workflowId) {
        return store.lockWorkflow(scope, Secmaster.KIND, workflowId).flatMap(workflow -> {
            if (workflow.attributes.path(Fields.ENABLED).asBoolean(false)) {
                throw ErrorCodes.rule(ErrorCodes.ILLEGAL_TRANSITION, "An enabled workflow cannot be deleted; disable it first");
            }
            return store.deleteWorkflow(workflow).replaceWith(workflow);
        });
    }

    // ---- versions -------------------------------------------------------------------------------------------

    /**
     * A new version takes no number and no exclusive state, so the workflow is read without its lock: version creates
     * of one workflow do not wait for each other. A workflow deleted meanwhile answers as not found.
     */
    @WithTransaction
    public Uni<WorkflowVersion> createVersion(TenantScope scope, String workflowId, CreateAopWorkflowVersionInfo body,
            Principal caller) {
        Topology.requireJson("taskflow", body.getTaskflow());
        return store.findWorkflow(scope, Secmaster.KIND, workflowId).flatMap(workflow -> {
            ObjectNode content = JsonNodeFactory.instance.objectNode();
            content.put(Fields.TASKCONFIG, body.getTaskconfig());
            content.put(Fields.TASKFLOW, body.getTaskflow());
            content.put(Fields.TASKFLOW_TYPE, body.getTaskflowType().toString());
            content.put(Fields.AOP_TYPE, body.getAopType().toString());
            content.put(Fields.INPUT, body.getInput() == null ? "" : body.getInput());
            content.put(Fields.OUTPUT, body.getOutput() == null ? "" : body.getOutput());
            ObjectNode a = JsonNodeFactory.instance.objectNode();
            a.put(Fields.NAME, body.getName());
            a.put(Fields.DESCRIPTION, body.getDescription() == null ? "" : body.getDescription());
            a.put(Fields.AOPWORKFLOW_ID, workflow.externalKey);
            a.put(Fields.PROJECT_ID, workflow.tenant);
            a.put(Fields.WORKSPACE_ID, workflow.subTenant);
            a.put(Fields.OWNER_ID, "");
            a.put(Fields.CREATOR_ID, Ids.userId(caller));
            a.put(Fields.CREATOR_NAME, Ids.userName(caller));
            a.put(Fields.MODIFIER_ID, "");
            a.put(Fields.MODIFIER_NAME, "");
            a.put(Fields.DATACLASS_ID, "");
            a.put(Fields.DATACLASS_NAME, "");
            return store.addVersion(workflow, NewVersion.unnumbered(PENDING_SUBMIT, caller.actor())
                    .withContent(content).withAttributes(a));
        });
    }

    /** A version for answering a read (shared with other reads: never change it). */
    public Uni<WorkflowVersion> version(TenantScope scope, String versionId) {
        return store.readVersion(scope, versionId);
    }

    /** Every version of the workflow, newest first, optionally only those in one state. */
    @WithSession
    public Uni<List<WorkflowVersion>> listVersions(TenantScope scope, String workflowId, String status) {
        return workflow(scope, workflowId).flatMap(workflow -> store.listVersions(workflow,
                status == null ? List.of() : List.of(status), Sort.descending("createdAt")));
    }

    /**
     * V4: edit, submit, activate or deactivate, as {@code status} says. A submit may carry content, which is applied
     * first; an activation or deactivation may carry content only as it is stored (the vendor's Terraform provider
     * sends the whole version with every status change).
     */
    @WithTransaction
    public Uni<WorkflowVersion> updateVersion(TenantScope scope, String versionId, ModifyAopWorkflowVersionInfo body,
            Principal caller) {
        AopWorkflowVersionAction action = body.getStatus() == null ? AopWorkflowVersionAction.PENDING_SUBMIT : body.getStatus();
        if (body.getTaskflow() != null) {
            Topology.requireJson("taskflow", body.getTaskflow());
        }
        return store.lockVersion(scope, versionId).flatMap(locked -> switch (action) {
            case PENDING_SUBMIT -> edit(locked, body, caller);
            case PENDING_APPROVAL -> (hasContent(body) ? edit(locked, body, caller) : Uni.createFrom().item(locked.version()))
                    .flatMap(edited -> submit(locked, caller));
            case ACTIVATED -> requireStoredContent(locked.version(), body).flatMap(v -> activate(locked, caller));
            case NOT_ACTIVATED -> requireStoredContent(locked.version(), body).flatMap(v -> deactivate(locked, caller));
        });
    }

    private static boolean hasContent(ModifyAopWorkflowVersionInfo body) {
        return body.getName() != null || body.getDescription() != null || body.getTaskconfig() != null
                || body.getTaskflow() != null || body.getTaskflowType() != null || body.getAopType() != null
                || body.getInput() != null || body.getOutput() != null;
    }

    /** 20040621 when a content field differs from the stored one: content changes only in an editable state. */
    private static Uni<WorkflowVersion> requireStoredContent(WorkflowVersion version, ModifyAopWorkflowVersionInfo body) {
        boolean same = stored(version.attributes, Fields.NAME, body.getName())
                && stored(version.attributes, Fields.DESCRIPTION, body.getDescription())
                && stored(version.content, Fields.TASKCONFIG, body.getTaskconfig())
                && stored(version.content, Fields.TASKFLOW, body.getTaskflow())
                && stored(version.content, Fields.TASKFLOW_TYPE, body.getTaskflowType() == null ? null : body.getTaskflowType().toString())
                && stored(version.content, Fields.AOP_TYPE, body.getAopType() == null ? null : body.getAopType().toString())
                && stored(version.content, Fields.INPUT, body.getInput())
                && stored(version.content, Fields.OUTPUT, body.getOutput());
        if (!same) {
            throw ErrorCodes.rule(ErrorCodes.STATUS_WITH_CONTENT, "A version in status " + version.state
                    + " cannot be edited; content fields of an activation or deactivation must equal the stored ones");
        }
        return Uni.createFrom().item(version);
    }

    private static boolean stored(com.fasterxml.jackson.databind.JsonNode node, String field, String sent) {
        return sent == null || sent.equals(Fields.text(node, field));
    }

    /** V6: PASS publishes the version (not activated), UN_PASS rejects it. */
    @WithTransaction
    public Uni<WorkflowVersion> review(TenantScope scope, String versionId, CreateAopWorkflowVersionApprovelInfo body,
            Principal caller) {
        return store.lockVersion(scope, versionId).flatMap(locked -> {
            WorkflowVersion version = locked.version();
            requireState(version, Set.of(PENDING_APPROVAL), "reviewed");
            boolean pass = body.getResult() == ApprovalResult.PASS;
            ObjectNode a = modified(version.attributes, caller);
            ObjectNode review = a.putObject(Fields.REVIEW);
            review.put("result", body.getResult().toString());
            review.put("content", body.getContent());
            version.attributes = a;
            updateBookkeeping(locked.workflow(), caller, w -> {
                clearIfNames(w, Fields.CURRENT_APPROVAL, version.publicId);
                if (!pass) {
                    w.put(Fields.CURRENT_REJECTED, version.publicId);
                }
            });
            return store.changeState(version, pass ? NOT_ACTIVATED : REJECTED, false, caller.actor());
        });
    }

    /** V5: any version but the activated one; the workflow stops naming it. */
    @WithTransaction
    public Uni<WorkflowVersion> deleteVersion(TenantScope scope, String versionId, Principal caller) {
        return store.lockVersion(scope, versionId).flatMap(locked -> {
            WorkflowVersion version = locked.version();
            if (ACTIVATED.equals(version.state)) {
                throw ErrorCodes.rule(ErrorCodes.ACTIVATED_NOT_DELETABLE,
                        "An activated version cannot be deleted; deactivate it first");
            }
            updateBookkeeping(locked.workflow(), caller, w -> {
                clearIfNames(w, Fields.CURRENT_APPROVAL, version.publicId);
                clearIfNames(w, Fields.CURRENT_REJECTED, version.publicId);
            });
            return store.deleteVersion(version).replaceWith(version);
        });
    }

    // ---- the state machine ----------------------------------------------------------------------------------

    private Uni<WorkflowVersion> edit(LockedVersion locked, ModifyAopWorkflowVersionInfo body, Principal caller) {
        WorkflowVersion version = locked.version();
        requireState(version, EDITABLE, "edited");
        ObjectNode content = version.content.deepCopy();
        putIfSet(content, Fields.TASKCONFIG, body.getTaskconfig());
        putIfSet(content, Fields.TASKFLOW, body.getTaskflow());
        putIfSet(content, Fields.TASKFLOW_TYPE, body.getTaskflowType() == null ? null : body.getTaskflowType().toString());
        putIfSet(content, Fields.AOP_TYPE, body.getAopType() == null ? null : body.getAopType().toString());
        putIfSet(content, Fields.INPUT, body.getInput());
        putIfSet(content, Fields.OUTPUT, body.getOutput());
        ObjectNode a = modified(version.attributes, caller);
        putIfSet(a, Fields.NAME, body.getName());
        putIfSet(a, Fields.DESCRIPTION, body.getDescription());
        version.content = content;
        version.attributes = a;
        version.recordChange(caller.actor());
        return Uni.createFrom().item(version);
    }

    private Uni<WorkflowVersion> submit(LockedVersion locked, Principal caller) {
        WorkflowVersion version = locked.version();
        requireState(version, EDITABLE, "submitted");
        // A refused hand-over fails the request, and its transaction takes these changes back with it.
        updateBookkeeping(locked.workflow(), caller, w -> {
            if (version.label == null) {
                long next = w.path(Fields.LABEL_COUNTER).asLong(0) + 1;
                w.put(Fields.LABEL_COUNTER, next);
                version.number = next;
                version.label = "V" + next;
            }
            w.put(Fields.CURRENT_APPROVAL, version.publicId);
            clearIfNames(w, Fields.CURRENT_REJECTED, version.publicId);
        });
        version.attributes = modified(version.attributes, caller);
        return store.handOver(locked, PENDING_APPROVAL, HandOver.refuse(holder -> ErrorCodes.rule(
                ErrorCodes.ILLEGAL_TRANSITION, "Version " + holder.publicId + " of this workflow is already pending approval")),
                caller.actor());
    }

    private Uni<WorkflowVersion> activate(LockedVersion locked, Principal caller) {
        WorkflowVersion version = locked.version();
        requireState(version, Set.of(NOT_ACTIVATED), "activated");
        updateBookkeeping(locked.workflow(), caller, w -> {
            w.put(Fields.VERSION_ID, version.publicId);
            w.put(Fields.VERSION, version.label == null ? "" : version.label);
        });
        version.attributes = modified(version.attributes, caller);
        return store.handOver(locked, ACTIVATED, HandOver.moveTo(NOT_ACTIVATED), caller.actor());
    }

    private Uni<WorkflowVersion> deactivate(LockedVersion locked, Principal caller) {
        WorkflowVersion version = locked.version();
        requireState(version, Set.of(ACTIVATED), "deactivated");
        if (locked.workflow().attributes.path(Fields.ENABLED).asBoolean(false)) {
            throw ErrorCodes.rule(ErrorCodes.ILLEGAL_TRANSITION,
                    "The activated version of an enabled workflow cannot be deactivated; disable the workflow first");
        }
        updateBookkeeping(locked.workflow(), caller, w -> {
            w.put(Fields.VERSION_ID, "");
            w.put(Fields.VERSION, "");
        });
        version.attributes = modified(version.attributes, caller);
        return store.changeState(version, NOT_ACTIVATED, false, caller.actor());
    }

    // ---- internals ------------------------------------------------------------------------------------------


    private static void requireState(WorkflowVersion version, Set<String> allowed, String action) {
        if (!allowed.contains(version.state)) {
            throw ErrorCodes.rule(ErrorCodes.ILLEGAL_TRANSITION,
                    "A version in status " + version.state + " cannot be " + action);
        }
    }

    private void updateBookkeeping(Workflow workflow, Principal caller, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode a = workflow.attributes.deepCopy();
        change.accept(a);
        workflow.attributes = a;
        store.touch(workflow, caller.actor());
    }

    private static ObjectNode modified(com.fasterxml.jackson.databind.JsonNode attributes, Principal caller) {
        ObjectNode a = attributes.deepCopy();
        a.put(Fields.MODIFIER_ID, Ids.userId(caller));
        a.put(Fields.MODIFIER_NAME, Ids.userName(caller));
        return a;
    }

    private static void clearIfNames(ObjectNode workflowAttributes, String field, String versionId) {
        if (versionId.equals(workflowAttributes.path(field).asText())) {
            workflowAttributes.put(field, "");
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
