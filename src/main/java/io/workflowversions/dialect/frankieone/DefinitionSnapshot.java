package io.workflowversions.dialect.frankieone;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.workflowversions.dialect.frankieone.api.model.WorkflowDefinition;

/**
 * A stored definition as it goes out: the generated model's type, written as the full JSON document so that the
 * fields the client sent beyond the model come back too.
 */
@RegisterForReflection
@JsonSerialize(using = DefinitionSnapshot.AsDocument.class)
public class DefinitionSnapshot extends WorkflowDefinition {

    private final ObjectNode json;

    DefinitionSnapshot(ObjectNode json) {
        this.json = json;
    }

    public ObjectNode json() {
        return json;
    }

    /** Written as its document. (A {@code @JsonValue} would be ignored: the generated model is also a map.) */
    @RegisterForReflection
    public static class AsDocument extends StdSerializer<DefinitionSnapshot> {

        public AsDocument() {
            super(DefinitionSnapshot.class);
        }

        @Override
        public void serialize(DefinitionSnapshot value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeTree(value.json);
        }
    }
}
