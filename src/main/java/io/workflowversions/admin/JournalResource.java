package io.workflowversions.admin;

import io.smallrye.mutiny.Uni;
import io.workflowversions.admin.api.JournalApi;
import io.workflowversions.admin.api.model.Dialect;
import io.workflowversions.admin.api.model.JournalCount;
import io.workflowversions.admin.api.model.JournalMatcher;
import io.workflowversions.admin.api.model.JournalPage;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.ApiOperations;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.journal.JournalEntry;
import io.workflowversions.journal.JournalQuery;
import io.workflowversions.journal.RequestJournal;
import io.workflowversions.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.Cancellable;

@Cancellable(false)
@RolesAllowed(Roles.OPERATE)
public class JournalResource implements JournalApi {

    private static final int DEFAULT_LIMIT = 100;

    private final RequestJournal journal;
    private final ApiOperations operations;

    JournalResource(RequestJournal journal, ApiOperations operations) {
        this.journal = journal;
        this.operations = operations;
    }

    @Override
    public Uni<RestResponse<JournalPage>> listJournal(Dialect dialect, String operation, String tenant, Integer status,
            String since, Integer limit) {
        JournalQuery query = query(dialect, operation, tenant, status, since(since));
        JournalPage page = new JournalPage();
        journal.newest(query, limit == null ? DEFAULT_LIMIT : limit).forEach(entry -> page.addItemsItem(view(entry)));
        return Uni.createFrom().item(RestResponse.ok(page));
    }

    @Override
    public Uni<RestResponse<JournalCount>> countJournal(JournalMatcher matcher) {
        Instant since = matcher.getSince() == null ? null : matcher.getSince().toInstant();
        JournalQuery query = query(matcher.getDialect(), matcher.getOperation(), matcher.getTenant(), matcher.getStatus(),
                since);
        return Uni.createFrom().item(RestResponse.ok(new JournalCount().count(journal.count(query))));
    }

    @Override
    public Uni<RestResponse<Void>> clearJournal() {
        journal.clear();
        return Uni.createFrom().item(RestResponse.noContent());
    }

    private JournalQuery query(Dialect dialect, String operation, String tenant, Integer status, Instant since) {
        if (!journal.enabled()) {
            throw new ApiException(FailureKind.CONFLICT,
                    "The request journal is off on this instance: it is on by default only with the embedded database;"
                            + " set workflow-versions.journal.enabled=true");
        }
        String dialectName = dialect == null ? null : dialect.toString();
        if (operation != null && !operations.exists(dialectName, operation)) {
            throw new ApiException(Failure.invalid("operation", dialectName == null
                    ? "is not an operationId of any dialect's spec" : "is not an operationId of the " + dialectName + " spec"));
        }
        return new JournalQuery(dialectName, operation, tenant, status, since);
    }

    private static Instant since(String since) {
        if (since == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(Failure.invalid("since", "is not an RFC 3339 date-time"));
        }
    }

    private static io.workflowversions.admin.api.model.JournalEntry view(JournalEntry entry) {
        return new io.workflowversions.admin.api.model.JournalEntry()
                .id(entry.id())
                .time(entry.time().atOffset(ZoneOffset.UTC))
                .dialect(Dialect.fromValue(entry.dialect()))
                .tenant(entry.tenant())
                .operation(entry.operation())
                .method(entry.method())
                .path(entry.path())
                .query(entry.query())
                .status(entry.status())
                .durationMs(entry.durationMs())
                .requestHeaders(entry.requestHeaders())
                .requestBody(entry.requestBody().text())
                .requestBodyTruncated(entry.requestBody().truncated())
                .responseHeaders(entry.responseHeaders())
                .responseBody(entry.responseBody().text())
                .responseBodyTruncated(entry.responseBody().truncated());
    }
}
