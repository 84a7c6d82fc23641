package io.workflowversions.dialect.patchworks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.workflowversions.dialect.patchworks.api.model.Flow;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Timestamps of this dialect's models are written Laravel style ({@code 2025-01-31T10:15:00.000000Z}); nothing here
 * changes how other models are written. (The generator annotates the models to write nulls, as Laravel does, and
 * makes no constructors, so that bean validation names a missing required field.)
 */
@Singleton
public class PatchworksJson implements ObjectMapperCustomizer {

    private static final String MODEL_PACKAGE = Flow.class.getPackageName();

    @SuppressWarnings("unchecked")
    private static final JsonSerializer<Object> TIMESTAMPS = (JsonSerializer<Object>) (JsonSerializer<?>) new TimestampSerializer();

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("patchworks-timestamps");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                    List<BeanPropertyWriter> properties) {
                if (MODEL_PACKAGE.equals(description.getBeanClass().getPackageName())) {
                    for (BeanPropertyWriter property : properties) {
                        if (property.getType().getRawClass() == OffsetDateTime.class) {
                            property.assignSerializer(TIMESTAMPS);
                        }
                    }
                }
                return properties;
            }
        });
        mapper.registerModule(module);
    }

    /** Writes Laravel's timestamp form; the models hold UTC times. */
    static final class TimestampSerializer extends StdSerializer<OffsetDateTime> {
        TimestampSerializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(LaravelTime.format(value));
        }
    }
}
