package io.workflowversions.store;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import org.hibernate.JDBCException;

/** The SQLSTATE of a database error, whether it comes from the reactive client or through Hibernate. */
public final class SqlState {

    /** A row refers to one that is not there (any more): a foreign key violation. */
    static final String FOREIGN_KEY_VIOLATION = "23503";
    static final String UNIQUE_VIOLATION = "23505";

    private SqlState() {
    }

    /** The SQLSTATE of this throwable itself (not of its causes), or null when it is no database error. */
    public static String of(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    /** Whether this throwable or one of its causes carries the state. */
    static boolean in(Throwable thrown, String state) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (state.equals(of(t))) {
                return true;
            }
        }
        return false;
    }
}
