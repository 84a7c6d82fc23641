package io.workflowversions.store;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A version's internal id and the public id its dialect shows. */
@RegisterForReflection
public record VersionKey(Long id, String publicId) {
}
