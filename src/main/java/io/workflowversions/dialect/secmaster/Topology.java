package io.workflowversions.dialect.secmaster;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.workflowversions.dialect.secmaster.api.model.ValidationCheck;
import io.workflowversions.dialect.secmaster.api.model.WorkflowValidationError;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workflow topology ({@code taskflow}): Base64 of an xml-js style JSON tree of a BPMN 2.0 document. Versions
 * store it verbatim once it decodes to JSON; validation (V7) also checks the BPMN structure.
 */
final class Topology {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Topology() {
    }

    /** The decoded JSON tree; 400 SecMaster.20040624 when the text is not Base64 (with padding) of JSON. */
    static JsonNode decode(String field, String taskflow) {
        try {
            JsonNode tree = JSON.readTree(base64(field, taskflow));
            if (tree == null || tree.isMissingNode()) {
                throw invalid(field, "does not decode to JSON");
            }
            return tree;
        } catch (IOException e) {
            throw invalid(field, "does not decode to JSON");
        }
    }

    /**
     * {@link #decode} for a topology that is only checked, not read: the same rules, without building the tree (a
     * version's topology is stored verbatim).
     */
    static void requireJson(String field, String taskflow) {
        try (JsonParser parser = JSON.createParser(base64(field, taskflow))) {
            if (parser.nextToken() == null) {
                throw invalid(field, "does not decode to JSON");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw invalid(field, "does not decode to JSON");
            }
        } catch (IOException e) {
            throw invalid(field, "does not decode to JSON");
        }
    }

    /** The bytes of standard Base64 with padding; a loop, since a regular expression over kilobytes is slow. */
    private static byte[] base64(String field, String taskflow) {
        int length = taskflow == null ? 0 : taskflow.length();
        int padding = length > 0 && taskflow.endsWith("==") ? 2 : length > 0 && taskflow.endsWith("=") ? 1 : 0;
        boolean valid = length > 0 && length % 4 == 0;
        for (int i = 0; valid && i < length - padding; i++) {
            char c = taskflow.charAt(i);
            valid = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
        }
        if (!valid) {
            throw invalid(field, "is not Base64 (standard alphabet, with padding)");
        }
        return Base64.getDecoder().decode(taskflow);
    }

    /** The structural findings of {@code BASIC} and, when {@code cycles}, of {@code CIRCLE}; empty when valid. */
    static List<WorkflowValidationError> check(JsonNode tree, boolean cycles) {
        List<WorkflowValidationError> errors = new ArrayList<>();
        JsonNode definitions = child(tree.path("workflow"), "bpmn2:definitions");
        JsonNode process = definitions == null ? null : child(definitions, "bpmn2:process");
        if (process == null) {
            errors.add(error(ValidationCheck.BASIC, "", "the topology has no bpmn2:definitions with a bpmn2:process"));
            return errors;
        }
        Set<String> nodes = new LinkedHashSet<>();
        List<String[]> flows = new ArrayList<>();
        boolean start = false;
        boolean end = false;
        for (JsonNode element : process.path("elements")) {
            String name = element.path("name").asText("");
            JsonNode attributes = element.path("attributes");
            String id = attributes.path("id").asText("");
            if (name.equals("bpmn2:sequenceFlow")) {
                flows.add(new String[] {id, attributes.path("sourceRef").asText(""), attributes.path("targetRef").asText("")});
                continue;
            }
            if (!id.isEmpty()) {
                nodes.add(id);
            }
            start |= name.equals("bpmn2:startEvent");
            end |= name.equals("bpmn2:endEvent");
        }
        if (!start) {
            errors.add(error(ValidationCheck.BASIC, "", "the process has no bpmn2:startEvent"));
        }
        if (!end) {
            errors.add(error(ValidationCheck.BASIC, "", "the process has no bpmn2:endEvent"));
        }
        for (String[] flow : flows) {
            if (!nodes.contains(flow[1])) {
                errors.add(error(ValidationCheck.BASIC, flow[0], "sourceRef '" + flow[1] + "' names no flow node"));
            }
            if (!nodes.contains(flow[2])) {
                errors.add(error(ValidationCheck.BASIC, flow[0], "targetRef '" + flow[2] + "' names no flow node"));
            }
        }
        if (cycles) {
            String onCycle = cycleNode(flows);
            if (onCycle != null) {
                errors.add(error(ValidationCheck.CIRCLE, onCycle, "the sequence flows form a cycle through '" + onCycle + "'"));
            }
        }
        return errors;
    }

    /** A node on a cycle of the flow graph, or null when it has none (iterative, so deep graphs cannot overflow). */
    private static String cycleNode(List<String[]> flows) {
        Map<String, List<String>> next = new HashMap<>();
        for (String[] flow : flows) {
            next.computeIfAbsent(flow[1], k -> new ArrayList<>()).add(flow[2]);
        }
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = finished
        for (String root : next.keySet()) {
            if (state.containsKey(root)) {
                continue;
            }
            java.util.Deque<Object[]> stack = new java.util.ArrayDeque<>();
            stack.push(new Object[] {root, 0});
            state.put(root, 1);
            while (!stack.isEmpty()) {
                Object[] frame = stack.peek();
                String node = (String) frame[0];
                List<String> targets = next.getOrDefault(node, List.of());
                int index = (Integer) frame[1];
                if (index == targets.size()) {
                    state.put(node, 2);
                    stack.pop();
                    continue;
                }
                frame[1] = index + 1;
                String target = targets.get(index);
                Integer seen = state.get(target);
                if (seen == null) {
                    state.put(target, 1);
                    stack.push(new Object[] {target, 0});
                } else if (seen == 1) {
                    return target;
                }
            }
        }
        return null;
    }

    private static JsonNode child(JsonNode parent, String name) {
        for (JsonNode element : parent.path("elements")) {
            if (name.equals(element.path("name").asText())) {
                return element;
            }
        }
        return null;
    }

    private static WorkflowValidationError error(ValidationCheck check, String elementId, String message) {
        return new WorkflowValidationError().check(check).elementId(elementId).message(message);
    }

    private static ApiException invalid(String field, String problem) {
        return new ApiException(new Failure(FailureKind.INVALID_INPUT, ErrorCodes.INVALID_TASKFLOW, field + " " + problem,
                List.of(new io.workflowversions.http.FieldIssue(field, problem))));
    }
}
