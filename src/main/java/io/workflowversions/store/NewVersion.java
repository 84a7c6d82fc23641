package io.workflowversions.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a dialect supplies to add a version.
 *
 * @param publicId the id the dialect will show, or null for a random UUID
 * @param numbered whether the store allocates the next version number of the workflow
 * @param exclusive whether {@code state} is one that only one version of the workflow may hold
 */
public record NewVersion(String publicId, boolean numbered, String label, String state, boolean exclusive,
        JsonNode content, JsonNode attributes, String actor) {
}
