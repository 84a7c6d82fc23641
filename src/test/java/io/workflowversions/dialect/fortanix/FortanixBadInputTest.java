package io.workflowversions.dialect.fortanix;

import static io.workflowversions.dialect.fortanix.FortanixClient.draftBody;
import static io.workflowversions.dialect.fortanix.FortanixClient.edge;
import static io.workflowversions.dialect.fortanix.FortanixClient.finalBody;
import static io.workflowversions.dialect.fortanix.FortanixClient.seedContents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.workflowversions.support.Sql;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input is normal input: every malformed, mistyped or rule-breaking request answers 400 with a plain-text
 * sentence, never 5xx, and writes nothing. Only the answers are checked against the spec (the requests are wrong
 * on purpose).
 */
@QuarkusTest
class FortanixBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    FortanixClient writer;
    String finalId;
    String draftId;

    @BeforeEach
    void account() {
        writer = FortanixClient.user("writer");
        finalId = writer.createFinal(finalBody("Existing", seedContents()));
        draftId = writer.createDraft(draftBody("Existing draft", seedContents()));
    }

    @Test
    void malformedAndMistypedGraphsAre400AndWriteNothing() {
        List<String> bodies = List.of(
                "{",
                "[]",
                "\"text\"",
                "",
                "{\"name\":\"x\",\"description\":\"d\"}",
                withContents(c -> c.remove("objects")),
                withContents(c -> c.remove("edges")),
                withContents(c -> c.put("objects", List.of())),
                withContents(c -> objects(c).put("ghost", null)),
                withContents(c -> objects(c).put("empty", Map.of("name", "No ref", "ref", Map.of()))),
                withContents(c -> objects(c).put("both", Map.of("name", "Two refs", "ref", Map.of(
                        "placeholder", Map.of("kind", "app"), "dataset", Map.of("dataset_id", "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d"))))),
                withContents(c -> objects(c).put("odd", Map.of("name", "Odd kind", "ref", Map.of("placeholder", Map.of("kind", "Dataset"))))),
                withContents(c -> objects(c).put("badimage", Map.of("name", "App", "ref", Map.of("app", Map.of("image_id", "not-a-uuid", "config_id", "c"))))),
                withContents(c -> objects(c).put("noconfig", Map.of("name", "App", "ref", Map.of("app", Map.of("image_id", "0e2e4c43-3a5b-4f5e-8b0e-6c7c9a1d2e3f"))))),
                withContents(c -> objects(c).put("noname", Map.of("ref", Map.of("placeholder", Map.of("kind", "app"))))),
                withContents(c -> edges(c).put("dangling", edge("scorer", null, "nowhere", null))),
                withContents(c -> edges(c).put("dangling", edge("nowhere", null, "scorer", null))),
                withContents(c -> edges(c).put("half", Map.of("source", Map.of("id", "scorer")))),
                withContents(c -> c.put("labels", Map.of("k", Map.of("nested", "object")))),
                withContents(c -> c.put("labels", nullValued("k"))),
                withContents(c -> c.put("metadata", Map.of("project", "no nodes"))),
                withContents(c -> c.put("metadata", Map.of("nodes", Map.of("scorer", "not an object")))),
                withContents(c -> c.put("metadata", Map.of("nodes", Map.of(), "parent", Map.of("graph_id", "3d3f8a52-1b7e-4c4a-9a0e-1f2e3d4c5b6a", "source_version", "abc")))),
                withContents(c -> c.put("metadata", Map.of("nodes", Map.of(), "parent", Map.of("source_version", 1)))),
                json(Map.of("name", Map.of(), "description", "d", "contents", seedContents())),
                json(Map.of("name", "x", "description", "d", "group_id", "not-a-uuid", "contents", seedContents())),
                json(Map.of("name", "x\u0000y", "description", "d", "contents", seedContents())));

        for (String body : bodies) {
            expect400(writer.wrong().contentType(ContentType.JSON).body(body).post("/v1/workflows/final/graphs"), body);
            String contents = contentsOf(body);
            expect400(writer.wrong().contentType(ContentType.JSON).body(contents).post("/v1/workflows/final/graphs/" + finalId),
                    contents);
            expect400(writer.wrong().contentType(ContentType.JSON).body(draftOf(body)).post("/v1/workflows/draft/graphs"), body);
        }
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", writer.account)).isEqualTo(2);
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.tenant = ?", writer.account)).isEqualTo(1);
        assertThat(Sql.count("select version_counter from workflow where external_key = ?", finalId)).isEqualTo(1);
    }

    @Test
    void draftUpdatesNeedAnIntegerVersionAndAValidGraph() {
        String path = "/v1/workflows/draft/graphs/" + draftId;
        Map<String, Object> noVersion = draftBody("Changed", seedContents());
        Map<String, Object> textVersion = new LinkedHashMap<>(noVersion);
        textVersion.put("version", "one");
        // A number written as text, and a fraction, are not the integer the spec asks for (not read as 1).
        Map<String, Object> quotedVersion = new LinkedHashMap<>(noVersion);
        quotedVersion.put("version", "1");
        Map<String, Object> fractionVersion = new LinkedHashMap<>(noVersion);
        fractionVersion.put("version", 1.5);
        Map<String, Object> badEdge = new LinkedHashMap<>(noVersion);
        badEdge.put("version", 1);
        badEdge.put("edges", Map.of("e", edge("scorer", null, "missing", null)));
        for (Map<String, Object> body : List.of(noVersion, textVersion, quotedVersion, fractionVersion, badEdge)) {
            expect400(writer.wrong().contentType(ContentType.JSON).body(body).put(path), body.toString());
        }
        assertThat(Sql.rows("select name, revision from workflow where external_key = ?", draftId).get(0))
                .containsEntry("name", "Existing draft").containsEntry("revision", 1L);
    }

    @Test
    void runtimePatchesBreakingTheRulesAre400AndChangeNothing() {
        String path = "/v1/workflows/final/graphs/" + finalId + "/1";
        Object content = Sql.rows("select v.content::text as c from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ?", finalId).get(0).get("c");
        Map<String, Object> k8s = Map.of("kubernetes_single_job", Map.of("namespace", "n", "cluster_id", "11111111-2222-4333-8444-555555555555"));
        Map<String, Object> aciJob = Map.of("aci_single_job", Map.of("cluster_id", "11111111-2222-4333-8444-555555555555"));
        Map<String, Object> both = new HashMap<>(k8s);
        both.putAll(aciJob);
        List<Map<String, Object>> bodies = List.of(
                Map.of("runtime_configs", Map.of()),
                Map.of("deployment", k8s),
                Map.of("deployment", Map.of(), "runtime_configs", Map.of()),
                Map.of("deployment", both, "runtime_configs", Map.of()),
                Map.of("deployment", Map.of("kubernetes_single_job", Map.of("namespace", "n", "cluster_id", "nope")), "runtime_configs", Map.of()),
                Map.of("deployment", k8s, "runtime_configs", Map.of("input", Map.of())),
                Map.of("deployment", k8s, "runtime_configs", Map.of("unknown", Map.of())),
                Map.of("deployment", k8s, "runtime_configs", Map.of("scorer", Map.of("deployment", Map.of()))),
                Map.of("deployment", k8s, "runtime_configs", Map.of("scorer", Map.of("deployment", Map.of(
                        "kubernetes", Map.of("job_spec", Map.of()), "aci", aci(80, "Tcp"))))),
                Map.of("deployment", k8s, "runtime_configs", Map.of("scorer", Map.of("deployment", aci(0, "Tcp")))),
                Map.of("deployment", k8s, "runtime_configs", Map.of("scorer", Map.of("deployment", aci(65536, "Udp")))),
                Map.of("deployment", k8s, "runtime_configs", Map.of("scorer", Map.of("deployment", aci(-1, "Udp")))),
                Map.of("deployment", k8s, "runtime_configs", Map.of("scorer", Map.of("deployment", aci(443, "TCP")))),
                Map.of("deployment", k8s, "runtime_configs", Map.of("scorer", Map.of("deployment", Map.of("kubernetes", Map.of())))));
        for (Map<String, Object> body : bodies) {
            expect400(writer.wrong().contentType(ContentType.JSON).body(body).patch(path), body.toString());
        }
        assertThat(Sql.rows("select v.content::text as c from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ?", finalId).get(0).get("c")).isEqualTo(content);
        // The edge cases of the port range are fine.
        writer.call().body(Map.of("deployment", aciJob, "runtime_configs", Map.of("scorer", Map.of("deployment",
                Map.of("aci", Map.of("exposed_ports", List.of(Map.of("port", 1, "protocol", "Tcp"),
                        Map.of("port", 65535, "protocol", "Udp")), "env_vars", Map.of()))))))
                .patch(path).then().statusCode(200);
    }

    @Test
    void badListAndPathParametersAre400() {
        for (String query : List.of("limit=0", "limit=1001", "limit=abc", "offset=-1", "offset=1.5", "sort_by=size",
                "sort_by=name:UP", "sort_by=name:ASC:DESC", "sort_by=", "filter=%7Bbad", "filter=%5B%5D",
                "filter=%7B%22owner%22:%22x%22%7D", "filter=%7B%22labels%22:%7B%22k%22:1%7D%7D", "acct_id=nope",
                "parent_graph_id=nope")) {
            String list = query.startsWith("parent") ? "/v1/workflows/draft/graphs" : "/v1/workflows/final/graphs";
            String url = query.startsWith("acct_id") ? list + "/" + finalId + "?" + query : list + "?" + query;
            if (query.equals("sort_by=")) {
                // An empty sort_by means the default order.
                writer.wrong().get(url).then().statusCode(200);
                continue;
            }
            Response answer = writer.wrong().urlEncodingEnabled(false).get(url);
            expect400(answer, url);
            // The message names the parameter as the client wrote it.
            assertThat(answer.asString()).as(url).startsWith(query.substring(0, query.indexOf("=")));
        }
        for (String path : List.of("/v1/workflows/final/graphs/not-a-uuid", "/v1/workflows/draft/graphs/123",
                "/v1/workflows/final/graphs/6a7b8c9d-0e1f-4a2b-8c3d/1")) {
            expect400(writer.wrong().get(path), path);
            expect400(writer.wrong().delete(path + (path.contains("final") && !path.endsWith("/1") ? "/1" : "")), path);
        }
        // A version that is not a decimal number is simply not there.
        for (String version : List.of("0", "01", "abc", "-1", "1.0", "99999999999999999999")) {
            writer.wrong().get("/v1/workflows/final/graphs/" + finalId + "/" + version).then().statusCode(404)
                    .contentType(startsWith("text/plain"));
        }
    }

    @Test
    void wrongMediaTypesUnknownRoutesMethodsAndHugeBodiesGetPlainText() {
        writer.wrong().contentType(ContentType.TEXT).body("{}").post("/v1/workflows/final/graphs")
                .then().statusCode(415).contentType(startsWith("text/plain"));
        writer.raw().get("/v1/workflows/nothing/here").then().statusCode(404).contentType(startsWith("text/plain"))
                .body(containsString("No such resource"));
        writer.raw().put("/v1/workflows/final/graphs").then().statusCode(405).contentType(startsWith("text/plain"));
        String huge = "{\"name\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        Response tooLarge = writer.raw().contentType(ContentType.JSON).body(huge).post("/v1/workflows/final/graphs");
        tooLarge.then().statusCode(413).contentType(startsWith("text/plain"));
        assertThat(tooLarge.asString()).doesNotStartWith("\"").contains("larger than the limit");
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", writer.account)).isEqualTo(2);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void expect400(Response response, String what) {
        response.then().statusCode(400).contentType(startsWith("text/plain")).body(not(equalTo("")))
                .body(not(containsString("Exception")));
        assertThat(response.statusCode()).as(what).isEqualTo(400);
    }

    private static Map<String, Object> aci(int port, String protocol) {
        return Map.of("aci", Map.of("exposed_ports", List.of(Map.of("port", port, "protocol", protocol)), "env_vars", Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objects(Map<String, Object> contents) {
        Map<String, Object> objects = new LinkedHashMap<>((Map<String, Object>) contents.get("objects"));
        contents.put("objects", objects);
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> edges(Map<String, Object> contents) {
        Map<String, Object> edges = new LinkedHashMap<>((Map<String, Object>) contents.get("edges"));
        contents.put("edges", edges);
        return edges;
    }

    private static Map<String, Object> nullValued(String key) {
        Map<String, Object> map = new HashMap<>();
        map.put(key, null);
        return map;
    }

    private static String withContents(Consumer<Map<String, Object>> change) {
        Map<String, Object> contents = new LinkedHashMap<>(seedContents());
        change.accept(contents);
        return json(Map.of("name", "Broken", "description", "d", "contents", contents));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The F4 body hidden in an F2 body (its contents), or the text itself when it is no F2 body. */
    @SuppressWarnings("unchecked")
    private static String contentsOf(String body) {
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map && map.get("contents") instanceof Map<?, ?> contents
                    && !map.containsKey("group_id") && map.get("name") instanceof String name && !name.contains("\u0000")
                    && "Broken".equals(name)) {
                return json(contents);
            }
            return body;
        } catch (Exception e) {
            return body;
        }
    }

    /** The D2 body for the same mistake: the contents' fields beside name and description. */
    @SuppressWarnings("unchecked")
    private static String draftOf(String body) {
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map && map.get("contents") instanceof Map<?, ?> contents) {
                Map<String, Object> draft = new LinkedHashMap<>((Map<String, Object>) contents);
                draft.put("name", map.get("name"));
                draft.put("description", map.get("description"));
                if (map.containsKey("group_id")) {
                    draft.put("group_id", map.get("group_id"));
                }
                return json(draft);
            }
            return body;
        } catch (Exception e) {
            return body;
        }
    }
}
