package io.workflowversions.admin;

import io.workflowversions.config.ServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/** The admin API's bearer token: configured, or generated for this run and printed once. */
@ApplicationScoped
public class AdminToken {

    private static final Logger LOG = Logger.getLogger(AdminToken.class);

    private final byte[] token;
    private final boolean configured;

    AdminToken(ServiceConfig config) {
        this.configured = config.adminToken().isPresent();
        String value = config.adminToken().orElseGet(AdminToken::generate);
        this.token = value.getBytes(StandardCharsets.UTF_8);
        if (!configured) {
            LOG.infof("No admin token configured (WORKFLOW_VERSIONS_ADMIN_TOKEN); this run's admin token is: %s", value);
        }
    }

    public boolean configured() {
        return configured;
    }

    /** Compares in constant time, so response timing reveals nothing of the token. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
