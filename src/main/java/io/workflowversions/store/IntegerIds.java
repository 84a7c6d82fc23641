package io.workflowversions.store;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * For dialects that show integer ids: the store-wide serial (a prepared statement on the session's connection, as
 * the store's other single-number statements) and workflows in the order of their integer keys.
 */
@ApplicationScoped
public class IntegerIds {

    static final String NEXT_SERIAL_SQL = "select nextval('public_serial')";

    private final WorkflowRepository workflows;

    IntegerIds(WorkflowRepository workflows) {
        this.workflows = workflows;
    }

    /**
     * The next value of the store-wide serial, for dialects that show integer ids: unique across workflows and
     * versions, never reused, allocated by the database (so several instances never hand out the same one).
     */
    @WithSession
    public Uni<Long> nextSerial() {
        return SessionStatements.number(NEXT_SERIAL_SQL);
    }

    /**
     * The workflows of a scope and kind ordered by external key, shorter keys first: integer keys (from
     * {@link #nextSerial()}) come in numeric order.
     */
    @WithSession
    public Uni<Page<Workflow>> listWorkflowsByKey(TenantScope scope, String kind, PageRequest page) {
        Parameters params = WorkflowRepository.scoped(scope, kind);
        return Page.window(workflows.find(WorkflowRepository.IN_SCOPE + " order by length(externalKey), externalKey, id", params),
                page, () -> workflows.count(WorkflowRepository.IN_SCOPE, params));
    }
}
