package io.workflowversions.dialect.patchworks;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.Logins;
import io.workflowversions.support.SpecValidation;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh Patchworks company for one test: an API key, an admin user and a manager user, all created through the
 * admin API, and requests validated against openapi/patchworks.yaml.
 */
final class PatchworksCompany {

    static final String SPEC = "patchworks.yaml";
    static final String ADMIN_SPEC = "admin.yaml";
    static final String ADMIN_TOKEN = "test-admin-token";
    static final String PASSWORD = "company-password-1";

    final String id;
    final String apiKey;
    final String adminUser;
    final String managerUser;

    private String adminToken;
    private String managerToken;

    PatchworksCompany() {
        this.id = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        this.apiKey = "pw-key-" + UUID.randomUUID();
        this.adminUser = "admin-" + id + "@patchworks.test";
        this.managerUser = "manager-" + id + "@patchworks.test";
        credential(Map.of("type", "api_key", "secret", apiKey, "role", "manager"));
        credential(Map.of("type", "password", "username", adminUser, "secret", PASSWORD, "role", "admin"));
        credential(Map.of("type", "password", "username", managerUser, "secret", PASSWORD, "role", "manager"));
    }

    private void credential(Map<String, String> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("dialect", "patchworks");
        body.put("tenant", id);
        admin().body(body).post("/admin/v1/credentials").then().statusCode(201);
    }

    static RequestSpecification admin() {
        return given().filter(SpecValidation.strict(ADMIN_SPEC)).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .contentType(ContentType.JSON);
    }

    /** Requests with the company's API key, request and response validated against the spec. */
    RequestSpecification key() {
        return given().filter(SpecValidation.strict(SPEC)).header("Authorization", apiKey).contentType(ContentType.JSON);
    }

    /** The API key, with only the response validated (for requests that are wrong on purpose). */
    RequestSpecification keyLoose() {
        return given().filter(SpecValidation.responsesOnly(SPEC)).header("Authorization", apiKey);
    }

    String adminToken() {
        if (adminToken == null) {
            adminToken = login(adminUser);
        }
        return adminToken;
    }

    RequestSpecification adminBearer() {
        return given().filter(SpecValidation.strict(SPEC)).header("Authorization", "Bearer " + adminToken())
                .contentType(ContentType.JSON);
    }

    RequestSpecification managerBearer() {
        if (managerToken == null) {
            managerToken = login(managerUser);
        }
        return given().filter(SpecValidation.strict(SPEC)).header("Authorization", "Bearer " + managerToken)
                .contentType(ContentType.JSON);
    }

    static String login(String username) {
        return Logins.patchworks(null, username, PASSWORD);
    }

    long createFlow(String name) {
        return key().body(Map.of("name", name)).post("/api/v1/flows").then().statusCode(201)
                .extract().jsonPath().getLong("data.id");
    }

    long createDraft(long flow) {
        return key().post("/api/v1/flows/{flow}/versions", flow).then().statusCode(201)
                .extract().jsonPath().getLong("data.id");
    }

    Response deploy(long flow, long version, String at) {
        return key().body(Map.of("deployed_at", at)).put("/api/v1/flows/{flow}/versions/{version}", flow, version);
    }

    long copy(long flow, long version) {
        return key().post("/api/v1/flows/{flow}/versions/{version}/copy", flow, version).then().statusCode(201)
                .extract().jsonPath().getLong("data.id");
    }

    /** A flow with {@code count} versions: all Inactive but the last, which is Deployed. */
    long[] flowWithDeployedHistory(long flow, int count) {
        long[] ids = new long[count];
        ids[0] = createDraft(flow);
        deploy(flow, ids[0], "2025-01-01T00:00:00Z").then().statusCode(200);
        for (int i = 1; i < count; i++) {
            ids[i] = copy(flow, ids[i - 1]);
            deploy(flow, ids[i], "2025-01-01T00:00:00Z").then().statusCode(200);
        }
        return ids;
    }

    List<Map<String, Object>> versions(long flow) {
        return key().queryParam("per_page", 100).get("/api/v1/flows/{flow}/versions", flow).then().statusCode(200)
                .extract().jsonPath().getList("data");
    }
}
