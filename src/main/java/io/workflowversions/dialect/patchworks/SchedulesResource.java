package io.workflowversions.dialect.patchworks;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.dialect.patchworks.api.SchedulesApi;
import io.workflowversions.dialect.patchworks.api.model.MessageResponse;
import io.workflowversions.dialect.patchworks.api.model.SchedulePage;
import io.workflowversions.dialect.patchworks.api.model.ScheduleResponse;
import io.workflowversions.security.Caller;
import io.workflowversions.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Cron schedules of a flow version. */
@Cancellable(false)
@RolesAllowed(Roles.READ)
public class SchedulesResource implements SchedulesApi {

    private final FlowVersioning flows;
    private final Caller caller;
    private final HttpServerRequest request;

    SchedulesResource(FlowVersioning flows, Caller caller, HttpServerRequest request) {
        this.flows = flows;
        this.caller = caller;
        this.request = request;
    }

    @Override
    public Uni<RestResponse<SchedulePage>> listFlowVersionSchedules(Long flowVersion, Integer page, Integer perPage) {
        return flows.listSchedules(caller.principal(), flowVersion, Paginator.request(page, perPage))
                .map(result -> RestResponse.ok(new SchedulePage()
                        .data(result.items().stream().map(s -> Views.schedule(s, flowVersion)).toList())
                        .links(Paginator.links(result, page, request))
                        .meta(Paginator.meta(result, page, request))));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<ScheduleResponse>> createFlowVersionSchedule(Long flowVersion, JsonNode body) {
        return flows.createSchedule(caller.principal(), flowVersion, Bodies.object(body))
                .map(created -> RestResponse.status(RestResponse.Status.CREATED,
                        new ScheduleResponse().data(Views.schedule(created, flowVersion))));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<ScheduleResponse>> updateFlowVersionSchedule(Long flowVersion, Long schedule,
            JsonNode body) {
        return flows.updateSchedule(caller.principal(), flowVersion, schedule, Bodies.object(body))
                .map(updated -> RestResponse.ok(new ScheduleResponse().data(Views.schedule(updated, flowVersion))));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<MessageResponse>> deleteFlowVersionSchedule(Long flowVersion, Long schedule) {
        return flows.deleteSchedule(caller.principal(), flowVersion, schedule)
                .replaceWith(RestResponse.ok(new MessageResponse().message("Flow version schedule deleted.")));
    }
}
