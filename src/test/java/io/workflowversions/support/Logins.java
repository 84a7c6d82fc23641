package io.workflowversions.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;

/**
 * The dialects' logins as their clients do them, once for every test: in-process tests pass a null base URL (the
 * test's own service), process tests the URL of the instance they started. Each exchange is checked against the spec.
 */
public final class Logins {

    private Logins() {
    }

    /** Fortanix: HTTP Basic on {@code POST /v1/sys/auth}; the access token. */
    public static String fortanix(String baseUrl, String email, String password) {
        return at(baseUrl, "fortanix-ccm.yaml").auth().preemptive().basic(email, password)
                .post("/v1/sys/auth").then().statusCode(200).extract().path("access_token");
    }

    /** SecMaster: an IAM password token scoped to the project, from {@code X-Subject-Token}. */
    public static String secmaster(String baseUrl, String user, String password, String project) {
        return at(baseUrl, "huawei-secmaster.yaml").contentType(ContentType.JSON)
                .body(secmasterTokenBody(user, password, Map.of("id", project)))
                .post("/v3/auth/tokens").then().statusCode(201).extract().header("X-Subject-Token");
    }

    /** The IAM token request's body; {@code project} is its scope ({@code id} or {@code name}). */
    public static Map<String, Object> secmasterTokenBody(String user, String password, Map<String, String> project) {
        return Map.of("auth", Map.of(
                "identity", Map.of("methods", List.of("password"),
                        "password", Map.of("user", Map.of("name", user, "password", password,
                                "domain", Map.of("name", "domain-of-" + user)))),
                "scope", Map.of("project", project)));
    }

    /** Patchworks: {@code POST /fabric/api/login} with a user's password; the Bearer token. */
    public static String patchworks(String baseUrl, String username, String password) {
        return at(baseUrl, "patchworks.yaml").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/fabric/api/login").then().statusCode(200).extract().path("token");
    }

    private static RequestSpecification at(String baseUrl, String spec) {
        RequestSpecification request = given().filter(SpecValidation.strict(spec));
        return baseUrl == null ? request : request.baseUri(baseUrl);
    }
}
