package io.workflowversions.dialect.frankieone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.workflowversions.dialect.frankieone.api.WorkflowDefinitionsApi;
import io.workflowversions.dialect.frankieone.api.model.DeleteResponse;
import io.workflowversions.dialect.frankieone.api.model.ListMeta;
import io.workflowversions.dialect.frankieone.api.model.WorkflowDefinition;
import io.workflowversions.dialect.frankieone.api.model.WorkflowDefinitionListResponse;
import io.workflowversions.dialect.frankieone.api.model.WorkflowDefinitionResponse;
import io.workflowversions.dialect.frankieone.api.model.WorkflowDefinitionVersionSummary;
import io.workflowversions.dialect.frankieone.api.model.WorkflowDefinitionVersionsResponse;
import io.workflowversions.security.Caller;
import io.workflowversions.security.Principal;
import io.workflowversions.security.Roles;
import io.workflowversions.store.PageRequest;
import io.workflowversions.store.WorkflowVersion;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

/** The FrankieOne workflow definition API: the vendor's upsert and the service's read, list and delete extensions. */
@Cancellable(false)
@RolesAllowed(Roles.READ)
public class WorkflowDefinitionsResource implements WorkflowDefinitionsApi {

    /** The API's sort field names and the workflow columns behind them. */
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "id", "externalKey", "name", "name", "createdAt", "createdAt", "updatedAt", "updatedAt");

    private final DefinitionService definitions;
    private final Caller caller;
    private final DefinitionDocuments documents;
    private final Ulid ulid;

    WorkflowDefinitionsResource(DefinitionService definitions, Caller caller, DefinitionDocuments documents, Ulid ulid) {
        this.definitions = definitions;
        this.caller = caller;
        this.documents = documents;
        this.ulid = ulid;
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<WorkflowDefinitionResponse>> createOrUpdateWorkflowDefinition(String workflowDefinitionId,
            String xFrankieCustomerID, JsonNode workflowDefinition, String xFrankieCustomerChildID,
            String xFrankieChannel, String xFrankieUsername, String xFrankieRequestID) {
        Principal principal = caller.principal();
        DefinitionDocuments.Checked checked = documents.check(workflowDefinition);
        WorkflowDefinition fields = checked.fields();
        if (fields.getId() != null && !fields.getId().equals(workflowDefinitionId)) {
            throw FrankieOneRequestFilters.invalid("id", "must equal the workflowDefinitionId of the path");
        }
        DefinitionService.Save save = new DefinitionService.Save(workflowDefinitionId, checked.storable(),
                fields.getName(), Boolean.TRUE.equals(fields.getIsDraft()),
                author(principal, xFrankieUsername), channel(xFrankieChannel));
        return definitions.save(principal.scope(), save).map(this::answer);
    }

    @Override
    public Uni<RestResponse<WorkflowDefinitionResponse>> getWorkflowDefinition(String workflowDefinitionId,
            String xFrankieCustomerID, String xFrankieCustomerChildID, String xFrankieChannel, String xFrankieUsername,
            String xFrankieRequestID, Integer version) {
        return definitions.get(caller.principal().scope(), workflowDefinitionId, version).map(this::answer);
    }

    @Override
    public Uni<RestResponse<WorkflowDefinitionVersionsResponse>> listWorkflowDefinitionVersions(
            String workflowDefinitionId, String xFrankieCustomerID, String xFrankieCustomerChildID,
            String xFrankieChannel, String xFrankieUsername, String xFrankieRequestID) {
        return definitions.publishedVersions(caller.principal().scope(), workflowDefinitionId)
                .map(versions -> RestResponse.ok(new WorkflowDefinitionVersionsResponse()
                        .requestId(ulid.next())
                        .workflowDefinitionId(workflowDefinitionId)
                        .versions(versions.stream().map(WorkflowDefinitionsResource::summary).toList())));
    }

    @Override
    @RolesAllowed(Roles.WRITE)
    public Uni<RestResponse<DeleteResponse>> deleteWorkflowDefinition(String workflowDefinitionId,
            String xFrankieCustomerID, String xFrankieCustomerChildID, String xFrankieChannel, String xFrankieUsername,
            String xFrankieRequestID) {
        return definitions.delete(caller.principal().scope(), workflowDefinitionId)
                .map(nothing -> RestResponse.ok(new DeleteResponse().requestId(ulid.next())));
    }

    @Override
    public Uni<RestResponse<WorkflowDefinitionListResponse>> listWorkflowDefinitions(String xFrankieCustomerID,
            String xFrankieCustomerChildID, String xFrankieChannel, String xFrankieUsername, String xFrankieRequestID,
            Integer page, Integer limit, String sort, String sortFields) {
        List<String> fields = Arrays.asList(sortFields.split(","));
        Sort.Direction direction = "desc".equals(sort) ? Sort.Direction.Descending : Sort.Direction.Ascending;
        Sort order = Sort.by(SORT_COLUMNS.get(fields.get(0)), direction);
        fields.stream().skip(1).forEach(field -> order.and(SORT_COLUMNS.get(field), direction));
        return definitions.list(caller.principal().scope(), PageRequest.ofPage(page, limit), order)
                .map(found -> RestResponse.ok(new WorkflowDefinitionListResponse()
                        .requestId(ulid.next())
                        .workflowDefinitions(found.items().stream().map(WorkflowDefinitionsResource::definition).toList())
                        .meta(new ListMeta()
                                .page(page)
                                .limit(limit)
                                .total(found.total())
                                .count(found.items().size())
                                .sort(ListMeta.SortEnum.fromValue(sort))
                                .sortFields(fields))));
    }

    // ---- mapping --------------------------------------------------------------------------------------------

    private RestResponse<WorkflowDefinitionResponse> answer(DefinitionService.Snapshot snapshot) {
        return RestResponse.ok(new WorkflowDefinitionResponse().requestId(ulid.next())
                .workflowDefinition(definition(snapshot)));
    }

    /** The stored document with the server's fields, in the vendor's field order. */
    static JsonNode definition(DefinitionService.Snapshot snapshot) {
        WorkflowVersion version = snapshot.version();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", snapshot.workflow().externalKey);
        version.content.properties().forEach(field -> {
            if (!DefinitionDocuments.NOT_STORED.contains(field.getKey())
                    && !DefinitionDocuments.READ_ONLY.contains(field.getKey())) {
                json.set(field.getKey(), field.getValue());
            }
        });
        json.put("isDraft", snapshot.draft());
        ArrayNode versions = json.putArray("versions");
        snapshot.published().forEach(versions::add);
        json.put("version", snapshot.draft() ? -1 : version.number);
        json.put("versionId", version.publicId);
        // The same text Jackson writes for the version list's OffsetDateTime fields, so one instant reads the same
        // in every answer (Instant.toString would keep trailing zeros that Jackson drops).
        json.put("createdAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(snapshot.workflow().createdAt.atOffset(ZoneOffset.UTC)));
        json.put("updatedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(version.updatedAt.atOffset(ZoneOffset.UTC)));
        json.put("createdBy", snapshot.workflow().createdBy);
        json.put("updatedBy", version.updatedBy);
        return json;
    }

    private static WorkflowDefinitionVersionSummary summary(WorkflowVersion version) {
        return new WorkflowDefinitionVersionSummary()
                .version(version.number.intValue())
                .versionId(version.publicId)
                .createdAt(version.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(version.createdAt.atOffset(ZoneOffset.UTC));
    }

    /** {@code X-Frankie-Username}, else the key's display name (never an internal id), else its customer. */
    static String author(Principal principal, String username) {
        if (username != null && !username.isBlank()) {
            return username.strip();
        }
        if (principal.displayName() != null && !principal.displayName().isBlank()) {
            return principal.displayName();
        }
        return principal.tenant();
    }

    /** {@code X-Frankie-Channel}, truncated to 64 characters as the vendor does; never rejected. */
    static String channel(String channel) {
        if (channel == null || channel.isEmpty()) {
            return null;
        }
        return channel.substring(0, Math.min(channel.length(), DefinitionService.CHANNEL_LENGTH));
    }
}
