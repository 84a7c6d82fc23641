package io.workflowversions.store;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * Prepared statements on the connection of the current session, so inside its transaction, with none of the ORM's
 * work around them: no query plan, no entity to hydrate, snapshot and dirty-check. For the hot write statements whose
 * rows the request does not change again (a profile of a version insert through the ORM spent more time in that work
 * than in the statement). Parameters are {@code $1}, {@code $2}, ...; a jsonb value is bound as text and cast.
 */
final class SessionStatements {

    private SessionStatements() {
    }

    /**
     * The number in the first column of the one row a statement answers (a sequence value, a returned id or count),
     * or null when it answers no row (an update of a row that is gone).
     */
    static Uni<Long> number(String sql, Object... params) {
        return Panache.getSession().flatMap(session -> Uni.createFrom()
                .completionStage(() -> connection(session).select(sql, params)))
                .map(rows -> rows.hasNext() ? ((Number) rows.next()[0]).longValue() : null);
    }

    /** The one row a statement answers, its columns in order, or null when it answers no row. */
    static Uni<Object[]> row(String sql, Object... params) {
        return Panache.getSession().flatMap(session -> Uni.createFrom()
                .completionStage(() -> connection(session).select(sql, params)))
                .map(rows -> rows.hasNext() ? rows.next() : null);
    }

    /** The number of rows an insert, update or delete changed. */
    static Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().flatMap(session -> Uni.createFrom()
                .completionStage(() -> connection(session).update(sql, params)));
    }

    private static ReactiveConnection connection(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl impl) {
            return impl.getReactiveConnection();
        }
        throw new IllegalStateException("no reactive connection behind a " + session.getClass().getName());
    }
}
