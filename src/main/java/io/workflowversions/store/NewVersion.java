package io.workflowversions.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a dialect supplies to add a version: start from {@link #numbered} or {@link #unnumbered}, then add what
 * applies ({@code NewVersion.numbered(PUBLISHED, actor).withPublicId(id).withContent(document)}).
 *
 * @param publicId the id the dialect will show, or null for a random UUID
 * @param numbered whether the store allocates the next version number of the workflow
 * @param exclusive whether {@code state} is one that only one version of the workflow may hold
 */
public record NewVersion(String publicId, boolean numbered, String label, String state, boolean exclusive,
        JsonNode content, JsonNode attributes, String actor) {

    /** A version that takes the next number of its workflow. */
    public static NewVersion numbered(String state, String actor) {
        return new NewVersion(null, true, null, state, false, null, null, actor);
    }

    /** A version without a number. */
    public static NewVersion unnumbered(String state, String actor) {
        return new NewVersion(null, false, null, state, false, null, null, actor);
    }

    /** The same, in a state that only one version of the workflow may hold (a draft, a deployed version...). */
    public NewVersion inExclusiveState() {
        return new NewVersion(publicId, numbered, label, state, true, content, attributes, actor);
    }

    public NewVersion withPublicId(String publicId) {
        return new NewVersion(publicId, numbered, label, state, exclusive, content, attributes, actor);
    }

    public NewVersion withLabel(String label) {
        return new NewVersion(publicId, numbered, label, state, exclusive, content, attributes, actor);
    }

    public NewVersion withContent(JsonNode content) {
        return new NewVersion(publicId, numbered, label, state, exclusive, content, attributes, actor);
    }

    public NewVersion withAttributes(JsonNode attributes) {
        return new NewVersion(publicId, numbered, label, state, exclusive, content, attributes, actor);
    }
}
