package io.workflowversions.dialect.patchworks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
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
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.workflowversions.dialect.patchworks.api.model.ErrorMessage;
import io.workflowversions.dialect.patchworks.api.model.ErrorResponse;
import io.workflowversions.dialect.patchworks.api.model.Flow;
import io.workflowversions.dialect.patchworks.api.model.FlowCreateRequest;
import io.workflowversions.dialect.patchworks.api.model.FlowPage;
import io.workflowversions.dialect.patchworks.api.model.FlowResponse;
import io.workflowversions.dialect.patchworks.api.model.FlowVersion;
import io.workflowversions.dialect.patchworks.api.model.FlowVersionPage;
import io.workflowversions.dialect.patchworks.api.model.FlowVersionResponse;
import io.workflowversions.dialect.patchworks.api.model.LoginRequest;
import io.workflowversions.dialect.patchworks.api.model.LoginResponse;
import io.workflowversions.dialect.patchworks.api.model.MessageResponse;
import io.workflowversions.dialect.patchworks.api.model.PaginationLinks;
import io.workflowversions.dialect.patchworks.api.model.PaginationMeta;
import io.workflowversions.dialect.patchworks.api.model.Schedule;
import io.workflowversions.dialect.patchworks.api.model.SchedulePage;
import io.workflowversions.dialect.patchworks.api.model.ScheduleResponse;
import io.workflowversions.dialect.patchworks.api.model.Upload;
import io.workflowversions.dialect.patchworks.api.model.UploadResponse;
import io.workflowversions.dialect.patchworks.api.model.VersionMetric;
import io.workflowversions.dialect.patchworks.api.model.VersionMetricPage;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * JSON of this dialect's models only: nulls are always written, timestamps are written Laravel style
 * ({@code 2025-01-31T10:15:00.000000Z}), and missing fields of the typed request bodies are reported by bean
 * validation. Nothing here changes how other models are read or written.
 */
@Singleton
public class PatchworksJson implements ObjectMapperCustomizer {

    private static final String MODEL_PACKAGE = Flow.class.getPackageName();

    private static final List<Class<?>> RESPONSES = List.of(ErrorMessage.class, ErrorResponse.class, Flow.class,
            FlowPage.class, FlowResponse.class, FlowVersion.class, FlowVersionPage.class, FlowVersionResponse.class,
            LoginResponse.class, MessageResponse.class, PaginationLinks.class, PaginationMeta.class, Schedule.class,
            SchedulePage.class, ScheduleResponse.class, Upload.class, UploadResponse.class, VersionMetric.class,
            VersionMetricPage.class);

    @SuppressWarnings("unchecked")
    private static final JsonSerializer<Object> TIMESTAMPS = (JsonSerializer<Object>) (JsonSerializer<?>) new TimestampSerializer();

    @Override
    public void customize(ObjectMapper mapper) {
        JsonInclude.Value always = JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);
        for (Class<?> type : RESPONSES) {
            mapper.configOverride(type).setInclude(always);
        }
        mapper.addMixIn(FlowCreateRequest.class, FlowCreateRequestMixin.class);
        mapper.addMixIn(LoginRequest.class, LoginRequestMixin.class);
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

    // Missing required fields are reported by bean validation with the field's name, not by a constructor.
    @RegisterForReflection
    abstract static class FlowCreateRequestMixin {
        @JsonCreator(mode = JsonCreator.Mode.DISABLED)
        FlowCreateRequestMixin(String name) {
        }
    }

    @RegisterForReflection
    abstract static class LoginRequestMixin {
        @JsonCreator(mode = JsonCreator.Mode.DISABLED)
        LoginRequestMixin(String username, String password) {
        }
    }
}
