package io.workflowversions.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.workflowversions.boot.EmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * One process of the service as the build produced it (the packaged jar, or the native executable after a native
 * build: see {@link BuiltArtifact}), its output captured to a file.
 */
public final class ServiceProcess {

    private static final Pattern ADMIN_TOKEN = Pattern.compile("this run's admin token is: (\\S+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static ServiceProcess start(Path workDir, Map<String, String> env) {
        try {
            return start(workDir, env, freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the service on the given loopback port (a restart keeps its address). */
    public static ServiceProcess start(Path workDir, Map<String, String> env, int port) {
        try {
            Path log = Files.createTempFile(workDir.toAbsolutePath().getParent(), "service-", ".log");
            ProcessBuilder builder = new ProcessBuilder(BuiltArtifact.current().command())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_") || key.startsWith("WORKFLOW_VERSIONS_"));
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            return new ServiceProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The settings that put an instance on an external database with keys shared by every instance: the same JWT
     * signing key, credential key and admin token.
     */
    public static Map<String, String> sharedInstanceEnv(EmbeddedDatabase database, SharedKeys keys) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("WORKFLOW_VERSIONS_ADMIN_TOKEN", keys.adminToken());
        env.put("WORKFLOW_VERSIONS_JWT_PRIVATE_KEY", keys.privateKeyPem());
        env.put("WORKFLOW_VERSIONS_CREDENTIAL_KEY", keys.credentialKey());
        return env;
    }

    /** Keys generated for one test: an RSA signing key as PKCS#8 PEM, a credential key and an admin token. */
    public record SharedKeys(String privateKeyPem, String credentialKey, String adminToken) {

        public static SharedKeys generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
                String pem = "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                        + "\n-----END PRIVATE KEY-----\n";
                byte[] credential = new byte[32];
                SecureRandom random = new SecureRandom();
                random.nextBytes(credential);
                byte[] admin = new byte[24];
                random.nextBytes(admin);
                return new SharedKeys(pem, Base64.getEncoder().encodeToString(credential),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(admin));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public void awaitReady(Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                .failFast("the service exited:\n" + output(), () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> given().baseUri(url()).get("/q/health/ready").statusCode() == 200);
    }

    public String printedAdminToken() {
        Matcher matcher = ADMIN_TOKEN.matcher(output());
        assertThat(matcher.find()).as("the generated admin token is printed").isTrue();
        String token = matcher.group(1);
        while (matcher.find()) {
            token = matcher.group(1);
        }
        return token;
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** The lines of the log at level ERROR (the last {@code max} of them), for a failure message. */
    public String errorLines(int max) {
        List<String> errors = output().lines().filter(line -> line.contains(" ERROR ")).toList();
        return String.join("\n", errors.subList(Math.max(0, errors.size() - max), errors.size()));
    }

    /** Sends SIGTERM and waits for the exit; answers the exit code. */
    public int stop() {
        try {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: the process ends at once, with no shutdown of any kind. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the output under target/it-logs for whoever reads a failed build. */
    public void keepLog(String name) {
        try {
            Path logs = Files.createDirectories(Path.of("target", "it-logs"));
            Files.writeString(logs.resolve(name + ".log"), output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
