package io.workflowversions.dialect.patchworks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.workflowversions.dialect.patchworks.api.model.FlowVersionUpdateRequest;
import io.workflowversions.dialect.patchworks.api.model.ScheduleCreateRequest;
import io.workflowversions.dialect.patchworks.api.model.ScheduleUpdateRequest;
import io.workflowversions.dialect.patchworks.api.model.UploadRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.util.function.Function;

/**
 * Bodies whose fields are checked in code, after the ids in the path (Laravel's order: 404 before 422), and whose
 * fields may be absent, null or present with a meaning each ({@code deployed_at: null} un-deploys, an absent one
 * changes nothing). Reading them never fails on a field's value: the JSON object is kept as it came, and the
 * resource reads it through {@link #of(Object)}. Only malformed JSON fails here.
 */
final class RawBodies {

    private RawBodies() {
    }

    /** A request model that keeps the JSON object it was read from. */
    interface Raw {
        ObjectNode raw();
    }

    /** The JSON object behind a body read by these deserializers; an empty object when there was no body. */
    static ObjectNode of(Object body) {
        return body instanceof Raw raw ? raw.raw() : JsonNodeFactory.instance.objectNode();
    }

    static final class FlowVersionUpdate extends FlowVersionUpdateRequest implements Raw {
        private final transient ObjectNode raw;

        FlowVersionUpdate(ObjectNode raw) {
            this.raw = raw;
        }

        @Override
        public ObjectNode raw() {
            return raw;
        }
    }

    static final class Upload extends UploadRequest implements Raw {
        private final transient ObjectNode raw;

        Upload(ObjectNode raw) {
            this.raw = raw;
        }

        @Override
        public ObjectNode raw() {
            return raw;
        }
    }

    static final class ScheduleCreate extends ScheduleCreateRequest implements Raw {
        private final transient ObjectNode raw;

        ScheduleCreate(ObjectNode raw) {
            this.raw = raw;
            // Bean validation sees "cron_string" missing only when it is absent or null; its type and syntax are
            // checked in code, after the ids.
            JsonNode cron = raw.get("cron_string");
            setCronString(cron == null || cron.isNull() ? null : cron.isTextual() ? cron.textValue() : cron.toString());
        }

        @Override
        public ObjectNode raw() {
            return raw;
        }
    }

    static final class ScheduleUpdate extends ScheduleUpdateRequest implements Raw {
        private final transient ObjectNode raw;

        ScheduleUpdate(ObjectNode raw) {
            this.raw = raw;
        }

        @Override
        public ObjectNode raw() {
            return raw;
        }
    }

    /** Reads any JSON value; anything but an object counts as an empty object, as Laravel reads it. */
    abstract static class Reader<T> extends StdDeserializer<T> {
        private final transient Function<ObjectNode, T> factory;

        Reader(Class<T> type, Function<ObjectNode, T> factory) {
            super(type);
            this.factory = factory;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            return factory.apply(node instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode());
        }
    }

    @RegisterForReflection
    static final class FlowVersionUpdateReader extends Reader<FlowVersionUpdateRequest> {
        FlowVersionUpdateReader() {
            super(FlowVersionUpdateRequest.class, FlowVersionUpdate::new);
        }
    }

    @RegisterForReflection
    static final class UploadReader extends Reader<UploadRequest> {
        UploadReader() {
            super(UploadRequest.class, Upload::new);
        }
    }

    @RegisterForReflection
    static final class ScheduleCreateReader extends Reader<ScheduleCreateRequest> {
        ScheduleCreateReader() {
            super(ScheduleCreateRequest.class, ScheduleCreate::new);
        }
    }

    @RegisterForReflection
    static final class ScheduleUpdateReader extends Reader<ScheduleUpdateRequest> {
        ScheduleUpdateReader() {
            super(ScheduleUpdateRequest.class, ScheduleUpdate::new);
        }
    }
}
