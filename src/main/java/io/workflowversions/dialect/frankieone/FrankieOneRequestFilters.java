package io.workflowversions.dialect.frankieone;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.workflowversions.dialect.frankieone.api.WorkflowDefinitionsApi;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.http.FieldIssue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * What happens to a FrankieOne request before its resource method runs: media types are settled (a body without
 * {@code Content-Type} is JSON, answers are always JSON) and the query parameters are checked, so that every
 * mistake gets the contract's answer. Authentication is {@link ApiKeyMechanism}'s.
 */
@ApplicationScoped
public class FrankieOneRequestFilters {

    static final String DIALECT = "frankieone";
    static final String API_KEY = "api_key";
    static final String CUSTOMER_ID = "X-Frankie-CustomerID";
    static final String CUSTOMER_CHILD_ID = "X-Frankie-CustomerChildID";

    static final String INVALID_PAGING = "Invalid limit or page parameter";
    static final String INVALID_SORT_FIELD = "Invalid sortField";
    static final Set<String> SORT_FIELDS = Set.of("id", "name", "createdAt", "updatedAt");
    static final int MAX_LIMIT = 100;

    // ---- media types, before routing ------------------------------------------------------------------------

    void mediaTypes(@Observes Filters filters) {
        filters.register(this::settleMediaTypes, 900);
    }

    /**
     * A body without {@code Content-Type} is read as JSON and any JSON type ({@code application/json; charset=...},
     * {@code application/*+json}) counts as JSON; another type still reaches the routing and is refused there (in
     * this API's envelope, as a 400). The answer is JSON whatever {@code Accept} says.
     */
    private void settleMediaTypes(RoutingContext context) {
        if (!FrankieOneErrorEnvelope.owns(context.request().path())) {
            context.next();
            return;
        }
        var headers = context.request().headers();
        HttpMethod method = context.request().method();
        if (method == HttpMethod.PUT || method == HttpMethod.POST || method == HttpMethod.PATCH) {
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            if (type == null || type.isBlank() || isJson(type)) {
                headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
            }
        }
        headers.set(HttpHeaders.ACCEPT, "application/json");
        context.next();
    }

    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    // ---- query parameters -----------------------------------------------------------------------------------

    /**
     * Query values are checked here, before the framework converts them (it would answer a non-integer with 404), so
     * that each one is a 400 naming the parameter, with the vendor's texts for paging and sorting.
     */
    @ServerRequestFilter(priority = Priorities.USER)
    public void checkQuery(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (!ours(resource)) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        switch (resource.getMethodName()) {
            case "listWorkflowDefinitions" -> {
                positive(query, "page", Integer.MAX_VALUE);
                positive(query, "limit", MAX_LIMIT);
                String sort = query.getFirst("sort");
                if (sort != null && !sort.equals("asc") && !sort.equals("desc")) {
                    throw invalid("sort", "Invalid sort parameter: use asc or desc");
                }
                String sortFields = query.getFirst("sortFields");
                if (sortFields != null && !validSortFields(sortFields)) {
                    throw invalid("sortFields", INVALID_SORT_FIELD);
                }
            }
            case "getWorkflowDefinition" -> {
                String version = query.getFirst("version");
                if (version != null && parseInt(version) == null) {
                    throw invalid("version", "Invalid version parameter: use -1 for the draft or a version number");
                }
            }
            default -> {
            }
        }
    }

    private static void positive(MultivaluedMap<String, String> query, String name, int max) {
        String value = query.getFirst(name);
        if (value == null) {
            return;
        }
        Integer number = parseInt(value);
        if (number == null || number < 1 || number > max) {
            throw invalid(name, INVALID_PAGING);
        }
    }

    static boolean validSortFields(String value) {
        return Arrays.stream(value.split(",", -1)).allMatch(SORT_FIELDS::contains);
    }

    private static Integer parseInt(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static ApiException invalid(String location, String issue) {
        return new ApiException(new Failure(FailureKind.INVALID_INPUT, FrankieOneErrorEnvelope.VALIDATION,
                location + ": " + issue, java.util.List.of(new FieldIssue(location, issue))));
    }

    private static boolean ours(SimpleResourceInfo resource) {
        return resource != null && resource.getResourceClass() != null
                && WorkflowDefinitionsApi.class.isAssignableFrom(resource.getResourceClass());
    }
}
