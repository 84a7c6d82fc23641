package io.workflowversions.store;

/** A version's internal id and the public id its dialect shows. */
public record VersionKey(Long id, String publicId) {
}
