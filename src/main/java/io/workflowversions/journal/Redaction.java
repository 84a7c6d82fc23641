package io.workflowversions.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the journal never keeps: credentials in headers, and the passwords and tokens of logins. */
final class Redaction {

    static final String REDACTED = "[redacted]";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "x-auth-token",
            "x-subject-token", "api_key", "cookie", "set-cookie");
    /** The operations whose request or answer bodies carry a password or a token. */
    private static final Set<String> LOGINS = Set.of("authenticateUser", "keystoneCreateUserTokenByPassword", "login");
    private static final Set<String> SECRET_FIELDS = Set.of("password", "secret", "token", "access_token",
            "refresh_token", "id_token");

    private Redaction() {
    }

    /** A header's value as kept: a secret is replaced, and an Authorization keeps its scheme. */
    static String header(String lowerCaseName, String value) {
        if (!SECRET_HEADERS.contains(lowerCaseName)) {
            return value;
        }
        int space = value.indexOf(' ');
        return lowerCaseName.endsWith("authorization") && space > 0 ? value.substring(0, space) + " " + REDACTED : REDACTED;
    }

    /** Whether an operation's bodies carry a password or a token. */
    static boolean isLogin(String operation) {
        return operation != null && LOGINS.contains(operation);
    }

    /** A login's body with every password and token field replaced; one that is not JSON is not kept at all. */
    static byte[] loginBody(byte[] body, ObjectMapper mapper) {
        try {
            JsonNode tree = mapper.readTree(body);
            redact(tree);
            return mapper.writeValueAsBytes(tree);
        } catch (IOException e) {
            return REDACTED.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (SECRET_FIELDS.contains(field.getKey().toLowerCase(Locale.ROOT)) && field.getValue().isValueNode()) {
                    field.setValue(object.textNode(REDACTED));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(Redaction::redact);
        }
    }
}
