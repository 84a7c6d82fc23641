package io.workflowversions.dialect.patchworks;

import io.vertx.core.MultiMap;
import io.workflowversions.http.FieldIssue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each operation accepts in its query, spatie query-builder style: {@code filter[name]}, {@code sort}, and
 * for lists {@code page} / {@code per_page}. {@code include} and {@code fields} are supported nowhere. Unknown
 * filters, sorts, includes and fields answer 400; bad paging answers 422. Other parameters are ignored.
 */
record QueryRules(boolean paged, List<String> filters, List<String> sorts) {

    static final int MAX_PER_PAGE = 100;
    static final int DEFAULT_PER_PAGE = 15;

    private static final QueryRules NONE = new QueryRules(false, List.of(), List.of());

    private static final Map<String, QueryRules> BY_OPERATION = Map.of(
            "listFlows", new QueryRules(true, List.of(), List.of()),
            "listFlowVersionSchedules", new QueryRules(true, List.of(), List.of()),
            "listFlowVersions", new QueryRules(true, List.of("status"), List.of("id", "created_at")),
            "listFlowVersionMetrics", new QueryRules(true, List.of("type", "key", "interval_start", "interval_end"),
                    List.of("interval_start", "value")));

    static QueryRules forMethod(String operation) {
        return BY_OPERATION.getOrDefault(operation, NONE);
    }

    void check(MultiMap query) {
        Set<String> unknownFilters = new LinkedHashSet<>();
        Set<String> includes = new LinkedHashSet<>();
        Set<String> fields = new LinkedHashSet<>();
        for (String name : query.names()) {
            if (name.startsWith("filter[") && name.endsWith("]")) {
                String filter = name.substring("filter[".length(), name.length() - 1);
                if (!filters.contains(filter)) {
                    unknownFilters.add(filter);
                }
            } else if (name.equals("include")) {
                includes.addAll(items(query.get(name)));
            } else if (name.equals("fields")) {
                fields.addAll(items(query.get(name)));
            } else if (name.startsWith("fields[") && name.endsWith("]")) {
                String resource = name.substring("fields[".length(), name.length() - 1);
                items(query.get(name)).forEach(f -> fields.add(resource + "." + f));
                if (items(query.get(name)).isEmpty()) {
                    fields.add(resource);
                }
            }
        }
        if (!includes.isEmpty() || query.contains("include")) {
            throw Problems.badQuery("Requested include(s) `" + String.join(", ", includes)
                    + "` are not allowed. There are no allowed includes.");
        }
        if (!fields.isEmpty()) {
            throw Problems.badQuery("Requested field(s) `" + String.join(", ", fields)
                    + "` are not allowed. There are no allowed fields.");
        }
        if (!unknownFilters.isEmpty()) {
            throw Problems.badQuery("Requested filter(s) `" + String.join(", ", unknownFilters) + "` are not allowed. "
                    + (filters.isEmpty() ? "There are no allowed filters." : "Allowed filter(s) are `" + String.join(", ", filters) + "`."));
        }
        String sort = query.get("sort");
        if (sort != null) {
            List<String> unknownSorts = new ArrayList<>();
            for (String item : items(sort)) {
                String field = item.startsWith("-") ? item.substring(1) : item;
                if (!sorts.contains(field)) {
                    unknownSorts.add(field);
                }
            }
            if (!unknownSorts.isEmpty()) {
                throw Problems.badQuery("Requested sort(s) `" + String.join(", ", unknownSorts) + "` is not allowed. "
                        + (sorts.isEmpty() ? "There are no allowed sorts." : "Allowed sort(s) are `" + String.join(", ", sorts) + "`."));
            }
        }
        if (paged) {
            List<FieldIssue> issues = new ArrayList<>();
            checkInteger(query.get("page"), "page", Integer.MAX_VALUE, issues);
            checkInteger(query.get("per_page"), "per_page", MAX_PER_PAGE, issues);
            if (!issues.isEmpty()) {
                throw Problems.invalid(issues);
            }
        }
    }

    /** The comma-separated items of a parameter, trimmed, without empty ones. */
    static List<String> items(String value) {
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    private static void checkInteger(String value, String field, int max, List<FieldIssue> issues) {
        if (value == null) {
            return;
        }
        String subject = "The " + PatchworksErrorEnvelope.words(field) + " field";
        long number;
        try {
            if (!value.matches("-?[0-9]{1,10}")) {
                throw new NumberFormatException();
            }
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            issues.add(new FieldIssue(field, subject + " must be an integer."));
            return;
        }
        if (number < 1) {
            issues.add(new FieldIssue(field, subject + " must be at least 1."));
        } else if (number > max) {
            issues.add(new FieldIssue(field, subject + " must not be greater than " + max + "."));
        }
    }
}
