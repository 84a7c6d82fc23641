package io.workflowversions.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL server started from binaries shipped in Maven artifacts, so the service runs with no database
 * installed. Used by the default start and by the tests; never when a datasource URL is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on a free loopback port, keeping its files in {@code directory} across restarts.
     *
     * @param clean whether to wipe the directory first (tests) or keep what is there (the service)
     */
    public static EmbeddedDatabase start(Path directory, boolean clean) {
        return start(directory, clean, 0);
    }

    /** As {@link #start(Path, boolean)}, on the given port (0 for any free one). */
    public static EmbeddedDatabase start(Path directory, boolean clean, int port) {
        try {
            Files.createDirectories(directory.toAbsolutePath().getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(clean)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedDatabase(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:" + reactiveUrl();
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The configuration that points Quarkus at this server. */
    public Map<String, String> datasourceProperties() {
        return Map.of(
                "quarkus.datasource.reactive.url", reactiveUrl(),
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", USER);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
