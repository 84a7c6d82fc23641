package io.workflowversions.dialect.fortanix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.workflowversions.store.Workflow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Documents read from the store are given sorted keys before they become models, so every map is emitted in plain
 * string order ({@code "1", "10", "2"}). (The models leave absent fields out: the generator annotates them so.)
 */
final class FortanixJson {

    private FortanixJson() {
    }

    static <T> T toModel(ObjectMapper mapper, JsonNode document, Class<T> type) {
        try {
            return mapper.treeToValue(sorted(document), type);
        } catch (JsonProcessingException e) {
            // Without the cause: a JSON failure in it would be answered as the client's mistake, not as a 500.
            throw new IllegalStateException("A stored Fortanix document does not match its model: " + e.getMessage());
        }
    }

    /** A deep copy whose objects list their keys in plain string order. */
    static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> copy.set(name, sorted(object.get(name))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** Fortanix knows no null description: a workflow without one shows "". */
    static String description(Workflow workflow) {
        return workflow.description == null ? "" : workflow.description;
    }
}
