package io.workflowversions.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of the dialects' specs, read from the specs the service serves: which {@code operationId} a request
 * is, and which operations a dialect has.
 */
@ApplicationScoped
public class ApiOperations {

    private static final Map<String, String> SPECS = Map.of(
            "fortanix", "fortanix-ccm.yaml",
            "secmaster", "huawei-secmaster.yaml",
            "frankieone", "frankieone.yaml",
            "patchworks", "patchworks.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    private final Map<String, List<Operation>> operations = new HashMap<>();

    ApiOperations() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        SPECS.forEach((dialect, file) -> operations.put(dialect, read(yaml, file)));
    }

    /** The operationId of a request to a dialect, or null when it matches none of the dialect's operations. */
    public String operationOf(String dialect, String method, String path) {
        List<Operation> candidates = dialect == null ? null : operations.get(dialect);
        if (candidates == null || path == null) {
            return null;
        }
        for (Operation operation : candidates) {
            if (operation.method().equalsIgnoreCase(method) && operation.path().matcher(path).matches()) {
                return operation.id();
            }
        }
        return null;
    }

    /** Whether the dialect's spec, or with a null dialect any dialect's, has this operationId. */
    public boolean exists(String dialect, String operationId) {
        return operations.entrySet().stream()
                .filter(entry -> dialect == null || entry.getKey().equals(dialect))
                .flatMap(entry -> entry.getValue().stream())
                .anyMatch(operation -> operation.id().equals(operationId));
    }

    private static List<Operation> read(ObjectMapper yaml, String file) {
        String resource = "META-INF/resources/openapi/" + file;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The spec " + resource + " is not on the class path");
            }
            List<Operation> found = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> paths = yaml.readTree(in).path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                path.getValue().fields().forEachRemaining(method -> {
                    String id = method.getValue().path("operationId").asText(null);
                    if (METHODS.contains(method.getKey().toLowerCase(Locale.ROOT)) && id != null) {
                        found.add(Operation.of(method.getKey(), path.getKey(), id));
                    }
                });
            }
            // A literal segment wins over a parameter where both match (SecMaster's .../workflows/versions/{id}).
            found.sort(Comparator.comparingInt(Operation::literals).reversed());
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spec " + resource, e);
        }
    }

    private record Operation(String method, Pattern path, int literals, String id) {

        static Operation of(String method, String template, String id) {
            StringBuilder regex = new StringBuilder();
            Matcher parameter = PARAMETER.matcher(template);
            int last = 0;
            while (parameter.find()) {
                regex.append(Pattern.quote(template.substring(last, parameter.start()))).append("[^/]+");
                last = parameter.end();
            }
            regex.append(Pattern.quote(template.substring(last)));
            int literals = (int) Arrays.stream(template.split("/"))
                    .filter(segment -> !segment.isEmpty() && !PARAMETER.matcher(segment).find()).count();
            return new Operation(method, Pattern.compile(regex.toString()), literals, id);
        }
    }
}
