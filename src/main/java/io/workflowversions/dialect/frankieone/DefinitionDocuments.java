package io.workflowversions.dialect.frankieone;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.workflowversions.dialect.frankieone.api.model.WorkflowDefinition;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.http.FieldIssue;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a workflow definition document: its known fields bound to the generated model with nulls refused (the type
 * check, which stops at the first wrong type), then every rule of the contract at once, so that one answer names
 * every problem found. The rules are checked on the document rather than by bean validation, which does not look
 * inside models that are also maps.
 */
@ApplicationScoped
class DefinitionDocuments {

    /** Fields the server owns: accepted in a body and ignored. */
    static final Set<String> READ_ONLY = Set.of("versions", "version", "versionId", "createdAt", "updatedAt",
            "createdBy", "updatedBy");

    /** Body fields that are not part of the stored document. */
    static final Set<String> NOT_STORED = Set.of("id", "isDraft");

    private final ObjectMapper strict;

    DefinitionDocuments(ObjectMapper mapper) {
        // The spec allows no null for any modelled field; an explicit null is a wrong type, not an absent field.
        this.strict = mapper.copy();
        strict.setDefaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL));
    }

    /** A checked body: its known fields, typed, and what is stored of it. */
    record Checked(WorkflowDefinition fields, ObjectNode storable) {
    }

    /**
     * Checks the body and makes the one copy of it that is stored: everything the client sent except the server's
     * fields and the id and draft flag (the path's and the request's, not the document's).
     */
    Checked check(JsonNode body) {
        if (body == null) {
            throw invalid(List.of(new FieldIssue(FrankieOneErrorEnvelope.BODY, "A workflow definition body is required")));
        }
        if (!(body instanceof ObjectNode document)) {
            throw invalid(List.of(new FieldIssue(FrankieOneErrorEnvelope.BODY, "The body must be a JSON object")));
        }
        ObjectNode storable = document.deepCopy();
        storable.remove(READ_ONLY);
        // A wrong type fails with Jackson's own exception as the cause, which names the field.
        WorkflowDefinition fields = strict.convertValue(storable, WorkflowDefinition.class);
        List<FieldIssue> issues = ruleIssues(document);
        if (!issues.isEmpty()) {
            throw invalid(issues);
        }
        storable.remove(NOT_STORED);
        return new Checked(fields, storable);
    }

    /** The contract's rules, on a document whose known fields have the right types. */
    private static List<FieldIssue> ruleIssues(ObjectNode document) {
        List<FieldIssue> issues = new ArrayList<>();
        requireText(document, "name", "name", issues);
        if (!document.has("tasks")) {
            issues.add(new FieldIssue("tasks", REQUIRED));
        }
        requireObject(document, "initialState", "initialState", issues);
        checkErrorHandling(document.get("defaultErrorHandling"), "defaultErrorHandling", issues);
        if (document.get("tasks") instanceof ArrayNode tasks) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < tasks.size(); i++) {
                String path = "tasks[" + i + "]";
                JsonNode task = tasks.get(i);
                if (requireText(task, "id", path + ".id", issues) && !seen.add(task.get("id").asText())) {
                    issues.add(new FieldIssue(path + ".id", "must be unique within tasks"));
                }
                checkErrorHandling(task.get("errorHandling"), path + ".errorHandling", issues);
            }
        }
        return issues;
    }

    private static final String REQUIRED = "is required";

    /** Whether the field is present and not blank; reports it otherwise. */
    private static boolean requireText(JsonNode parent, String field, String path, List<FieldIssue> issues) {
        JsonNode value = parent.get(field);
        if (value == null) {
            issues.add(new FieldIssue(path, REQUIRED));
            return false;
        }
        if (value.asText().isBlank()) {
            issues.add(new FieldIssue(path, "must not be blank"));
            return false;
        }
        return true;
    }

    private static void checkErrorHandling(JsonNode errorHandling, String path, List<FieldIssue> issues) {
        if (!(errorHandling instanceof ObjectNode object)) {
            return;
        }
        requireObject(object, "fallbackState", path + ".fallbackState", issues);
        if (object.get("retryConfig") instanceof ObjectNode retry) {
            for (String number : List.of("maxAttempts", "delayMs", "backoffFactor")) {
                JsonNode value = retry.get(number);
                if (value != null && value.isNumber() && value.decimalValue().signum() < 0) {
                    issues.add(new FieldIssue(path + ".retryConfig." + number, "must be greater than or equal to 0"));
                }
            }
        }
    }

    private static void requireObject(JsonNode parent, String field, String path, List<FieldIssue> issues) {
        JsonNode value = parent.get(field);
        if (value != null && !value.isObject()) {
            issues.add(new FieldIssue(path, "expected an object"));
        }
    }

    private static ApiException invalid(List<FieldIssue> issues) {
        String message = issues.stream().map(i -> i.field() + ": " + i.message()).collect(Collectors.joining("; "));
        return new ApiException(new Failure(FailureKind.INVALID_INPUT, FrankieOneErrorEnvelope.VALIDATION, message, issues));
    }
}
