package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request of the write fuzzer, exactly as it goes on the wire: the path already percent-encoded, the body as
 * raw bytes (or none). {@code operation} is the spec's "METHOD /template" it was made for; the template tells which
 * path segments are ids.
 */
record FuzzRequest(String operation, String path, Map<String, String> headers, String contentType, byte[] body) {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .httpClient(Corpus.ANSWER_WITHIN);

    static FuzzRequest json(String operation, String path, String body) {
        return new FuzzRequest(operation, path, Map.of(), "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static FuzzRequest empty(String operation, String path) {
        return new FuzzRequest(operation, path, Map.of(), null, null);
    }

    String method() {
        return operation.substring(0, operation.indexOf(' '));
    }

    String template() {
        return operation.substring(operation.indexOf(' ') + 1);
    }

    FuzzRequest withPath(String newPath) {
        return new FuzzRequest(operation, newPath, headers, contentType, body);
    }

    FuzzRequest withHeader(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(headers);
        changed.put(name, value);
        return new FuzzRequest(operation, path, changed, contentType, body);
    }

    FuzzRequest withContentType(String type) {
        return new FuzzRequest(operation, path, headers, type, body);
    }

    FuzzRequest withBody(byte[] bytes) {
        return new FuzzRequest(operation, path, headers, contentType == null ? "application/json" : contentType, bytes);
    }

    Response send(Map<String, String> credentials) {
        RestAssuredConfig config = RAW;
        if (contentType != null) {
            // The bytes go out as they are, whatever the content type says (not form- or multipart-encoded).
            config = RAW.encoderConfig(RAW.getEncoderConfig().encodeContentTypeAs(contentType, ContentType.BINARY));
        }
        RequestSpecification request = given().config(config).urlEncodingEnabled(false);
        // The request's own headers replace the tenant's (a login sends its own Authorization).
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(credentials);
        all.putAll(headers);
        all.forEach(request::header);
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            request.body(body);
        }
        return request.request(method(), path);
    }

    /** What the case sent, short enough for a failure message. */
    String describe() {
        String text = body == null ? "(no body)" : new String(body, StandardCharsets.UTF_8);
        if (text.length() > 400) {
            text = text.substring(0, 400) + "… (" + body.length + " bytes)";
        }
        return operation + " as " + path + " " + headers + " [" + contentType + "] " + text;
    }
}
