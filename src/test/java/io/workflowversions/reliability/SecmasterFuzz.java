package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.workflowversions.reliability.FuzzDialect.Change;
import io.workflowversions.reliability.FuzzDialect.Seed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Huawei SecMaster for the write fuzzer: business errors carry {@code code}, gateway errors {@code error_code}, and
 * the token endpoint answers in IAM's {@code error} object.
 */
final class SecmasterFuzz implements FuzzDialect {

    private static final String BASE = "/v1/{project_id}/workspaces/{workspace_id}/soc/workflows";
    private static final String VERSION = Tenants.resource("/secmaster/create-workflow-version-request.json");

    private final AtomicLong names = new AtomicLong();
    /** A user of the tenant's project whose password logins are fuzzed (and may be throttled). */
    private String loginUser;
    /** The workflow whose versions are submitted, until one of them is pending approval. */
    private String submitWorkflow;
    /** A version pending approval, until a review of it succeeds. */
    private String pendingVersion;

    @Override
    public String spec() {
        return "huawei-secmaster.yaml";
    }

    @Override
    public Tenants newTenant() {
        Tenants tenant = Tenants.secmaster();
        loginUser = "fuzz-" + UUID.randomUUID();
        Tenants.credential("secmaster", Map.of("type", "password", "username", loginUser, "secret", Tenants.PASSWORD,
                "tenant", tenant.tenant()));
        submitWorkflow = null;
        pendingVersion = null;
        return tenant;
    }

    @Override
    public Map<String, Seed> seeds() {
        Map<String, Seed> seeds = new LinkedHashMap<>();
        seeds.put("POST /v3/auth/tokens", Seed.of(t -> FuzzRequest.json("POST /v3/auth/tokens", "/v3/auth/tokens",
                json(Tenants.secmasterTokenBody(loginUser, Tenants.PASSWORD, t.tenant()))), Change.none()));
        seeds.put("POST " + BASE, Seed.of(t -> FuzzRequest.json("POST " + BASE, workflows(t), workflowBody()),
                Change.none().with("workflow", 1, 1)));
        seeds.put("POST " + BASE + "/validation", Seed.of(t -> FuzzRequest.json("POST " + BASE + "/validation",
                workflows(t) + "/validation", validation(t)), Change.none()));
        seeds.put("PUT " + BASE + "/{workflow_id}", Seed.of(t -> FuzzRequest.json("PUT " + BASE + "/{workflow_id}",
                workflows(t) + "/" + t.values().get("workflow"), json(Map.of("name", name(), "description", "renamed"))),
                Change.none()));
        seeds.put("DELETE " + BASE + "/{workflow_id}", Seed.of(t -> FuzzRequest.empty("DELETE " + BASE + "/{workflow_id}",
                workflows(t) + "/" + newWorkflow(t)),
                Change.none().with("workflow", -1, -1).with("workflow_version", -Change.ANY, 0)));
        seeds.put("POST " + BASE + "/{workflow_id}/versions", Seed.of(t -> FuzzRequest.json(
                "POST " + BASE + "/{workflow_id}/versions", workflows(t) + "/" + t.values().get("workflow") + "/versions", VERSION),
                Change.none().with("workflow_version", 1, 1)));
        // A workflow has one version pending approval at a time: after a successful submit the next goes to a new one.
        seeds.put("PUT " + BASE + "/versions/{version_id}", new Seed(t -> FuzzRequest.json(
                "PUT " + BASE + "/versions/{version_id}", workflows(t) + "/versions/" + newVersion(t, submitWorkflow(t)),
                "{\"status\":\"pending_approval\"}"), Change.none(), () -> submitWorkflow = null));
        seeds.put("DELETE " + BASE + "/versions/{version_id}", Seed.of(t -> FuzzRequest.empty(
                "DELETE " + BASE + "/versions/{version_id}", workflows(t) + "/versions/" + newVersion(t, t.values().get("workflow"))),
                Change.none().with("workflow_version", -1, -1)));
        // A version stays pending until a review succeeds.
        seeds.put("POST " + BASE + "/versions/{version_id}/approval", new Seed(t -> FuzzRequest.json(
                "POST " + BASE + "/versions/{version_id}/approval", workflows(t) + "/versions/" + pendingVersion(t) + "/approval",
                "{\"result\":\"PASS\",\"content\":\"reviewed\"}"), Change.none(), () -> pendingVersion = null));
        return seeds;
    }

    @Override
    public void checkError(FuzzRequest request, Response answer) {
        assertThat(answer.contentType()).startsWith("application/json");
        if (request.path().startsWith("/v3/auth/tokens")) {
            // IAM's own shape on its token endpoint
            assertThat(answer.<Integer>path("error.code")).isEqualTo(answer.statusCode());
            assertThat(answer.<String>path("error.message")).isNotBlank();
            return;
        }
        String requestId = answer.header("X-request-id");
        if (answer.<String>path("error_code") != null) {
            assertThat(answer.<String>path("error_code")).startsWith("APIG.");
        } else {
            assertThat(answer.<String>path("code")).startsWith("SecMaster.");
            assertThat(answer.<Boolean>path("success")).isFalse();
        }
        assertThat(answer.<String>path("request_id")).isNotBlank().isEqualTo(requestId);
    }

    private static String validation(Tenants tenant) {
        try {
            JsonNode version = new ObjectMapper().readTree(VERSION);
            return json(Map.of("mode", "BASIC", "taskconfig", version.get("taskconfig").asText(),
                    "taskflow", version.get("taskflow").asText(), "aopworkflow_id", tenant.values().get("workflow")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String workflows(Tenants tenant) {
        return tenant.values().get("workflows");
    }

    private String name() {
        return "fuzz-" + names.incrementAndGet();
    }

    private String workflowBody() {
        return json(Map.of("name", name(), "description", "d", "engine_type", "public_engine", "aop_type", "NORMAL",
                "dataclass_id", "dc-1", "labels", "IP"));
    }

    private String newWorkflow(Tenants tenant) {
        return given().headers(tenant.auth()).contentType(ContentType.JSON).body(workflowBody())
                .post(workflows(tenant)).then().statusCode(200).extract().path("data.id");
    }

    private static String newVersion(Tenants tenant, String workflow) {
        return given().headers(tenant.auth()).contentType(ContentType.JSON).body(VERSION)
                .post(workflows(tenant) + "/" + workflow + "/versions").then().statusCode(200).extract().path("data.id");
    }

    private String submitWorkflow(Tenants tenant) {
        if (submitWorkflow == null) {
            submitWorkflow = newWorkflow(tenant);
        }
        return submitWorkflow;
    }

    private String pendingVersion(Tenants tenant) {
        if (pendingVersion == null) {
            pendingVersion = newVersion(tenant, newWorkflow(tenant));
            given().headers(tenant.auth()).contentType(ContentType.JSON).body("{\"status\":\"pending_approval\"}")
                    .put(workflows(tenant) + "/versions/" + pendingVersion).then().statusCode(200);
        }
        return pendingVersion;
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
