package io.workflowversions.store;

import java.util.Map;

/**
 * Filters and order for {@link WorkflowSearch}: case-insensitive substrings of the name and description, exact values
 * of top-level attributes, and the order of the list. Null or empty filters match everything.
 *
 * @param attributeEquals attribute name to the text its value must have ({@code true}, {@code "NORMAL"}...)
 */
public record WorkflowQuery(String nameContains, String descriptionContains, Map<String, String> attributeEquals,
        Order order, boolean ascending) {

    public enum Order {
        CREATED("created_at"), UPDATED("updated_at");

        final String column;

        Order(String column) {
            this.column = column;
        }
    }

    public WorkflowQuery {
        attributeEquals = attributeEquals == null ? Map.of() : Map.copyOf(attributeEquals);
        order = order == null ? Order.CREATED : order;
    }
}
