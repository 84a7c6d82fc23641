package io.workflowversions.dialect.secmaster;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionAction;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionInfo;
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
import java.util.function.Consumer;

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
        Stored.WorkflowFields a = new Stored.WorkflowFields();
        a.creatorId = Ids.userId(caller);
        a.creatorName = Ids.userName(caller);
        a.aopType = body.getAopType().toString();
        a.engineType = body.getEngineType().toString();
        a.dataclassId = body.getDataclassId();
        a.labels = or(body.getLabels(), "");
        return store.createWorkflow(scope, new NewWorkflow(Secmaster.KIND, UUID.randomUUID().toString(), body.getName(),
                or(body.getDescription(), ""), Stored.json(a), caller.actor()));
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
                    if (holder.filter(activated -> activated.publicId.equals(body.getVersionId())).isEmpty()) {
                        throw ErrorCodes.rule(ErrorCodes.ENABLE_NEEDS_ACTIVATED,
                                "A workflow can only be enabled with the version_id of its activated version");
                    }
                }).replaceWithVoid();
            }
            return enabling.map(ignored -> {
                workflow.name = or(body.getName(), workflow.name);
                workflow.description = or(body.getDescription(), workflow.description);
                Stored.WorkflowFields a = modified(Stored.fields(workflow), caller);
                a.labels = or(body.getLabels(), a.labels);
                a.enabled = body.getEnabled() == null ? a.enabled : body.getEnabled();
                workflow.attributes = Stored.json(a);
                return store.touch(workflow, caller.actor());
            });
        });
    }

    /** Deletes the workflow with its versions; an enabled workflow must be disabled first. */
    @WithTransaction
    public Uni<Workflow> deleteWorkflow(TenantScope scope, String workflowId) {
        return store.lockWorkflow(scope, Secmaster.KIND, workflowId).flatMap(workflow -> {
            if (Stored.fields(workflow).enabled) {
                throw ErrorCodes.rule(ErrorCodes.ILLEGAL_TRANSITION, "An enabled workflow cannot be deleted; disable it first");
            }
            return store.deleteWorkflow(workflow).replaceWith(workflow);
        });
    }

    // ---- versions -------------------------------------------------------------------------------------------

    /**
     * A new version takes no number and no exclusive state, so it is added in the one statement that finds its
     * workflow, which is neither read nor locked first: version creates of one workflow do not wait for each other.
     * A workflow deleted meanwhile answers as not found.
     */
    public Uni<WorkflowVersion> createVersion(TenantScope scope, String workflowId, CreateAopWorkflowVersionInfo body,
            Principal caller) {
        Topology.requireJson("taskflow", body.getTaskflow());
        Stored.VersionContent content = new Stored.VersionContent();
        content.taskconfig = body.getTaskconfig();
        content.taskflow = body.getTaskflow();
        content.taskflowType = body.getTaskflowType().toString();
        content.aopType = body.getAopType().toString();
        content.input = or(body.getInput(), "");
        content.output = or(body.getOutput(), "");
        Stored.VersionFields a = new Stored.VersionFields();
        a.name = body.getName();
        a.description = or(body.getDescription(), "");
        a.aopworkflowId = workflowId;
        a.projectId = scope.tenant();
        a.workspaceId = scope.subTenant();
        a.creatorId = Ids.userId(caller);
        a.creatorName = Ids.userName(caller);
        return store.addVersion(scope, Secmaster.KIND, workflowId, NewVersion.unnumbered(PENDING_SUBMIT, caller.actor())
                .withContent(Stored.json(content)).withAttributes(Stored.json(a)));
    }

    /** A version as a read answers it (shared with other reads: never change it). */
    public Uni<AopWorkflowVersionInfo> version(TenantScope scope, String versionId) {
        return store.readVersion(scope, versionId, Views::version);
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
        Stored.VersionFields a = Stored.fields(version);
        Stored.VersionContent c = Stored.content(version);
        boolean same = or(body.getName(), a.name).equals(a.name)
                && or(body.getDescription(), a.description).equals(a.description)
                && or(body.getTaskconfig(), c.taskconfig).equals(c.taskconfig)
                && or(body.getTaskflow(), c.taskflow).equals(c.taskflow)
                && or(body.getTaskflowType(), c.taskflowType).equals(c.taskflowType)
                && or(body.getAopType(), c.aopType).equals(c.aopType)
                && or(body.getInput(), c.input).equals(c.input)
                && or(body.getOutput(), c.output).equals(c.output);
        if (!same) {
            throw ErrorCodes.rule(ErrorCodes.STATUS_WITH_CONTENT, "A version in status " + version.state
                    + " cannot be edited; content fields of an activation or deactivation must equal the stored ones");
        }
        return Uni.createFrom().item(version);
    }

    /** V6: PASS publishes the version (not activated), UN_PASS rejects it. */
    @WithTransaction
    public Uni<WorkflowVersion> review(TenantScope scope, String versionId, CreateAopWorkflowVersionApprovelInfo body,
            Principal caller) {
        return store.lockVersion(scope, versionId).flatMap(locked -> {
            WorkflowVersion version = requireState(locked, Set.of(PENDING_APPROVAL), "reviewed");
            boolean pass = body.getResult() == ApprovalResult.PASS;
            Stored.VersionFields a = modified(Stored.fields(version), caller);
            a.review = new Stored.Review(body.getResult().toString(), body.getContent());
            version.attributes = Stored.json(a);
            updateBookkeeping(locked.workflow(), caller, w -> {
                w.currentApprovalVersionId = cleared(w.currentApprovalVersionId, version.publicId);
                if (!pass) {
                    w.currentRejectedVersionId = version.publicId;
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
                w.currentApprovalVersionId = cleared(w.currentApprovalVersionId, version.publicId);
                w.currentRejectedVersionId = cleared(w.currentRejectedVersionId, version.publicId);
            });
            return store.deleteVersion(version).replaceWith(version);
        });
    }

    // ---- the state machine ----------------------------------------------------------------------------------

    private Uni<WorkflowVersion> edit(LockedVersion locked, ModifyAopWorkflowVersionInfo body, Principal caller) {
        WorkflowVersion version = requireState(locked, EDITABLE, "edited");
        Stored.VersionContent c = Stored.content(version);
        c.taskconfig = or(body.getTaskconfig(), c.taskconfig);
        c.taskflow = or(body.getTaskflow(), c.taskflow);
        c.taskflowType = or(body.getTaskflowType(), c.taskflowType);
        c.aopType = or(body.getAopType(), c.aopType);
        c.input = or(body.getInput(), c.input);
        c.output = or(body.getOutput(), c.output);
        Stored.VersionFields a = modified(Stored.fields(version), caller);
        a.name = or(body.getName(), a.name);
        a.description = or(body.getDescription(), a.description);
        version.content = Stored.json(c);
        version.attributes = Stored.json(a);
        version.recordChange(caller.actor());
        return Uni.createFrom().item(version);
    }

    private Uni<WorkflowVersion> submit(LockedVersion locked, Principal caller) {
        WorkflowVersion version = requireState(locked, EDITABLE, "submitted");
        // A refused hand-over fails the request, and its transaction takes these changes back with it.
        updateBookkeeping(locked.workflow(), caller, w -> {
            if (version.label == null) {
                w.labelCounter++;
                version.number = w.labelCounter;
                version.label = "V" + w.labelCounter;
            }
            w.currentApprovalVersionId = version.publicId;
            w.currentRejectedVersionId = cleared(w.currentRejectedVersionId, version.publicId);
        });
        version.attributes = Stored.json(modified(Stored.fields(version), caller));
        return store.handOver(locked, PENDING_APPROVAL, HandOver.refuse(holder -> ErrorCodes.rule(
                ErrorCodes.ILLEGAL_TRANSITION, "Version " + holder.publicId + " of this workflow is already pending approval")),
                caller.actor());
    }

    private Uni<WorkflowVersion> activate(LockedVersion locked, Principal caller) {
        WorkflowVersion version = requireState(locked, Set.of(NOT_ACTIVATED), "activated");
        updateBookkeeping(locked.workflow(), caller, w -> {
            w.versionId = version.publicId;
            w.version = or(version.label, "");
        });
        version.attributes = Stored.json(modified(Stored.fields(version), caller));
        return store.handOver(locked, ACTIVATED, HandOver.moveTo(NOT_ACTIVATED), caller.actor());
    }

    private Uni<WorkflowVersion> deactivate(LockedVersion locked, Principal caller) {
        WorkflowVersion version = requireState(locked, Set.of(ACTIVATED), "deactivated");
        if (Stored.fields(locked.workflow()).enabled) {
            throw ErrorCodes.rule(ErrorCodes.ILLEGAL_TRANSITION,
                    "The activated version of an enabled workflow cannot be deactivated; disable the workflow first");
        }
        updateBookkeeping(locked.workflow(), caller, w -> {
            w.versionId = "";
            w.version = "";
        });
        version.attributes = Stored.json(modified(Stored.fields(version), caller));
        return store.changeState(version, NOT_ACTIVATED, false, caller.actor());
    }

    // ---- internals ------------------------------------------------------------------------------------------

    /** The locked version, when its state allows the action. */
    private static WorkflowVersion requireState(LockedVersion locked, Set<String> allowed, String action) {
        WorkflowVersion version = locked.version();
        if (!allowed.contains(version.state)) {
            throw ErrorCodes.rule(ErrorCodes.ILLEGAL_TRANSITION,
                    "A version in status " + version.state + " cannot be " + action);
        }
        return version;
    }

    private void updateBookkeeping(Workflow workflow, Principal caller, Consumer<Stored.WorkflowFields> change) {
        Stored.WorkflowFields a = Stored.fields(workflow);
        change.accept(a);
        workflow.attributes = Stored.json(a);
        store.touch(workflow, caller.actor());
    }

    private static <F extends Stored.SharedFields> F modified(F fields, Principal caller) {
        fields.modifierId = Ids.userId(caller);
        fields.modifierName = Ids.userName(caller);
        return fields;
    }

    private static String cleared(String field, String versionId) {
        return versionId.equals(field) ? "" : field;
    }

    /** What a request sent for a field (an enum as its text), else the stored value. */
    private static String or(Object sent, String stored) {
        return sent == null ? stored : sent.toString();
    }
}
