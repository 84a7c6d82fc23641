package io.workflowversions.http;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Names offending fields the way the client wrote them: dotted JSON paths with indexes ({@code tasks[0].name}),
 * rather than Java property paths. Bean validation is given each property's name from the same Jackson metadata that
 * read the body.
 */
@ApplicationScoped
public class JsonFieldNames implements PropertyNodeNameProvider {

    private final ObjectMapper mapper;
    private final Map<Class<?>, Map<String, String>> names = new ConcurrentHashMap<>();

    JsonFieldNames(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON path of a Jackson mapping failure, such as {@code tasks[2].type}. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The JSON path of a violation on a request body, or the parameter name for a path, query or header value. */
    String of(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameterName = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameterName = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                if (node.isInIterable()) {
                    path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                }
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameterName != null ? parameterName : "request";
    }

    /** Bean validation names a property by its JSON name (registered in {@link RequestValidation}). */
    @Override
    public String getName(Property property) {
        if (!(property instanceof JavaBeanProperty bean)) {
            return property.getName();
        }
        return names.computeIfAbsent(bean.getDeclaringClass(), type -> {
            BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
            Map<String, String> byInternalName = new HashMap<>();
            description.findProperties().forEach(p -> byInternalName.put(p.getInternalName(), p.getName()));
            return byInternalName;
        }).getOrDefault(bean.getName(), bean.getName());
    }
}
