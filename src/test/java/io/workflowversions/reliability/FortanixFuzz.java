package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.workflowversions.reliability.FuzzDialect.Change;
import io.workflowversions.reliability.FuzzDialect.Seed;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Fortanix CCM for the write fuzzer: errors are one plain-text sentence. */
final class FortanixFuzz implements FuzzDialect {

    private static final String GRAPH = "{\"objects\":{\"in\":{\"name\":\"Transactions\",\"ref\":{\"dataset\":{\"dataset_id\":"
            + "\"6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d\"}}},\"app\":{\"name\":\"Scoring\",\"ref\":{\"app\":{\"image_id\":"
            + "\"0e2e4c43-3a5b-4f5e-8b0e-6c7c9a1d2e3f\",\"config_id\":\"cfg1\"}}}},"
            + "\"edges\":{\"e1\":{\"source\":{\"id\":\"in\"},\"target\":{\"id\":\"app\"}}}}";
    private static final String DEPLOYMENT = "{\"deployment\":{\"aci_single_job\":{\"cluster_id\":"
            + "\"11111111-2222-4333-8444-555555555555\"}},\"runtime_configs\":{\"app\":{\"deployment\":{\"aci\":"
            + "{\"exposed_ports\":[{\"port\":443,\"protocol\":\"Tcp\"}],\"env_vars\":{}}}}}}";

    private final AtomicLong names = new AtomicLong();
    /** A user of the tenant's account whose password logins are fuzzed (and may be throttled). */
    private String loginUser;
    /** A user of the tenant's account whose own session the session operations act on. */
    private String sessionUser;
    private String sessionToken;

    @Override
    public String spec() {
        return "fortanix-ccm.yaml";
    }

    @Override
    public Tenants newTenant() {
        Tenants tenant = Tenants.fortanix();
        loginUser = user(tenant);
        sessionUser = user(tenant);
        sessionToken = null;
        return tenant;
    }

    private static String user(Tenants tenant) {
        String email = "fuzz-" + UUID.randomUUID() + "@ccm.test";
        Tenants.credential("fortanix", Map.of("type", "password", "username", email, "secret", Tenants.PASSWORD,
                "tenant", tenant.tenant()));
        return email;
    }

    private Map<String, String> session() {
        if (sessionToken == null) {
            sessionToken = Tenants.fortanixLogin(sessionUser, Tenants.PASSWORD);
        }
        return Map.of("Authorization", "Bearer " + sessionToken);
    }

    @Override
    public Map<String, Seed> seeds() {
        Map<String, Seed> seeds = new LinkedHashMap<>();
        seeds.put("POST /v1/sys/auth", Seed.of(t -> new FuzzRequest("POST /v1/sys/auth", "/v1/sys/auth",
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (loginUser + ":" + Tenants.PASSWORD).getBytes(StandardCharsets.UTF_8))), null, null),
                Change.none().with("fortanix_session", 1, 1)));
        seeds.put("POST /v1/sys/session/select_account/{account-id}", Seed.of(t -> new FuzzRequest(
                "POST /v1/sys/session/select_account/{account-id}", "/v1/sys/session/select_account/" + t.tenant(),
                session(), null, null), Change.none()));
        seeds.put("POST /v1/sys/session/refresh", Seed.of(t -> new FuzzRequest("POST /v1/sys/session/refresh",
                "/v1/sys/session/refresh", session(), null, null), Change.none()));
        seeds.put("POST /v1/sys/session/terminate", new Seed(t -> new FuzzRequest("POST /v1/sys/session/terminate",
                "/v1/sys/session/terminate", session(), null, null), Change.none(), () -> sessionToken = null));

        seeds.put("POST /v1/workflows/draft/graphs", Seed.of(t -> FuzzRequest.json("POST /v1/workflows/draft/graphs",
                "/v1/workflows/draft/graphs", draftBody(null)), Change.none().with("workflow", 1, 1)));
        seeds.put("PUT /v1/workflows/draft/graphs/{graph-id}", Seed.of(t -> FuzzRequest.json(
                "PUT /v1/workflows/draft/graphs/{graph-id}", "/v1/workflows/draft/graphs/" + newDraft(t), draftBody(1)),
                Change.none()));
        seeds.put("DELETE /v1/workflows/draft/graphs/{graph-id}", Seed.of(t -> FuzzRequest.empty(
                "DELETE /v1/workflows/draft/graphs/{graph-id}", "/v1/workflows/draft/graphs/" + newDraft(t)),
                Change.none().with("workflow", -1, -1)));

        String graph = "/v1/workflows/final/graphs/";
        seeds.put("POST /v1/workflows/final/graphs", Seed.of(t -> FuzzRequest.json("POST /v1/workflows/final/graphs",
                "/v1/workflows/final/graphs", "{\"name\":\"" + name() + "\",\"description\":\"d\",\"contents\":" + GRAPH + "}"),
                Change.none().with("workflow", 1, 1).with("workflow_version", 1, 1)));
        seeds.put("POST /v1/workflows/final/graphs/{graph-id}", Seed.of(t -> FuzzRequest.json(
                "POST /v1/workflows/final/graphs/{graph-id}", graph + t.values().get("graph"), GRAPH),
                Change.none().with("workflow_version", 1, 1)));
        seeds.put("PATCH /v1/workflows/final/graphs/{graph-id}", Seed.of(t -> FuzzRequest.json(
                "PATCH /v1/workflows/final/graphs/{graph-id}", graph + t.values().get("graph"),
                "{\"name\":\"" + name() + "\",\"description\":\"renamed\"}"), Change.none()));
        seeds.put("PATCH /v1/workflows/final/graphs/{graph-id}/{version}", Seed.of(t -> FuzzRequest.json(
                "PATCH /v1/workflows/final/graphs/{graph-id}/{version}", graph + t.values().get("graph") + "/1", DEPLOYMENT),
                Change.none()));
        seeds.put("DELETE /v1/workflows/final/graphs/{graph-id}/{version}", Seed.of(t -> FuzzRequest.empty(
                "DELETE /v1/workflows/final/graphs/{graph-id}/{version}", graph + t.values().get("graph") + "/" + newVersion(t)),
                // Deleting a graph's last version deletes the graph.
                Change.none().with("workflow_version", -1, -1).with("workflow", -1, 0)));
        return seeds;
    }

    @Override
    public void checkError(FuzzRequest request, Response answer) {
        assertThat(answer.contentType()).startsWith("text/plain");
        assertThat(answer.asString()).isNotBlank().doesNotStartWith("{").doesNotStartWith("\"");
    }

    private String name() {
        return "Fuzz graph " + names.incrementAndGet();
    }

    private String draftBody(Integer version) {
        String head = version == null ? "{" : "{\"version\":" + version + ",";
        return head + "\"name\":\"" + name() + "\",\"description\":\"d\"," + GRAPH.substring(1);
    }

    private String newDraft(Tenants tenant) {
        return given().headers(tenant.auth()).contentType(ContentType.JSON).body(draftBody(null))
                .post("/v1/workflows/draft/graphs").then().statusCode(200).extract().path("graph_id");
    }

    private static String newVersion(Tenants tenant) {
        Object version = given().headers(tenant.auth()).contentType(ContentType.JSON).body(GRAPH)
                .post("/v1/workflows/final/graphs/" + tenant.values().get("graph")).then().statusCode(200)
                .extract().path("version");
        return String.valueOf(version);
    }
}
