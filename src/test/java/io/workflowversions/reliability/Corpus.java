package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.SpecValidation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bad-input corpus kept as data: {@code corpus/<dialect>/cases.json} lists the cases, each with its method, path
 * template, headers, body (text, or raw bytes in base64) and the expected status and envelope code.
 *
 * <p>Templates: {@code {{name}}} in the path, headers and body is replaced by the value of a precondition the test
 * created (a workflow, a version...). Bodies may also hold generators, so that big inputs are not stored:
 * {@code {{LONG:n}}} is n letters, {@code {{DIGITS:n}}} n nines, {@code {{DEEP:n}}} n nested arrays and
 * {@code {{OVER_8_MIB}}} 8 MiB and one byte of letters.
 */
final class Corpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A request the service never answers fails after this long instead of holding up the build. */
    static final HttpClientConfig ANSWER_WITHIN = HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 10_000)
            .setParam("http.socket.timeout", 30_000);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z_0-9]+)(?::(\\d+))?}}");

    /** One case of the corpus. */
    record Case(String name, String method, String path, Map<String, String> headers, String contentType, String body,
            String bodyBase64, int status, String code, boolean inSpec) {

        @Override
        public String toString() {
            return name;
        }

        /** Sends the case with the dialect's credentials and the preconditions' values. */
        Response send(String specFile, Map<String, String> authHeaders, Map<String, String> values) {
            RequestSpecification request = inSpec ? given().filter(SpecValidation.responsesOnly(specFile)) : given();
            RestAssuredConfig config = RestAssuredConfig.config().httpClient(ANSWER_WITHIN);
            if (contentType != null) {
                // The bytes go out as they are, whatever the content type says (not form- or multipart-encoded).
                config = config.encoderConfig(
                        EncoderConfig.encoderConfig().encodeContentTypeAs(contentType, ContentType.BINARY));
            }
            request.config(config);
            request.urlEncodingEnabled(false);
            authHeaders.forEach(request::header);
            headers.forEach((header, value) -> request.header(header, expand(value, values)));
            if (contentType != null) {
                request.contentType(contentType);
            }
            if (bodyBase64 != null) {
                request.body(Base64.getDecoder().decode(bodyBase64));
            } else if (body != null) {
                request.body(expand(body, values).getBytes(StandardCharsets.UTF_8));
            }
            return request.request(method, expand(path, values));
        }
    }

    private Corpus() {
    }

    static List<Case> load(String dialect) {
        String resource = "/corpus/" + dialect + "/cases.json";
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no corpus at " + resource);
            }
            List<Case> cases = new ArrayList<>();
            for (JsonNode node : JSON.readTree(in).get("cases")) {
                Map<String, String> headers = new LinkedHashMap<>();
                if (node.has("headers")) {
                    Iterator<Map.Entry<String, JsonNode>> fields = node.get("headers").fields();
                    fields.forEachRemaining(field -> headers.put(field.getKey(), field.getValue().asText()));
                }
                cases.add(new Case(node.get("name").asText(), node.get("method").asText(), node.get("path").asText(),
                        headers, text(node, "contentType"), text(node, "body"), text(node, "bodyBase64"),
                        node.get("status").asInt(), text(node, "code"),
                        !node.has("inSpec") || node.get("inSpec").asBoolean()));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    static String expand(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            int n = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
            String replacement = switch (name) {
                case "LONG" -> "x".repeat(n);
                case "DIGITS" -> "9".repeat(n);
                case "DEEP" -> "[".repeat(n) + "]".repeat(n);
                case "DEEP_OBJECT" -> "{\"a\":".repeat(n) + "1" + "}".repeat(n);
                case "OVER_8_MIB" -> "x".repeat(8 * 1024 * 1024 + 1);
                default -> {
                    String value = values.get(name);
                    if (value == null) {
                        throw new IllegalStateException("no value for {{" + name + "}} in " + template);
                    }
                    yield value;
                }
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
