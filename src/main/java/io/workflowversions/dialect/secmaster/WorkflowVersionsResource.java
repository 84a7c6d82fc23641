package io.workflowversions.dialect.secmaster;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.dialect.secmaster.api.WorkflowVersionsApi;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionInfo;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionResponseBody;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowVersionStatus;
import io.workflowversions.dialect.secmaster.api.model.AopworkflowVersionValidateRes;
import io.workflowversions.dialect.secmaster.api.model.CreateAopWorkflowVersionApprovelInfo;
import io.workflowversions.dialect.secmaster.api.model.CreateAopWorkflowVersionApprovelResponseBody;
import io.workflowversions.dialect.secmaster.api.model.CreateAopWorkflowVersionInfo;
import io.workflowversions.dialect.secmaster.api.model.ListAopWorkflowVersionsResponseBody;
import io.workflowversions.dialect.secmaster.api.model.ModifyAopWorkflowVersionInfo;
import io.workflowversions.dialect.secmaster.api.model.ValidateAopWorkflowVersionResponseBody;
import io.workflowversions.dialect.secmaster.api.model.ValidationMode;
import io.workflowversions.dialect.secmaster.api.model.WorkflowApproveOpinionDetail;
import io.workflowversions.dialect.secmaster.api.model.WorkflowValidationError;
import io.workflowversions.dialect.secmaster.api.model.WorkflowValidationResult;
import io.workflowversions.security.Caller;
import io.workflowversions.security.Roles;
import io.workflowversions.store.WorkflowVersion;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** V1-V7: versions, their state machine, review and topology validation. */
@SecmasterApiCall
@Cancellable(false)
@RolesAllowed(Roles.READ)
public class WorkflowVersionsResource implements WorkflowVersionsApi {

    private final SecmasterService service;
    private final Caller caller;
    private final HttpServerRequest request;

    WorkflowVersionsResource(SecmasterService service, Caller caller, HttpServerRequest request) {
        this.service = service;
        this.caller = caller;
        this.request = request;
    }

    @Override
    public Uni<RestResponse<ListAopWorkflowVersionsResponseBody>> listAopWorkflowVersions(String projectId,
            String workspaceId, String workflowId, AopWorkflowVersionStatus status) {
        String requestId = RequestIds.of(request);
        return service.listVersions(SecmasterService.scope(projectId, workspaceId), workflowId,
                        status == null ? null : status.toString())
                .map(versions -> WorkflowsResource.ok(new ListAopWorkflowVersionsResponseBody()
                        .code(Secmaster.SUCCESS).message("").success(true).requestId(requestId)
                        .total(versions.size()).offset(0).limit(versions.size()).size(versions.size()).page(1)
                        .data(versions.stream().map(Views::version).toList()), requestId));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<AopWorkflowVersionResponseBody>> createAopWorkflowVersion(String projectId,
            String workspaceId, String workflowId, CreateAopWorkflowVersionInfo body) {
        return answer(service.createVersion(SecmasterService.scope(projectId, workspaceId), workflowId, body,
                caller.principal()));
    }

    @Override
    public Uni<RestResponse<AopWorkflowVersionResponseBody>> showAopWorkflowVersion(String projectId,
            String workspaceId, String versionId) {
        return answerView(service.version(SecmasterService.scope(projectId, workspaceId), versionId));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<AopWorkflowVersionResponseBody>> updateAopWorkflowVersion(String projectId,
            String workspaceId, String versionId, ModifyAopWorkflowVersionInfo body) {
        return answer(service.updateVersion(SecmasterService.scope(projectId, workspaceId), versionId, body,
                caller.principal()));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<AopWorkflowVersionResponseBody>> deleteAopWorkflowVersion(String projectId,
            String workspaceId, String versionId) {
        return answer(service.deleteVersion(SecmasterService.scope(projectId, workspaceId), versionId, caller.principal()));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<CreateAopWorkflowVersionApprovelResponseBody>> createAopWorkflowVersionApprovel(
            String projectId, String workspaceId, String versionId, CreateAopWorkflowVersionApprovelInfo body) {
        String requestId = RequestIds.of(request);
        return service.review(SecmasterService.scope(projectId, workspaceId), versionId, body, caller.principal())
                .map(v -> WorkflowsResource.ok(new CreateAopWorkflowVersionApprovelResponseBody()
                        .code(Secmaster.SUCCESS).message("")
                        .data(new WorkflowApproveOpinionDetail().result(body.getResult()).content(body.getContent())),
                        requestId));
    }

    @Override
    public Uni<RestResponse<ValidateAopWorkflowVersionResponseBody>> validateAopWorkflowVersion(String projectId,
            String workspaceId, AopworkflowVersionValidateRes body) {
        String requestId = RequestIds.of(request);
        List<WorkflowValidationError> errors = Topology.check(Topology.decode("taskflow", body.getTaskflow()),
                body.getMode() == ValidationMode.CIRCLE);
        return Uni.createFrom().item(WorkflowsResource.ok(new ValidateAopWorkflowVersionResponseBody()
                .code(Secmaster.SUCCESS).message("").success(true).requestId(requestId)
                .data(new WorkflowValidationResult().result(errors.isEmpty()).detail(detail(errors)).errors(errors)),
                requestId));
    }

    /** The findings as the vendor's {@code detail} string: one line each, {@code <check> [<element id>]: <message>}. */
    static String detail(List<WorkflowValidationError> errors) {
        return errors.stream()
                .map(e -> e.getCheck() + (e.getElementId() == null || e.getElementId().isEmpty() ? "" : " " + e.getElementId())
                        + ": " + e.getMessage())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private Uni<RestResponse<AopWorkflowVersionResponseBody>> answer(Uni<WorkflowVersion> version) {
        return answerView(version.map(Views::version));
    }

    private Uni<RestResponse<AopWorkflowVersionResponseBody>> answerView(Uni<AopWorkflowVersionInfo> view) {
        String requestId = RequestIds.of(request);
        return view.map(v -> WorkflowsResource.ok(new AopWorkflowVersionResponseBody().code(Secmaster.SUCCESS)
                .message("").success(true).requestId(requestId).data(v), requestId));
    }
}
