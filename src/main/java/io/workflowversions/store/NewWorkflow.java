package io.workflowversions.store;

import com.fasterxml.jackson.databind.JsonNode;

/** What a dialect supplies to create a workflow; the store adds ids, counters and audit fields. */
public record NewWorkflow(String kind, String externalKey, String name, String description, JsonNode attributes,
        String actor) {
}
