package io.workflowversions.boot;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Starts the service. When no datasource URL is configured, a PostgreSQL server is started first from the
 * embedded binaries, with its files under the data directory, so that a newcomer needs no database at all.
 * A configured URL always wins, and then nothing embedded starts.
 */
@QuarkusMain
public class WorkflowVersionsMain {

    /** Set for the running service when it uses the embedded database (zero-configuration mode). */
    public static final String EMBEDDED_MARKER = "workflow-versions.embedded-database";

    private static final Logger LOG = Logger.getLogger(WorkflowVersionsMain.class);

    public static void main(String... args) {
        if (!datasourceConfigured()) {
            startEmbedded();
        }
        Quarkus.run(args);
    }

    private static void startEmbedded() {
        Path directory = Path.of(setting("workflow-versions.embedded-database.directory")
                .orElse(setting("workflow-versions.data-dir").orElse("data") + "/postgres"));
        LOG.infof("No datasource URL configured: starting the embedded PostgreSQL with its data in %s",
                directory.toAbsolutePath());
        EmbeddedDatabase database = EmbeddedDatabase.start(directory, false);
        database.datasourceProperties().forEach(System::setProperty);
        System.setProperty(EMBEDDED_MARKER, "true");
        // Stopped after Quarkus: shutdown hooks run concurrently, so the database waits for the service's own stop.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Quarkus.waitForExit();
            database.close();
        }, "embedded-postgres-stop"));
    }

    /** Whether any datasource URL is set in the environment, system properties or a .env file. */
    static boolean datasourceConfigured() {
        return setting("quarkus.datasource.reactive.url").isPresent() || setting("quarkus.datasource.jdbc.url").isPresent();
    }

    /** Reads a setting before Quarkus starts, the way Quarkus will: system property first, then environment. */
    static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
