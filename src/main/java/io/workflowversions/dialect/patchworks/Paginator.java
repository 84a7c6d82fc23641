package io.workflowversions.dialect.patchworks;

import io.vertx.core.http.HttpServerRequest;
import io.workflowversions.dialect.patchworks.api.model.PaginationLinks;
import io.workflowversions.dialect.patchworks.api.model.PaginationMeta;
import io.workflowversions.store.Page;
import io.workflowversions.store.PageRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Laravel's length-aware paginator: {@code links} keep the caller's other query parameters, {@code meta.path} is
 * the endpoint URL without a query, {@code from}/{@code to} are null on an empty page.
 */
final class Paginator {

    private Paginator() {
    }

    static PageRequest request(Integer page, Integer perPage) {
        int size = perPage == null ? QueryRules.DEFAULT_PER_PAGE : perPage;
        return PageRequest.ofPage(page == null ? 1 : page, size);
    }

    static PaginationMeta meta(Page<?> page, Integer requestedPage, HttpServerRequest request) {
        int current = requestedPage == null ? 1 : requestedPage;
        boolean empty = page.items().isEmpty();
        return new PaginationMeta()
                .currentPage(current)
                .from(empty ? null : page.request().offset() + 1)
                .lastPage(lastPage(page))
                .path(URI.create(path(request)))
                .perPage(page.request().limit())
                .to(empty ? null : page.request().offset() + page.items().size())
                .total(page.total());
    }

    static PaginationLinks links(Page<?> page, Integer requestedPage, HttpServerRequest request) {
        int current = requestedPage == null ? 1 : requestedPage;
        int last = lastPage(page);
        return new PaginationLinks()
                .first(url(request, 1))
                .last(url(request, last))
                .prev(current > 1 ? url(request, current - 1) : null)
                .next(current < last ? url(request, current + 1) : null);
    }

    private static int lastPage(Page<?> page) {
        long pages = (page.total() + page.request().limit() - 1) / page.request().limit();
        return (int) Math.max(1, Math.min(pages, Integer.MAX_VALUE));
    }

    /** The endpoint's absolute URL without a query. */
    private static String path(HttpServerRequest request) {
        String absolute = request.absoluteURI();
        if (absolute == null) {
            return "http://localhost" + request.path();
        }
        int query = absolute.indexOf('?');
        return query < 0 ? absolute : absolute.substring(0, query);
    }

    /** The page's URL: the caller's query with {@code page} set (in its place, or last). */
    private static URI url(HttpServerRequest request, int pageNumber) {
        StringBuilder query = new StringBuilder();
        boolean pageWritten = false;
        for (Map.Entry<String, String> parameter : request.params()) {
            if (parameter.getKey().equals("page")) {
                if (pageWritten) {
                    continue;
                }
                append(query, "page", Integer.toString(pageNumber));
                pageWritten = true;
            } else {
                append(query, parameter.getKey(), parameter.getValue());
            }
        }
        if (!pageWritten) {
            append(query, "page", Integer.toString(pageNumber));
        }
        return URI.create(path(request) + "?" + query);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
