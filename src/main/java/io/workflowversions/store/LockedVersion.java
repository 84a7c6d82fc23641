package io.workflowversions.store;

/** A version with its workflow, the workflow's row locked: what every change of a version starts from. */
public record LockedVersion(Workflow workflow, WorkflowVersion version) {
}
