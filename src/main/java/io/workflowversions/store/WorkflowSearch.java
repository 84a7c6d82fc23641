package io.workflowversions.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A filtered, sorted list of workflows of one kind in a scope. Every condition that is set must hold.
 *
 * @param nameContains case-insensitive substring of the name, or null
 * @param descriptionContains case-insensitive substring of the description, or null
 * @param textContains case-insensitive substring of the name or the description, or null
 * @param attributesContain JSON documents the workflow's attributes must contain (jsonb {@code @>}), each one
 * @param anyVersionContains JSON documents that, each one, the content of at least one version must contain
 * @param sort the order; the external key breaks ties
 */
public record WorkflowSearch(String nameContains, String descriptionContains, String textContains,
        List<JsonNode> attributesContain, List<JsonNode> anyVersionContains, List<SortKey> sort) {

    public WorkflowSearch {
        attributesContain = attributesContain == null ? List.of() : List.copyOf(attributesContain);
        anyVersionContains = anyVersionContains == null ? List.of() : List.copyOf(anyVersionContains);
        sort = sort == null ? List.of() : List.copyOf(sort);
    }

    /** The fields a search may sort by. */
    public enum SortField {
        /** By code point, whatever the database's locale. */
        NAME("name collate \"C\""), CREATED_AT("created_at"), UPDATED_AT("updated_at"), EXTERNAL_KEY("external_key");

        final String column;

        SortField(String column) {
            this.column = column;
        }
    }

    public record SortKey(SortField field, boolean descending) {
    }
}
