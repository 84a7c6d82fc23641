package io.workflowversions.dialect.patchworks;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.dialect.patchworks.api.MetricsApi;
import io.workflowversions.dialect.patchworks.api.model.VersionMetricPage;
import io.workflowversions.security.Caller;
import io.workflowversions.security.Roles;
import io.workflowversions.store.MetricQuery;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** Read-only metrics of a flow's versions, with filters, sorting and paging. */
@Cancellable(false)
@RolesAllowed(Roles.READ)
public class MetricsResource implements MetricsApi {

    private static final Map<String, String> SORTS = Map.of("interval_start", "intervalStart", "value", "measuredValue");

    private final FlowVersioning flows;
    private final Caller caller;
    private final HttpServerRequest request;

    MetricsResource(FlowVersioning flows, Caller caller, HttpServerRequest request) {
        this.flows = flows;
        this.caller = caller;
        this.request = request;
    }

    @Override
    public Uni<RestResponse<VersionMetricPage>> listFlowVersionMetrics(Long flow, String filterType, String filterKey,
            String filterIntervalStart, String filterIntervalEnd, String sort, Integer page, Integer perPage) {
        MetricQuery query = new MetricQuery(new LinkedHashSet<>(QueryRules.items(filterType)),
                new LinkedHashSet<>(QueryRules.items(filterKey)),
                bound("interval_start", filterIntervalStart), bound("interval_end", filterIntervalEnd));
        return flows.listMetrics(caller.principal(), flow, query, Sorting.of(sort, SORTS, Sort.by("intervalStart")),
                        Paginator.request(page, perPage))
                .map(result -> RestResponse.ok(new VersionMetricPage()
                        .data(result.page().items().stream()
                                .map(m -> Views.metric(m, result.publicIds().get(m.versionId))).toList())
                        .links(Paginator.links(result.page(), page, request))
                        .meta(Paginator.meta(result.page(), page, request))));
    }

    /** A date filter: null when absent or empty; 400 when it is not a date. */
    private static Instant bound(String filter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return LaravelTime.parse(value).orElseThrow(() -> Problems.badQuery(
                "The filter[" + filter + "] value `" + value + "` is not a valid date."));
    }
}
