package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Logins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One fresh tenant in every dialect, with credentials created through the admin API of a running instance, and the
 * requests the process tests send to any instance (given by its base URL).
 */
public final class ProcessTenants {

    static final String SECMASTER = "huawei-secmaster.yaml";
    static final String PATCHWORKS = "patchworks.yaml";
    static final String FRANKIEONE = "frankieone.yaml";
    static final String FORTANIX = "fortanix-ccm.yaml";
    static final String PASSWORD = "process-test-password-1";

    final String project = UUID.randomUUID().toString().replace("-", "");
    final String secmasterUser = "user-" + project.substring(0, 12);
    final String workspace = "ws-" + project.substring(0, 8);
    final String company = "c" + project.substring(0, 12);
    final String patchworksKey = "pw-key-" + UUID.randomUUID();
    final String patchworksAdmin = "admin-" + company + "@patchworks.test";
    final String customer = "cust-" + UUID.randomUUID();
    final String frankieKey = "fk-" + UUID.randomUUID();
    final String account = UUID.randomUUID().toString();
    final String fortanixUser = "writer-" + UUID.randomUUID() + "@ccm.test";

    /** Creates the credentials through the admin API of the instance at {@code url}. */
    static ProcessTenants create(String url, String adminToken) {
        ProcessTenants t = new ProcessTenants();
        t.credential(url, adminToken, Map.of("dialect", "secmaster", "type", "password", "username", t.secmasterUser,
                "secret", PASSWORD, "tenant", t.project, "role", "writer"));
        t.credential(url, adminToken, Map.of("dialect", "patchworks", "type", "api_key", "secret", t.patchworksKey,
                "tenant", t.company, "role", "manager"));
        t.credential(url, adminToken, Map.of("dialect", "patchworks", "type", "password", "username", t.patchworksAdmin,
                "secret", PASSWORD, "tenant", t.company, "role", "admin"));
        t.credential(url, adminToken, Map.of("dialect", "frankieone", "type", "api_key", "secret", t.frankieKey,
                "tenant", t.customer, "role", "writer"));
        t.credential(url, adminToken, Map.of("dialect", "fortanix", "type", "password", "username", t.fortanixUser,
                "secret", PASSWORD, "tenant", t.account, "role", "writer"));
        return t;
    }

    private void credential(String url, String adminToken, Map<String, String> body) {
        given().baseUri(url).filter(SpecValidation.strict("admin.yaml")).header("Authorization", "Bearer " + adminToken)
                .contentType(ContentType.JSON).body(new HashMap<>(body))
                .post("/admin/v1/credentials").then().statusCode(201);
    }

    // SecMaster

    String secmasterWorkflows() {
        return "/v1/" + project + "/workspaces/" + workspace + "/soc/workflows";
    }

    String secmasterToken(String url) {
        return Logins.secmaster(url, secmasterUser, PASSWORD, project);
    }

    static RequestSpecification secmaster(String url, String token) {
        return given().baseUri(url).filter(SpecValidation.strict(SECMASTER)).header("X-Auth-Token", token)
                .contentType("application/json;charset=UTF-8");
    }

    static Map<String, Object> secmasterWorkflowBody(String name) {
        return Map.of("name", name, "description", "Workflow " + name, "engine_type", "public_engine",
                "aop_type", "NORMAL", "dataclass_id", "dc-1", "labels", "IP");
    }

    public static String secmasterVersionBody() {
        try (InputStream in = ProcessTenants.class.getResourceAsStream("/secmaster/create-workflow-version-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Patchworks

    String patchworksLogin(String url) {
        return Logins.patchworks(url, patchworksAdmin, PASSWORD);
    }

    RequestSpecification patchworks(String url) {
        return given().baseUri(url).filter(SpecValidation.strict(PATCHWORKS)).header("Authorization", patchworksKey)
                .contentType(ContentType.JSON);
    }

    // FrankieOne

    RequestSpecification frankieone(String url) {
        return given().baseUri(url).filter(SpecValidation.strict(FRANKIEONE)).header("api_key", frankieKey)
                .header("X-Frankie-CustomerID", customer).contentType(ContentType.JSON);
    }

    static String definition(String name) {
        return "{\"name\": \"" + name + "\", \"tasks\": [{\"id\": \"t1\", \"configuration\": {\"type\": \"HTTP\"}}]}";
    }

    // Fortanix

    String fortanixLogin(String url) {
        return Logins.fortanix(url, fortanixUser, PASSWORD);
    }

    static RequestSpecification fortanix(String url, String token) {
        return given().baseUri(url).filter(SpecValidation.strict(FORTANIX)).header("Authorization", "Bearer " + token)
                .contentType(ContentType.JSON);
    }

    public static Map<String, Object> graphContents(String config) {
        return Map.of("objects", Map.of("app", Map.of("name", "Scoring", "ref", Map.of("app",
                Map.of("image_id", "0e2e4c43-3a5b-4f5e-8b0e-6c7c9a1d2e3f", "config_id", config)))), "edges", Map.of());
    }

    static String createGraph(String url, String token, String name) {
        Response response = fortanix(url, token).body(Map.of("name", name, "description", "Process test",
                "contents", graphContents("cfg1"))).post("/v1/workflows/final/graphs");
        return response.then().statusCode(200).extract().path("graph_id");
    }
}
