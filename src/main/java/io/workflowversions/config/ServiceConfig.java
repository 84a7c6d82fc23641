package io.workflowversions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings, under {@code workflow-versions.*} (env {@code WORKFLOW_VERSIONS_*}). */
@ConfigMapping(prefix = "workflow-versions")
public interface ServiceConfig {

    /** Where the embedded database and the generated development keys live. */
    @WithDefault("data")
    Path dataDir();

    /** The admin API's bearer token; generated and printed at start when unset. */
    Optional<String> adminToken();

    /** Create the demo credentials of every dialect; defaults to on only in zero-configuration mode. */
    Optional<Boolean> demoCredentials();

    /** Set by the launcher when it started the embedded database. */
    @WithDefault("false")
    boolean embeddedDatabase();

    Jwt jwt();

    /**
     * Base64 of at least 32 random bytes. Seals secret keys and peppers API-key hashes; every instance that shares a
     * database needs the same one. Generated under the data directory when unset.
     */
    Optional<String> credentialKey();

    interface Jwt {
        /** PEM of the RSA private key that signs tokens; generated under the data directory when unset. */
        Optional<String> privateKey();

        /** PEM of the matching public key; derived from the private key when unset. */
        Optional<String> publicKey();

        @WithDefault("workflow-versions")
        String issuer();
    }

    /** Maximum request body size, in bytes, for every API. */
    @WithDefault("8388608")
    long maxBodyBytes();

    /**
     * Maximum length of a request's URI (path and query), for every API; longer ones are answered 414 in the API's
     * envelope. The HTTP server itself cuts off request lines only far above it (1 MiB).
     */
    @WithDefault("8192")
    int maxUriLength();

    /** How long a request waits for a database connection before it is answered 503. */
    @WithDefault("PT2S")
    Duration databaseTimeout();

    /** How many reads (versions, pages, principals) each instance keeps in memory; 0 turns the read cache off. */
    @WithDefault("20000")
    long readCacheEntries();

    /**
     * How often each instance reads the change log; a change through another instance is seen here within about
     * this long (a change through this instance at once).
     */
    @WithDefault("PT0.01S")
    Duration changePollInterval();

    Login login();

    Journal journal();

    /** The request journal of each instance: what the dialects were sent and what they answered. */
    interface Journal {
        /**
         * Record requests; defaults to on when the service runs its embedded database (the start of test suites and
         * local work), off on an external one, where recording would cost every request for no reader.
         */
        Optional<Boolean> enabled();

        /** The newest this many exchanges are kept. */
        @WithDefault("1000")
        int maxEntries();

        /** ... within this many bytes of their paths, headers and bodies (allocated at the first request recorded). */
        @WithDefault("4194304")
        long maxBytes();

        /** Each body is kept up to this many bytes. */
        @WithDefault("16384")
        int maxBodyBytes();
    }

    /** Password logins of every dialect: after max-failures within window, the user is refused for cooldown. */
    interface Login {
        @WithDefault("10")
        int maxFailures();

        @WithDefault("PT1M")
        Duration window();

        @WithDefault("PT5M")
        Duration cooldown();
    }
}
