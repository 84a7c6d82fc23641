package io.workflowversions.http;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names offending fields the way the client wrote them: dotted JSON paths with indexes ({@code tasks[0].name}),
 * rather than Java property paths. Bean validation reports Java names, so they are translated through the same
 * Jackson metadata that read the body.
 */
@ApplicationScoped
public class JsonFieldNames {

    private final ObjectMapper mapper;
    private final Map<Class<?>, Map<String, BeanPropertyDefinition>> properties = new ConcurrentHashMap<>();

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
        Object[] arguments = violation.getExecutableParameters();
        StringBuilder path = new StringBuilder();
        Object current = null;
        String parameterName = null;
        for (Iterator<Path.Node> nodes = violation.getPropertyPath().iterator(); nodes.hasNext(); ) {
            Path.Node node = nodes.next();
            if (node.getKind() == ElementKind.PARAMETER) {
                Path.ParameterNode parameter = node.as(Path.ParameterNode.class);
                parameterName = parameter.getName();
                current = arguments != null && parameter.getParameterIndex() < arguments.length
                        ? arguments[parameter.getParameterIndex()] : null;
            } else if (node.getKind() == ElementKind.PROPERTY) {
                if (node.isInIterable()) {
                    current = element(current, node);
                    path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                }
                Object owner = current;
                Optional<BeanPropertyDefinition> property = property(owner, node.getName());
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(property.map(BeanPropertyDefinition::getName).orElse(node.getName()));
                current = property.map(p -> p.getAccessor() == null ? null : p.getAccessor().getValue(owner))
                        .orElse(null);
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameterName != null ? parameterName : "request";
    }

    private static Object element(Object container, Path.Node node) {
        if (container instanceof List<?> list && node.getIndex() != null && node.getIndex() < list.size()) {
            return list.get(node.getIndex());
        }
        if (container instanceof Map<?, ?> map && node.getKey() != null) {
            return map.get(node.getKey());
        }
        return null;
    }

    private Optional<BeanPropertyDefinition> property(Object owner, String javaName) {
        if (owner == null) {
            return Optional.empty();
        }
        Map<String, BeanPropertyDefinition> byInternalName = properties.computeIfAbsent(owner.getClass(), type -> {
            BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(type));
            Map<String, BeanPropertyDefinition> map = new ConcurrentHashMap<>();
            for (BeanPropertyDefinition definition : description.findProperties()) {
                map.put(definition.getInternalName(), definition);
            }
            return map;
        });
        return Optional.ofNullable(byInternalName.get(javaName));
    }
}
