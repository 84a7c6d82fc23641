package io.workflowversions.dialect.secmaster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Strict scalars for this dialect's request models only: a string field takes only a JSON string and a boolean field
 * only {@code true}/{@code false}, so {@code "name": 123} or {@code "enabled": "yes"} is a 400 rather than silently
 * converted. Other APIs' models keep Jackson's defaults.
 */
@Singleton
public class SecmasterJson implements ObjectMapperCustomizer {

    static final String MODEL_PACKAGE = "io.workflowversions.dialect.secmaster.api.model";

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("secmaster-strict-scalars");
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                if (!description.getBeanClass().getPackageName().equals(MODEL_PACKAGE)) {
                    return builder;
                }
                List<SettableBeanProperty> strict = new ArrayList<>();
                for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
                    SettableBeanProperty property = it.next();
                    Class<?> type = property.getType().getRawClass();
                    if (type == String.class) {
                        strict.add(property.withValueDeserializer(new StrictString()));
                    } else if (type == Boolean.class) {
                        strict.add(property.withValueDeserializer(new StrictBoolean()));
                    }
                }
                strict.forEach(property -> builder.addOrReplaceProperty(property, true));
                return builder;
            }
        });
        mapper.registerModule(module);
    }

    static final class StrictString extends StdScalarDeserializer<String> {
        StrictString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                return parser.getText();
            }
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
    }

    static final class StrictBoolean extends StdScalarDeserializer<Boolean> {
        StrictBoolean() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_TRUE)) {
                return Boolean.TRUE;
            }
            if (parser.hasToken(JsonToken.VALUE_FALSE)) {
                return Boolean.FALSE;
            }
            return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
        }
    }
}
