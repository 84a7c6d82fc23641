package io.workflowversions.http;

import java.util.Map;

/** A rendered failure: what goes on the wire, whether through JAX-RS or straight through Vert.x. */
public record ErrorResponse(int status, String contentType, Object body, Map<String, String> headers) {

    public ErrorResponse(int status, String contentType, Object body) {
        this(status, contentType, body, Map.of());
    }
}
