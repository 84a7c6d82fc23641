package io.workflowversions.dialect.fortanix;

import io.smallrye.mutiny.Uni;
import io.workflowversions.dialect.fortanix.api.FinalWorkflowsApi;
import io.workflowversions.dialect.fortanix.api.model.CreateFinalWorkflowGraph;
import io.workflowversions.dialect.fortanix.api.model.CreateWorkflowVersionRequest;
import io.workflowversions.dialect.fortanix.api.model.FinalWorkflow;
import io.workflowversions.dialect.fortanix.api.model.GetAllFinalWorkflowGraphsResponse;
import io.workflowversions.dialect.fortanix.api.model.UpdateFinalWorkflowNameRequest;
import io.workflowversions.dialect.fortanix.api.model.UpdateWorkflowVersionRequest;
import io.workflowversions.dialect.fortanix.api.model.VersionInFinalWorkflow;
import io.workflowversions.security.Caller;
import io.workflowversions.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** F1–F8. F2, F4 and F8 run at once: there is no quorum approval yet. */
@Cancellable(false)
@RolesAllowed(Roles.READ)
public class FinalWorkflowsResource implements FinalWorkflowsApi {

    private final FinalGraphs finals;
    private final Caller caller;

    FinalWorkflowsResource(FinalGraphs finals, Caller caller) {
        this.finals = finals;
        this.caller = caller;
    }

    @Override
    public Uni<RestResponse<GetAllFinalWorkflowGraphsResponse>> getAllFinalWorkflowGraphs(String name,
            String description, String project, String filter, String allSearch, String sortBy, Integer limit,
            Integer offset) {
        return finals.list(caller.principal(), name, description, project, filter, allSearch, sortBy, limit, offset)
                .map(RestResponse::ok);
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<FinalWorkflow>> createFinalWorkflowGraph(CreateFinalWorkflowGraph body) {
        return finals.create(caller.principal(), body).map(RestResponse::ok);
    }

    @Override
    public Uni<RestResponse<FinalWorkflow>> getFullFinalWorkflowGraph(UUID graphId, UUID acctId) {
        return finals.get(caller.principal(), graphId).map(RestResponse::ok);
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<VersionInFinalWorkflow>> updateFinalWorkflowGraph(UUID graphId,
            CreateWorkflowVersionRequest body) {
        return finals.addVersion(caller.principal(), graphId, body).map(RestResponse::ok);
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<FinalWorkflow>> updateFinalWorkflowGraphName(UUID graphId,
            UpdateFinalWorkflowNameRequest body) {
        return finals.rename(caller.principal(), graphId, body).map(RestResponse::ok);
    }

    @Override
    public Uni<RestResponse<VersionInFinalWorkflow>> getFinalWorkflowGraph(UUID graphId, String version, UUID acctId) {
        return finals.getVersion(caller.principal(), graphId, version).map(RestResponse::ok);
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<VersionInFinalWorkflow>> updateFinalWorkflowGraphRuntime(UUID graphId, String version,
            UpdateWorkflowVersionRequest body) {
        return finals.patchRuntime(caller.principal(), graphId, version, body).map(RestResponse::ok);
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<Void>> deleteFinalWorkflowGraph(UUID graphId, String version) {
        return finals.deleteVersion(caller.principal(), graphId, version).replaceWith(RestResponse.noContent());
    }
}
