package io.workflowversions.dialect.fortanix;

import io.smallrye.mutiny.Uni;
import io.workflowversions.dialect.fortanix.api.DraftWorkflowsApi;
import io.workflowversions.dialect.fortanix.api.model.CreateWorkflowGraph;
import io.workflowversions.dialect.fortanix.api.model.GetAllWorkflowGraphsResponse;
import io.workflowversions.dialect.fortanix.api.model.UpdateWorkflowGraph;
import io.workflowversions.dialect.fortanix.api.model.WorkflowGraph;
import io.workflowversions.security.Caller;
import io.workflowversions.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** D1–D5. The auth filter has already checked the token, the role and a foreign {@code acct_id}. */
@Cancellable(false)
@RolesAllowed(Roles.READ)
public class DraftWorkflowsResource implements DraftWorkflowsApi {

    private final DraftGraphs drafts;
    private final Caller caller;

    DraftWorkflowsResource(DraftGraphs drafts, Caller caller) {
        this.drafts = drafts;
        this.caller = caller;
    }

    @Override
    public Uni<RestResponse<GetAllWorkflowGraphsResponse>> getAllWorkflowGraphs(String name, String description,
            String allSearch, UUID parentGraphId, String project, String filter, String sortBy, Integer limit,
            Integer offset) {
        return drafts.list(caller.principal(), name, description, allSearch, parentGraphId, project, filter, sortBy,
                limit, offset).map(RestResponse::ok);
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<WorkflowGraph>> createWorkflowGraph(CreateWorkflowGraph body) {
        return drafts.create(caller.principal(), body).map(RestResponse::ok);
    }

    @Override
    public Uni<RestResponse<WorkflowGraph>> getWorkflowGraph(UUID graphId, UUID acctId) {
        return drafts.get(caller.principal(), graphId).map(RestResponse::ok);
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<WorkflowGraph>> updateWorkflowGraph(UUID graphId, UpdateWorkflowGraph body, UUID acctId) {
        return drafts.update(caller.principal(), graphId, body).map(RestResponse::ok);
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<Void>> deleteWorkflowGraph(UUID graphId) {
        return drafts.delete(caller.principal(), graphId).replaceWith(RestResponse.noContent());
    }
}
