package io.workflowversions.store;

/** What a reset deleted. */
public record ResetCounts(long workflows, long versions) {
}
