package io.workflowversions.dialect.fortanix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.workflowversions.dialect.fortanix.api.model.*;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * JSON for the Fortanix models: absent optional fields are left out rather than written as null (the vendor's
 * clients and the spec know no nulls), and documents read from the store are given sorted keys before they become
 * models, so every map is emitted in plain string order ({@code "1", "10", "2"}).
 */
@Singleton
public class FortanixJson implements ObjectMapperCustomizer {

    private static final List<Class<?>> MODELS = List.of(AciSingleJob.class, AuthResponse.class,
            CreateFinalWorkflowGraph.class, CreateWorkflowGraph.class, CreateWorkflowVersionRequest.class,
            DockerNetworkPort.class, FinalWorkflow.class, FinalWorkflowGraph.class,
            GetAllFinalWorkflowGraphsResponse.class, GetAllWorkflowGraphsResponse.class, KubernetesSingleJob.class,
            RefreshResponse.class, SearchMetadata.class, SelectAccountResponse.class, SessionInfo.class,
            UpdateFinalWorkflowNameRequest.class, UpdateWorkflowGraph.class, UpdateWorkflowVersionRequest.class,
            VersionInFinalWorkflow.class, WorkflowAppAci.class, WorkflowAppDeployment.class,
            WorkflowAppKubernetes.class, WorkflowDeployment.class, WorkflowEdge.class, WorkflowEdgeLink.class,
            WorkflowGraph.class, WorkflowLinkMetadata.class, WorkflowMetadata.class, WorkflowObject.class,
            WorkflowObjectFinalApp.class, WorkflowObjectFinalAppPatch.class, WorkflowObjectRef.class,
            WorkflowObjectRefApp.class, WorkflowObjectRefDataset.class, WorkflowObjectRefPlaceholder.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private interface LeaveOutNulls {
    }

    @Override
    public void customize(ObjectMapper mapper) {
        MODELS.forEach(model -> mapper.addMixIn(model, LeaveOutNulls.class));
    }

    /** A stored document as a model, every object's keys sorted first. */
    static <T> T toModel(ObjectMapper mapper, JsonNode document, Class<T> type) {
        try {
            return mapper.treeToValue(sorted(document), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored Fortanix document does not match its model", e);
        }
    }

    /** A deep copy whose objects list their keys in plain string order. */
    static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            Collections.sort(names);
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> copy.set(name, sorted(object.get(name))));
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
