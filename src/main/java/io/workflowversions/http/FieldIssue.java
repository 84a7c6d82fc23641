package io.workflowversions.http;

/** One offending field of a request: its dotted JSON path (or parameter name) and what is wrong with it. */
public record FieldIssue(String field, String message) {
}
