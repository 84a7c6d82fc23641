package io.workflowversions.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.MultiMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

    /** Lower-case names, repeats joined with ", ", secrets replaced; an Authorization keeps its scheme. */
    static Map<String, String> headers(MultiMap headers) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            kept.merge(name, value(name, header.getValue()), (first, next) -> first + ", " + next);
        }
        return kept;
    }

    private static String value(String name, String value) {
        if (!SECRET_HEADERS.contains(name)) {
            return value;
        }
        int space = value.indexOf(' ');
        return name.endsWith("authorization") && space > 0 ? value.substring(0, space) + " " + REDACTED : REDACTED;
    }

    /** A login's body with every password and token field replaced; a login body that is not JSON is not kept. */
    static JournalEntry.Body body(String operation, JournalEntry.Body body, ObjectMapper mapper) {
        if (body.text() == null || operation == null || !LOGINS.contains(operation)) {
            return body;
        }
        try {
            JsonNode tree = mapper.readTree(body.text());
            redact(tree);
            return new JournalEntry.Body(mapper.writeValueAsString(tree), body.truncated());
        } catch (JsonProcessingException e) {
            return new JournalEntry.Body(REDACTED, body.truncated());
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
