package io.workflowversions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A rendered failure: what goes on the wire, whether through JAX-RS or straight through Vert.x. */
public record ErrorResponse(int status, String contentType, Object body, Map<String, String> headers) {

    public ErrorResponse(int status, String contentType, Object body) {
        this(status, contentType, body, Map.of());
    }

    /** The body as it goes on the wire: a plain-text envelope's body is already its wire form, anything else is JSON. */
    public String text(ObjectMapper mapper) throws JsonProcessingException {
        return body instanceof CharSequence chars ? chars.toString() : mapper.writeValueAsString(body);
    }
}
