package io.workflowversions.dialect.patchworks;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.dialect.patchworks.api.FlowsApi;
import io.workflowversions.dialect.patchworks.api.model.FlowCreateRequest;
import io.workflowversions.dialect.patchworks.api.model.FlowPage;
import io.workflowversions.dialect.patchworks.api.model.FlowResponse;
import io.workflowversions.dialect.patchworks.api.model.MessageResponse;
import io.workflowversions.security.Caller;
import io.workflowversions.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The minimal flows: create, list, get, delete (with everything in them). */
@Cancellable(false)
@RolesAllowed(Roles.READ)
public class FlowsResource implements FlowsApi {

    private final FlowVersioning flows;
    private final Caller caller;
    private final HttpServerRequest request;

    FlowsResource(FlowVersioning flows, Caller caller, HttpServerRequest request) {
        this.flows = flows;
        this.caller = caller;
        this.request = request;
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<FlowResponse>> createFlow(FlowCreateRequest body) {
        String description = body.getDescription();
        return flows.createFlow(caller.principal(), body.getName().trim(),
                        description == null || description.isBlank() ? null : description)
                .map(flow -> RestResponse.status(RestResponse.Status.CREATED, new FlowResponse().data(Views.flow(flow))));
    }

    @Override
    public Uni<RestResponse<FlowPage>> listFlows(Integer page, Integer perPage) {
        return flows.listFlows(caller.principal(), Paginator.request(page, perPage))
                .map(result -> RestResponse.ok(new FlowPage()
                        .data(result.items().stream().map(Views::flow).toList())
                        .links(Paginator.links(result, page, request))
                        .meta(Paginator.meta(result, page, request))));
    }

    @Override
    public Uni<RestResponse<FlowResponse>> getFlow(Long flow) {
        return flows.getFlow(caller.principal(), flow)
                .map(found -> RestResponse.ok(new FlowResponse().data(Views.flow(found))));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<MessageResponse>> deleteFlow(Long flow) {
        return flows.deleteFlow(caller.principal(), flow)
                .replaceWith(RestResponse.ok(new MessageResponse().message("Flow deleted.")));
    }
}
