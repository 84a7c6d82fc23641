package io.workflowversions.dialect.fortanix;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.Logins;
import io.workflowversions.support.SpecValidation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A Fortanix user for tests: a real credential made through the admin API, logged in over HTTP. */
final class FortanixClient {

    static final String SPEC = "fortanix-ccm.yaml";

    final String email;
    final String password;
    final String account;
    final String credentialId;
    final String token;

    private FortanixClient(String email, String password, String account, String credentialId, String token) {
        this.email = email;
        this.password = password;
        this.account = account;
        this.credentialId = credentialId;
        this.token = token;
    }

    /** A new user with the role in a fresh account, logged in. */
    static FortanixClient user(String role) {
        return user(role, UUID.randomUUID().toString());
    }

    static FortanixClient user(String role, String account) {
        String email = role + "-" + UUID.randomUUID() + "@ccm.test";
        String password = "pw-" + UUID.randomUUID();
        String id = given().header("Authorization", "Bearer test-admin-token").contentType(ContentType.JSON)
                .body(Map.of("dialect", "fortanix", "type", "password", "username", email, "secret", password,
                        "tenant", account, "role", role))
                .post("/admin/v1/credentials").then().statusCode(201).extract().path("id");
        String token = Logins.fortanix(null, email, password);
        return new FortanixClient(email, password, account, id, token);
    }

    /** A request with the bearer token, checked against the spec both ways. */
    RequestSpecification call() {
        return given().filter(SpecValidation.strict(SPEC)).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON);
    }

    /** A request that is wrong on purpose: only the answer is checked against the spec. */
    RequestSpecification wrong() {
        return given().filter(SpecValidation.responsesOnly(SPEC)).header("Authorization", "Bearer " + token);
    }

    /** A request outside the spec (a method or route it does not have): nothing is validated. */
    RequestSpecification raw() {
        return given().header("Authorization", "Bearer " + token);
    }

    String createFinal(Map<String, Object> body) {
        return call().body(body).post("/v1/workflows/final/graphs").then().statusCode(200).extract().path("graph_id");
    }

    Response addVersion(String graphId, Map<String, Object> contents) {
        return call().body(contents).post("/v1/workflows/final/graphs/" + graphId);
    }

    String createDraft(Map<String, Object> body) {
        return call().body(body).post("/v1/workflows/draft/graphs").then().statusCode(200).extract().path("graph_id");
    }

    // ---- bodies ---------------------------------------------------------------------------------------------

    /**
     * The seed's shape: a placeholder, a dataset and two apps; edges with ports; metadata with nodes, parent and
     * project; labels. Keys are given in an order that is neither sorted nor the database's.
     */
    static Map<String, Object> seedContents(String project, Map<String, String> labels) {
        Map<String, Object> objects = new LinkedHashMap<>();
        objects.put("output", Map.of("name", "Scores", "ref", Map.of("placeholder", Map.of("kind", "dataset"))));
        objects.put("scorer", Map.of("name", "Scoring app", "user_id", "5b0c3b9e-8f1a-4c1e-9a53-0d1f5f2f8a11",
                "description", "Confidential scoring model",
                "ref", Map.of("app", Map.of("image_id", "0e2e4c43-3a5b-4f5e-8b0e-6c7c9a1d2e3f", "config_id", "9f1c6f0a3d2b"))));
        objects.put("input", Map.of("name", "Transactions", "ref", Map.of("dataset", Map.of(
                "dataset_id", "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d", "acct_id", "2c1d4b6e-7f80-4a91-b2c3-d4e5f6a7b8c9"))));
        objects.put("audit", Map.of("name", "Audit log", "ref", Map.of("placeholder", Map.of("kind", "script"))));
        objects.put("aggregator", Map.of("name", "Aggregator", "ref", Map.of("app",
                Map.of("image_id", "1e2e4c43-3a5b-4f5e-8b0e-6c7c9a1d2e3f", "config_id", "cfg-2"))));
        Map<String, Object> edges = new LinkedHashMap<>();
        edges.put("e3", edge("scorer", "output", "output", null));
        edges.put("e1", edge("input", null, "scorer", "input"));
        edges.put("e2", edge("scorer", "log", "audit", null));
        edges.put("e4", edge("scorer", "copy", "output", null));
        Map<String, Object> nodes = new LinkedHashMap<>();
        nodes.put("scorer", Map.of("position", Map.of("y", 0, "x", 200)));
        nodes.put("input", Map.of("position", Map.of("y", 0, "x", 0)));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("project", project);
        metadata.put("parent", Map.of("source_version", 1, "graph_id", "3d3f8a52-1b7e-4c4a-9a0e-1f2e3d4c5b6a"));
        metadata.put("nodes", nodes);
        Map<String, Object> contents = new LinkedHashMap<>();
        contents.put("objects", objects);
        contents.put("edges", edges);
        contents.put("metadata", metadata);
        contents.put("labels", labels);
        return contents;
    }

    static Map<String, Object> seedContents() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("zz", "last");
        labels.put("team", "risk");
        labels.put("aaa", "first");
        return seedContents("fraud-scoring", labels);
    }

    static Map<String, Object> finalBody(String name, Map<String, Object> contents) {
        return Map.of("name", name, "description", "Scores transactions inside an enclave", "contents", contents);
    }

    static Map<String, Object> draftBody(String name, Map<String, Object> contents) {
        Map<String, Object> body = new LinkedHashMap<>(contents);
        body.put("name", name);
        body.put("description", "A draft");
        return body;
    }

    static Map<String, Object> edge(String source, String sourcePort, String target, String targetPort) {
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("id", source);
        if (sourcePort != null) {
            from.put("port", sourcePort);
        }
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("id", target);
        if (targetPort != null) {
            to.put("port", targetPort);
        }
        return Map.of("source", from, "target", to);
    }

    /** The JSON of an answer, with each object's keys in the order they were written on the wire. */
    static com.fasterxml.jackson.databind.JsonNode tree(Response response) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of a JSON object in wire order. */
    static List<String> keys(com.fasterxml.jackson.databind.JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
