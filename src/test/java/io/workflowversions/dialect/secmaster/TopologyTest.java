package io.workflowversions.dialect.secmaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.workflowversions.dialect.secmaster.api.model.ValidationCheck;
import io.workflowversions.dialect.secmaster.api.model.WorkflowValidationError;
import io.workflowversions.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The BPMN topology of a SecMaster version: Base64 of JSON, and the BASIC and CIRCLE checks of V7. */
class TopologyTest {

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A process with the given elements, as the vendor's console writes it. */
    private static JsonNode process(String elements) {
        return Topology.decode("taskflow", base64("{\"workflow\":{\"elements\":[{\"name\":\"bpmn2:definitions\",\"elements\":"
                + "[{\"name\":\"bpmn2:process\",\"elements\":[" + elements + "]}]}]}}"));
    }

    private static String node(String name, String id) {
        return "{\"name\":\"bpmn2:" + name + "\",\"attributes\":{\"id\":\"" + id + "\"}}";
    }

    private static String flow(String id, String from, String to) {
        return "{\"name\":\"bpmn2:sequenceFlow\",\"attributes\":{\"id\":\"" + id + "\",\"sourceRef\":\"" + from
                + "\",\"targetRef\":\"" + to + "\"}}";
    }

    @Test
    void aStartAndAnEndJoinedByFlowsIsValid() {
        JsonNode tree = process(String.join(",", node("startEvent", "s"), node("serviceTask", "t"), node("endEvent", "e"),
                flow("f1", "s", "t"), flow("f2", "t", "e")));
        assertThat(Topology.check(tree, false)).isEmpty();
        assertThat(Topology.check(tree, true)).isEmpty();
    }

    @Test
    void missingEventsAndDanglingFlowsAreBasicFindings() {
        JsonNode tree = process(String.join(",", node("serviceTask", "t"), flow("f1", "t", "nowhere")));
        List<WorkflowValidationError> errors = Topology.check(tree, false);
        assertThat(errors).extracting(WorkflowValidationError::getCheck).containsOnly(ValidationCheck.BASIC);
        assertThat(errors).extracting(WorkflowValidationError::getMessage).containsExactly(
                "the process has no bpmn2:startEvent", "the process has no bpmn2:endEvent",
                "targetRef 'nowhere' names no flow node");
        assertThat(errors.get(2).getElementId()).isEqualTo("f1");
    }

    @Test
    void aTreeWithoutAProcessIsOneFinding() {
        assertThat(Topology.check(Topology.decode("taskflow", base64("{\"workflow\":{}}")), true))
                .extracting(WorkflowValidationError::getMessage)
                .containsExactly("the topology has no bpmn2:definitions with a bpmn2:process");
    }

    @Test
    void cyclesAreFoundOnlyInCircleMode() {
        JsonNode tree = process(String.join(",", node("startEvent", "s"), node("serviceTask", "a"), node("serviceTask", "b"),
                node("endEvent", "e"), flow("f1", "s", "a"), flow("f2", "a", "b"), flow("f3", "b", "a"), flow("f4", "b", "e")));
        assertThat(Topology.check(tree, false)).isEmpty();
        assertThat(Topology.check(tree, true)).singleElement().satisfies(error -> {
            assertThat(error.getCheck()).isEqualTo(ValidationCheck.CIRCLE);
            assertThat(error.getElementId()).isIn("a", "b");
        });
    }

    @Test
    void aLongChainDoesNotOverflowTheCycleSearch() {
        StringBuilder elements = new StringBuilder(node("startEvent", "n0"));
        for (int i = 1; i <= 20_000; i++) {
            elements.append(',').append(node("serviceTask", "n" + i)).append(',').append(flow("f" + i, "n" + (i - 1), "n" + i));
        }
        elements.append(',').append(node("endEvent", "end")).append(',').append(flow("last", "n20000", "end"));
        assertThat(Topology.check(process(elements.toString()), true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "e30", "e3=0", "e30=x", "aGVsbG8=", "e30=e30="})
    void anythingButPaddedBase64OfOneJsonValueIsRefused(String taskflow) {
        assertThatThrownBy(() -> Topology.decode("taskflow", taskflow)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).failure().code()).isEqualTo(ErrorCodes.INVALID_TASKFLOW));
        assertThatThrownBy(() -> Topology.requireJson("taskflow", taskflow)).isInstanceOf(ApiException.class);
    }

    @Test
    void requireJsonRefusesTwoValuesDuplicateKeysAndUnclosedJson() {
        for (String json : new String[] {"{} {}", "{\"a\":1,\"a\":2}", "{\"a\":"}) {
            assertThatThrownBy(() -> Topology.requireJson("taskflow", base64(json))).isInstanceOf(ApiException.class);
        }
        Topology.requireJson("taskflow", base64("{\"a\":[1,2,{\"b\":null}]}"));
    }
}
