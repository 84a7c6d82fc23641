package io.workflowversions.dialect.fortanix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.workflowversions.dialect.fortanix.api.model.SearchMetadata;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.store.PageRequest;
import io.workflowversions.store.WorkflowSearch.SortField;
import io.workflowversions.store.WorkflowSearch.SortKey;
import java.util.ArrayList;
import java.util.List;

/** The list parameters of D1 and F1: paging, {@code sort_by} and the {@code filter} JSON. */
final class ListQuery {

    static final int DEFAULT_LIMIT = 100;

    private ListQuery() {
    }

    static PageRequest page(Integer limit, Integer offset) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        long skip = offset == null ? 0 : offset;
        GraphRules.require(size >= 1 && size <= PageRequest.MAX_LIMIT, "limit", "must be from 1 to " + PageRequest.MAX_LIMIT);
        GraphRules.require(skip >= 0, "offset", "must not be negative");
        return new PageRequest(skip, size);
    }

    /** {@code field:ASC,field2:DESC} over name, created_at and updated_at; default {@code created_at:ASC}. */
    static List<SortKey> sort(String sortBy) {
        if (sortBy == null || sortBy.isBlank()) {
            return List.of(new SortKey(SortField.CREATED_AT, false));
        }
        List<SortKey> keys = new ArrayList<>();
        for (String item : sortBy.split(",", -1)) {
            String[] parts = item.trim().split(":", -1);
            SortField field = switch (parts[0]) {
                case "name" -> SortField.NAME;
                case "created_at" -> SortField.CREATED_AT;
                case "updated_at" -> SortField.UPDATED_AT;
                default -> throw invalid("sort_by", "cannot sort by '" + parts[0] + "'; use name, created_at or updated_at");
            };
            GraphRules.require(parts.length <= 2, "sort_by", "items are field or field:ASC or field:DESC");
            String direction = parts.length == 2 ? parts[1] : "ASC";
            GraphRules.require(direction.equals("ASC") || direction.equals("DESC"), "sort_by",
                    "the direction must be ASC or DESC");
            keys.add(new SortKey(field, direction.equals("DESC")));
        }
        return keys;
    }

    /**
     * The documents to be contained that {@code filter} and {@code project} ask for: {@code {"labels":{...}}} and
     * {@code {"metadata":{"project":...}}}, each when asked for, in a list the caller may add to.
     */
    static List<JsonNode> contained(ObjectMapper mapper, String filter, String project) {
        List<JsonNode> documents = new ArrayList<>();
        JsonNode labels = labelFilter(mapper, filter);
        if (labels != null) {
            documents.add(labels);
        }
        if (project != null) {
            ObjectNode document = JsonNodeFactory.instance.objectNode();
            document.putObject("metadata").put("project", project);
            documents.add(document);
        }
        return documents;
    }

    private static JsonNode labelFilter(ObjectMapper mapper, String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        JsonNode parsed;
        try {
            parsed = mapper.readTree(filter);
        } catch (JsonProcessingException e) {
            throw invalid("filter", "is not valid JSON");
        }
        GraphRules.require(parsed != null && parsed.isObject(), "filter", "must be a JSON object");
        parsed.fieldNames().forEachRemaining(name -> GraphRules.require(name.equals("labels"), "filter",
                "can only filter on labels, not '" + name + "'"));
        JsonNode labels = parsed.get("labels");
        if (labels == null) {
            return null;
        }
        GraphRules.require(labels.isObject(), "filter.labels", "must be an object of strings");
        labels.fields().forEachRemaining(label -> GraphRules.require(label.getValue().isTextual(),
                "filter.labels." + label.getKey(), "must be a string"));
        return JsonNodeFactory.instance.objectNode().set("labels", labels);
    }

    static SearchMetadata metadata(PageRequest page, long filtered, long total) {
        return new SearchMetadata()
                .page(page.offset() / page.limit() + 1)
                .pages((filtered + page.limit() - 1) / page.limit())
                .limit((long) page.limit())
                .totalCount(total)
                .filteredCount(filtered);
    }

    private static RuntimeException invalid(String field, String problem) {
        return new ApiException(Failure.invalid(field, problem));
    }
}
