package io.workflowversions.dialect.secmaster;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.workflowversions.store.Workflow;
import io.workflowversions.store.WorkflowVersion;

/**
 * What the dialect keeps in the store beyond its columns: a workflow's and a version's jsonb {@code attributes} and a
 * version's {@code content}, typed, under the vendor's field names. Unset strings are {@code ""}, as the vendor
 * answers them. Each is read as a copy and written back whole.
 */
final class Stored {

    /** A null stored where a string belongs reads as unset. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .defaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.SKIP))
            .build();

    private Stored() {
    }

    /** What workflows and versions both keep: who owns, created and last modified one, and its data class. */
    @RegisterForReflection
    abstract static class SharedFields {
        public String ownerId = "";
        public String creatorId = "";
        public String creatorName = "";
        public String modifierId = "";
        public String modifierName = "";
        public String dataclassId = "";
        public String dataclassName = "";
    }

    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    static final class WorkflowFields extends SharedFields {
        public String editRole = "";
        public String useRole = "";
        public String approveRole = "";
        public boolean enabled;
        /** The activated version, and its label. */
        public String versionId = "";
        public String version = "";
        public String currentApprovalVersionId = "";
        public String currentRejectedVersionId = "";
        public String aopType = "";
        public String engineType = "";
        public String labels = "";
        /** The last version label number handed out ("V3" → 3); only ever raised, under the workflow's lock. */
        public long labelCounter;
    }

    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    static final class VersionFields extends SharedFields {
        public String name = "";
        public String description = "";
        public String aopworkflowId = "";
        public String projectId = "";
        public String workspaceId = "";
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public Review review;
    }

    @RegisterForReflection
    record Review(String result, String content) {
    }

    @RegisterForReflection
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    static final class VersionContent {
        public String taskconfig = "";
        public String taskflow = "";
        public String taskflowType = "";
        public String aopType = "";
        public String input = "";
        public String output = "";
    }

    static WorkflowFields fields(Workflow workflow) {
        return read(workflow.attributes, WorkflowFields.class);
    }

    static VersionFields fields(WorkflowVersion version) {
        return read(version.attributes, VersionFields.class);
    }

    static VersionContent content(WorkflowVersion version) {
        return read(version.content, VersionContent.class);
    }

    private static <T> T read(JsonNode stored, Class<T> type) {
        try {
            return JSON.treeToValue(stored, type);
        } catch (JsonProcessingException e) {
            // Without the cause: a JSON failure in it would be answered as the client's mistake.
            throw new IllegalStateException("A stored SecMaster document does not match its type: " + e.getMessage());
        }
    }

    static JsonNode json(Object document) {
        return JSON.valueToTree(document);
    }
}
