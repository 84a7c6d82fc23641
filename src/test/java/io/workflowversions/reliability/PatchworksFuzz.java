package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.workflowversions.reliability.FuzzDialect.Change;
import io.workflowversions.reliability.FuzzDialect.Seed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Patchworks for the write fuzzer: errors are Laravel's {@code message} (with {@code errors} for 422). The tenant's
 * flow has one version, deployed, so that it can be copied and uploaded.
 */
final class PatchworksFuzz implements FuzzDialect {

    private static final String DEPLOY = "{\"deployed_at\":\"2025-01-31T10:15:00Z\"}";
    private static final long ANY = Change.ANY;

    private final AtomicLong names = new AtomicLong();
    /** A user of the tenant's company whose password logins are fuzzed (and may be throttled). */
    private String loginUser;

    @Override
    public String spec() {
        return "patchworks.yaml";
    }

    @Override
    public Tenants newTenant() {
        Tenants tenant = Tenants.patchworks();
        deploy(tenant);
        loginUser = "fuzz-" + UUID.randomUUID() + "@patchworks.test";
        Tenants.credential("patchworks", Map.of("type", "password", "username", loginUser, "secret", Tenants.PASSWORD,
                "tenant", tenant.tenant(), "role", "admin"));
        return tenant;
    }

    @Override
    public Map<String, Seed> seeds() {
        Map<String, Seed> seeds = new LinkedHashMap<>();
        seeds.put("POST /fabric/api/login", Seed.of(t -> FuzzRequest.json("POST /fabric/api/login", "/fabric/api/login",
                "{\"username\":\"" + loginUser + "\",\"password\":\"" + Tenants.PASSWORD + "\"}"), Change.none()));
        seeds.put("POST /api/v1/flows", Seed.of(t -> FuzzRequest.json("POST /api/v1/flows", "/api/v1/flows", flowBody()),
                Change.none().with("workflow", 1, 1)));
        seeds.put("DELETE /api/v1/flows/{flow}", Seed.of(t -> FuzzRequest.empty("DELETE /api/v1/flows/{flow}",
                "/api/v1/flows/" + newFlow(t)), withItsVersions(Change.none().with("workflow", -1, -1))));

        String versions = "/api/v1/flows/{flow}/versions";
        seeds.put("POST " + versions, Seed.of(t -> FuzzRequest.empty("POST " + versions,
                "/api/v1/flows/" + newFlow(t) + "/versions"), Change.none().with("workflow_version", 1, 1)));
        seeds.put("PUT " + versions + "/{version}", Seed.of(t -> FuzzRequest.json("PUT " + versions + "/{version}",
                version(t), DEPLOY), Change.none()));
        // A fresh flow's only version is a Draft, which may be deleted (the deployed one may not).
        seeds.put("DELETE " + versions + "/{version}", Seed.of(t -> {
            String flow = newFlow(t);
            return FuzzRequest.empty("DELETE " + versions + "/{version}", "/api/v1/flows/" + flow + "/versions/" + newVersion(t, flow));
        }, withItsVersions(Change.none()).with("workflow_version", -1, -1)));
        // A copy replaces the flow's Draft, if any, with what hangs off it, and copies the source's schedules.
        seeds.put("POST " + versions + "/{version}/copy", Seed.of(t -> FuzzRequest.empty("POST " + versions + "/{version}/copy",
                version(t) + "/copy"), withItsVersions(Change.none()).with("workflow_version", 0, 1)
                .with("version_schedule", -ANY, ANY)));

        String flowVersion = "/api/v1/flow-versions/{flow_version}";
        // Only a deployed version can be uploaded, and a case before may have undeployed it.
        seeds.put("POST " + flowVersion + "/upload", Seed.of(t -> {
            deploy(t);
            return FuzzRequest.json("POST " + flowVersion + "/upload", "/api/v1/flow-versions/" + t.values().get("version")
                    + "/upload", "{\"private\":true}");
        }, Change.none().with("version_upload", 1, 1)));
        seeds.put("POST " + flowVersion + "/schedules", Seed.of(t -> FuzzRequest.json("POST " + flowVersion + "/schedules",
                "/api/v1/flow-versions/" + t.values().get("version") + "/schedules", "{\"cron_string\":\"*/15 * * * *\"}"),
                Change.none().with("version_schedule", 1, 1)));
        seeds.put("PUT " + flowVersion + "/schedules/{schedule}", Seed.of(t -> FuzzRequest.json(
                "PUT " + flowVersion + "/schedules/{schedule}", "/api/v1/flow-versions/" + t.values().get("version")
                        + "/schedules/" + t.values().get("schedule"), "{\"cron_string\":\"0 * * * *\"}"), Change.none()));
        seeds.put("DELETE " + flowVersion + "/schedules/{schedule}", Seed.of(t -> FuzzRequest.empty(
                "DELETE " + flowVersion + "/schedules/{schedule}", "/api/v1/flow-versions/" + t.values().get("version")
                        + "/schedules/" + newSchedule(t)), Change.none().with("version_schedule", -1, -1)));
        return seeds;
    }

    @Override
    public void checkError(FuzzRequest request, Response answer) {
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.<String>path("message")).isNotBlank();
        if (answer.statusCode() == 422) {
            assertThat(answer.<Map<String, Object>>path("errors")).isNotEmpty();
        }
    }

    /** A delete takes what hangs off the deleted versions with it. */
    private static Change withItsVersions(Change change) {
        return change.with("workflow_version", -ANY, 0).with("version_schedule", -ANY, 0).with("version_upload", -ANY, 0)
                .with("version_metric", -ANY, 0);
    }

    private static String version(Tenants tenant) {
        return "/api/v1/flows/" + tenant.values().get("flow") + "/versions/" + tenant.values().get("version");
    }

    private static void deploy(Tenants tenant) {
        given().headers(tenant.auth()).contentType(ContentType.JSON).body(DEPLOY).put(version(tenant)).then().statusCode(200);
    }

    private String flowBody() {
        return "{\"name\":\"Fuzz flow " + names.incrementAndGet() + "\",\"description\":\"d\"}";
    }

    private String newFlow(Tenants tenant) {
        return String.valueOf(given().headers(tenant.auth()).contentType(ContentType.JSON).body(flowBody())
                .post("/api/v1/flows").then().statusCode(201).extract().jsonPath().getLong("data.id"));
    }

    private static String newVersion(Tenants tenant, String flow) {
        return String.valueOf(given().headers(tenant.auth()).post("/api/v1/flows/" + flow + "/versions").then()
                .statusCode(201).extract().jsonPath().getLong("data.id"));
    }

    private static String newSchedule(Tenants tenant) {
        return String.valueOf(given().headers(tenant.auth()).contentType(ContentType.JSON)
                .body("{\"cron_string\":\"*/5 * * * *\"}")
                .post("/api/v1/flow-versions/" + tenant.values().get("version") + "/schedules").then().statusCode(201)
                .extract().jsonPath().getLong("data.id"));
    }
}
