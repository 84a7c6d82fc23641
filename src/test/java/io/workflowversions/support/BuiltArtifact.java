package io.workflowversions.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What the last build packaged, as Quarkus records it in {@code target/quarkus-artifact.properties} for its own
 * integration tests: the jar of {@code ./mvnw verify}, or the native executable of {@code ./mvnw verify -Dnative}.
 * The process tests start whichever it is, so that they run against the native executable too.
 */
public record BuiltArtifact(String type, Path path) {

    private static final Path RECORD = Path.of("target", "quarkus-artifact.properties");

    public static BuiltArtifact current() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RECORD)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("No packaged service: run the tests through ./mvnw verify", e);
        }
        String type = properties.getProperty("type");
        if (!"jar".equals(type) && !"native".equals(type)) {
            throw new IllegalStateException("The build packaged a " + type + ", neither a jar nor a native executable");
        }
        return new BuiltArtifact(type, RECORD.getParent().resolve(properties.getProperty("path")).toAbsolutePath());
    }

    public boolean isNative() {
        return "native".equals(type);
    }

    /** The command that starts it, as a user would. */
    public List<String> command() {
        if (isNative()) {
            return List.of(path.toString());
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                path.toString());
    }
}
