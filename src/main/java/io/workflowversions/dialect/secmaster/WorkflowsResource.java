package io.workflowversions.dialect.secmaster;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.dialect.secmaster.api.WorkflowsApi;
import io.workflowversions.dialect.secmaster.api.model.AopType;
import io.workflowversions.dialect.secmaster.api.model.AopWorkflowResponseBody;
import io.workflowversions.dialect.secmaster.api.model.CreateAopWorkflowInfo;
import io.workflowversions.dialect.secmaster.api.model.ListWorkflowsResponseBody;
import io.workflowversions.dialect.secmaster.api.model.ModifyAopWorkflowInfo;
import io.workflowversions.dialect.secmaster.api.model.SortOrder;
import io.workflowversions.dialect.secmaster.api.model.WorkflowSortBy;
import io.workflowversions.security.Caller;
import io.workflowversions.security.Roles;
import io.workflowversions.store.PageRequest;
import io.workflowversions.store.Workflow;
import io.workflowversions.store.WorkflowSearch;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** W1-W5: workflows. */
@SecmasterApiCall
@Cancellable(false)
@RolesAllowed(Roles.READ)
public class WorkflowsResource implements WorkflowsApi {

    private final SecmasterService service;
    private final Caller caller;
    private final HttpServerRequest request;

    WorkflowsResource(SecmasterService service, Caller caller, HttpServerRequest request) {
        this.service = service;
        this.caller = caller;
        this.request = request;
    }

    @Override
    public Uni<RestResponse<ListWorkflowsResponseBody>> listWorkflows(String projectId, String workspaceId, Integer offset,
            Integer limit, SortOrder order, WorkflowSortBy sortby, Boolean enabled, String name, String description,
            String dataclassId, String dataclassName, AopType aopType, Boolean lastVersion) {
        int from = offset == null ? 0 : offset;
        int size = limit == null ? 10 : limit;
        // Matched by containment on the stored attributes (Stored.WorkflowFields), under their field names.
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        if (enabled != null) {
            attributes.put("enabled", enabled);
        }
        if (dataclassId != null) {
            attributes.put("dataclass_id", dataclassId);
        }
        if (dataclassName != null) {
            attributes.put("dataclass_name", dataclassName);
        }
        if (aopType != null) {
            attributes.put("aop_type", aopType.toString());
        }
        WorkflowSearch.SortField field = sortby == WorkflowSortBy.UPDATE_TIME
                ? WorkflowSearch.SortField.UPDATED_AT : WorkflowSearch.SortField.CREATED_AT;
        WorkflowSearch query = new WorkflowSearch(name, description, null,
                attributes.isEmpty() ? List.of() : List.of(attributes), List.of(),
                List.of(new WorkflowSearch.SortKey(field, order != SortOrder.ASC)));
        String requestId = RequestIds.of(request);
        return service.listWorkflows(SecmasterService.scope(projectId, workspaceId), query, new PageRequest(from, size))
                .map(page -> {
                    int total = (int) Math.min(page.total(), Integer.MAX_VALUE);
                    ListWorkflowsResponseBody body = new ListWorkflowsResponseBody()
                            .code(Secmaster.SUCCESS).message("").success(true).requestId(requestId)
                            .total(total).offset(from).limit(size).size(page.items().size())
                            .page(Math.max(1, (total + size - 1) / size))
                            .data(page.items().stream().map(Views::workflow).toList());
                    return ok(body, requestId);
                });
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<AopWorkflowResponseBody>> createAopWorkflow(String projectId, String workspaceId,
            CreateAopWorkflowInfo body) {
        return answer(service.createWorkflow(SecmasterService.scope(projectId, workspaceId), body, caller.principal()));
    }

    @Override
    public Uni<RestResponse<AopWorkflowResponseBody>> showAopWorkflow(String projectId, String workspaceId, String workflowId) {
        return answer(service.workflow(SecmasterService.scope(projectId, workspaceId), workflowId));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<AopWorkflowResponseBody>> updateAopWorkflow(String projectId, String workspaceId,
            String workflowId, ModifyAopWorkflowInfo body) {
        return answer(service.updateWorkflow(SecmasterService.scope(projectId, workspaceId), workflowId, body,
                caller.principal()));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<AopWorkflowResponseBody>> deleteAopWorkflow(String projectId, String workspaceId,
            String workflowId) {
        return answer(service.deleteWorkflow(SecmasterService.scope(projectId, workspaceId), workflowId));
    }

    private Uni<RestResponse<AopWorkflowResponseBody>> answer(Uni<Workflow> workflow) {
        String requestId = RequestIds.of(request);
        return workflow.map(w -> ok(new AopWorkflowResponseBody().code(Secmaster.SUCCESS).message("").success(true)
                .requestId(requestId).data(Views.workflow(w)), requestId));
    }

    static <T> RestResponse<T> ok(T body, String requestId) {
        return RestResponse.ResponseBuilder.ok(body).header(RequestIds.RESPONSE_HEADER, requestId).build();
    }
}
