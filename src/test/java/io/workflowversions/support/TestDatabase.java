package io.workflowversions.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.workflowversions.boot.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The tests' PostgreSQL: the same embedded server the service starts by default, started once for the whole test
 * run and stopped when the JVM exits.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    public static synchronized EmbeddedDatabase instance() {
        if (database == null) {
            database = EmbeddedDatabase.start(Path.of("target", "test-postgres"), true);
            EmbeddedDatabase started = database;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-postgres-stop"));
        }
        return database;
    }

    /** A plain JDBC connection, for asserting on what is really stored. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(instance().jdbcUrl(), "postgres", "postgres");
    }

    @Override
    public Map<String, String> start() {
        return instance().datasourceProperties();
    }

    @Override
    public void stop() {
        // Kept for the next test class; the JVM's exit stops it.
    }
}
