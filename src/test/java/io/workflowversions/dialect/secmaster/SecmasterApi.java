package io.workflowversions.dialect.secmaster;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.HuaweiSigner;
import io.workflowversions.support.Logins;
import io.workflowversions.support.SpecValidation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test helpers for the SecMaster dialect: tenants with real credentials, authenticated requests, the seed example. */
final class SecmasterApi {

    static final String SPEC = "huawei-secmaster.yaml";
    static final String ADMIN_TOKEN = "test-admin-token";
    static final String PASSWORD = "correct horse battery staple";

    /** A project with one user (password) and one access key, and a token of the user. */
    record Tenant(String project, String workspace, String user, String credentialId, String accessKey,
            String secretKey, String accessKeyCredentialId, String token) {

        String workflows() {
            return "/v1/" + project + "/workspaces/" + workspace + "/soc/workflows";
        }

        String versions() {
            return workflows() + "/versions";
        }

        Tenant inWorkspace(String otherWorkspace) {
            return new Tenant(project, otherWorkspace, user, credentialId, accessKey, secretKey, accessKeyCredentialId, token);
        }
    }

    private SecmasterApi() {
    }

    static Tenant newTenant() {
        return newTenant("writer");
    }

    static Tenant newTenant(String role) {
        String project = UUID.randomUUID().toString().replace("-", "");
        String user = "user-" + project.substring(0, 12);
        String accessKey = "AK" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase();
        String secretKey = "sk-" + UUID.randomUUID();
        String credentialId = admin().body(Map.of("dialect", "secmaster", "type", "password", "username", user,
                        "secret", PASSWORD, "tenant", project, "role", role, "display_name", "Test " + role))
                .post("/admin/v1/credentials").then().statusCode(201).extract().path("id");
        String akId = admin().body(Map.of("dialect", "secmaster", "type", "access_key", "access_key", accessKey,
                        "secret", secretKey, "tenant", project, "role", role, "display_name", "SDK " + role))
                .post("/admin/v1/credentials").then().statusCode(201).extract().path("id");
        String token = token(user, PASSWORD, project).then().statusCode(201).extract().header("X-Subject-Token");
        return new Tenant(project, "ws-" + UUID.randomUUID(), user, credentialId, accessKey, secretKey, akId, token);
    }

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    static void deleteCredential(String id) {
        admin().delete("/admin/v1/credentials/" + id).then().statusCode(204);
    }

    static Response token(String user, String password, String projectId) {
        return given().filter(SpecValidation.strict(SPEC)).contentType(ContentType.JSON)
                .body(tokenBody(user, password, Map.of("id", projectId)))
                .post("/v3/auth/tokens");
    }

    static Map<String, Object> tokenBody(String user, String password, Map<String, String> project) {
        return Logins.secmasterTokenBody(user, password, project);
    }

    /** A request with the tenant's token, checked against the spec both ways. */
    static RequestSpecification as(Tenant tenant) {
        return given().filter(SpecValidation.strict(SPEC)).header("X-Auth-Token", tenant.token())
                .contentType("application/json;charset=UTF-8");
    }

    /** A request that is wrong on purpose: only the answer is checked against the spec. */
    static RequestSpecification wrongly(Tenant tenant) {
        return given().filter(SpecValidation.responsesOnly(SPEC)).header("X-Auth-Token", tenant.token())
                .contentType("application/json;charset=UTF-8");
    }

    /** A request signed with the tenant's AK/SK by the Huawei SDK's own signer. */
    static RequestSpecification signed(Tenant tenant) {
        return given().filter(HuaweiSigner.of(tenant.accessKey(), tenant.secretKey())).filter(SpecValidation.strict(SPEC))
                .contentType("application/json;charset=UTF-8");
    }

    static String resource(String name) {
        try (InputStream in = SecmasterApi.class.getResourceAsStream("/secmaster/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seedRequest() {
        return resource("create-workflow-version-request.json");
    }

    static Map<String, Object> workflowBody(String name) {
        return Map.of("name", name, "description", "Workflow " + name, "engine_type", "public_engine",
                "aop_type", "NORMAL", "dataclass_id", "dc-" + name, "labels", "IP");
    }

    static String createWorkflow(Tenant tenant, String name) {
        return as(tenant).body(workflowBody(name)).post(tenant.workflows())
                .then().statusCode(200).extract().path("data.id");
    }

    static String createVersion(Tenant tenant, String workflowId) {
        return as(tenant).body(seedRequest()).post(tenant.workflows() + "/" + workflowId + "/versions")
                .then().statusCode(200).extract().path("data.id");
    }

    static Response setStatus(Tenant tenant, String versionId, String status) {
        return as(tenant).body(Map.of("status", status)).put(tenant.versions() + "/" + versionId);
    }

    static Response review(Tenant tenant, String versionId, String result) {
        return as(tenant).body(Map.of("result", result, "content", "looks " + result))
                .post(tenant.versions() + "/" + versionId + "/approval");
    }

    static Map<String, Object> workflow(Tenant tenant, String workflowId) {
        return as(tenant).get(tenant.workflows() + "/" + workflowId).then().statusCode(200).extract().path("data");
    }

    static int port() {
        return RestAssured.port;
    }
}
