package io.workflowversions.dialect.frankieone;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.workflowversions.dialect.frankieone.api.model.WorkflowDefinition;

/**
 * A PUT body as the generated model (checked field by field) together with the JSON document it was read from, which
 * keeps the fields the model does not know: the contract stores and returns them.
 */
@RegisterForReflection
public class ReceivedDefinition extends WorkflowDefinition {

    private ObjectNode document;

    /** The body as sent, read-only fields included. */
    @JsonIgnore
    ObjectNode document() {
        return document;
    }

    void document(ObjectNode document) {
        this.document = document;
    }
}
