package io.workflowversions.dialect.patchworks;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.dialect.patchworks.api.FlowVersionsApi;
import io.workflowversions.dialect.patchworks.api.model.FlowVersionPage;
import io.workflowversions.dialect.patchworks.api.model.FlowVersionResponse;
import io.workflowversions.dialect.patchworks.api.model.MessageResponse;
import io.workflowversions.dialect.patchworks.api.model.UploadResponse;
import io.workflowversions.security.Caller;
import io.workflowversions.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Flow versions: list, create, get, deploy/un-deploy, delete, copy, and upload to the marketplace. */
@Cancellable(false)
@RolesAllowed(Roles.READ)
public class FlowVersionsResource implements FlowVersionsApi {

    /** Sort names of the API to properties of the store's versions. */
    private static final Map<String, String> SORTS = Map.of("id", "id", "created_at", "createdAt");

    private final FlowVersioning flows;
    private final Caller caller;
    private final HttpServerRequest request;

    FlowVersionsResource(FlowVersioning flows, Caller caller, HttpServerRequest request) {
        this.flows = flows;
        this.caller = caller;
        this.request = request;
    }

    @Override
    public Uni<RestResponse<FlowVersionPage>> listFlowVersions(Long flow, String filterStatus, String sort, Integer page,
            Integer perPage) {
        return flows.listVersions(caller.principal(), flow, QueryRules.items(filterStatus),
                        Sorting.of(sort, SORTS, Sort.by("id")), Paginator.request(page, perPage))
                .map(result -> RestResponse.ok(new FlowVersionPage()
                        .data(result.page().items().stream()
                                .map(v -> Views.version(result.flow(), v, result.iteration(v))).toList())
                        .links(Paginator.links(result.page(), page, request))
                        .meta(Paginator.meta(result.page(), page, request))));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<FlowVersionResponse>> createFlowVersion(Long flow) {
        return flows.createVersion(caller.principal(), flow)
                .map(created -> RestResponse.status(RestResponse.Status.CREATED,
                        new FlowVersionResponse().data(Views.version(created))));
    }

    @Override
    public Uni<RestResponse<FlowVersionResponse>> getFlowVersion(Long flow, Long version) {
        return flows.getVersion(caller.principal(), flow, version)
                .map(found -> RestResponse.ok(new FlowVersionResponse().data(Views.version(found))));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<FlowVersionResponse>> updateFlowVersion(Long flow, Long version, JsonNode body) {
        return flows.updateVersion(caller.principal(), flow, version, Bodies.object(body))
                .map(updated -> RestResponse.ok(new FlowVersionResponse().data(Views.version(updated))));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<MessageResponse>> deleteFlowVersion(Long flow, Long version) {
        return flows.deleteVersion(caller.principal(), flow, version)
                .replaceWith(RestResponse.ok(new MessageResponse().message("Flow version deleted.")));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<FlowVersionResponse>> copyFlowVersion(Long flow, Long version) {
        return flows.copyVersion(caller.principal(), flow, version)
                .map(copy -> RestResponse.status(RestResponse.Status.CREATED,
                        new FlowVersionResponse().data(Views.version(copy))));
    }

    @Override
    public Uni<RestResponse<UploadResponse>> uploadFlowVersion(Long flowVersion, JsonNode body) {
        // The role is checked after the id, inside: 404 comes before 403, as the vendor answers.
        return flows.upload(caller.principal(), flowVersion, Bodies.object(body))
                .map(upload -> RestResponse.ok(new UploadResponse().data(Views.upload(upload, flowVersion))));
    }
}
