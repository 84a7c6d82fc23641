package io.workflowversions.dialect.secmaster;

import static io.restassured.RestAssured.given;
import static io.workflowversions.dialect.secmaster.SecmasterApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpConfig;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import com.huaweicloud.sdk.secmaster.v2.SecMasterClient;
import com.huaweicloud.sdk.secmaster.v2.model.ListWorkflowsRequest;
import com.huaweicloud.sdk.secmaster.v2.model.ListWorkflowsResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.workflowversions.support.HuaweiSigner;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Sql;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** IAM tokens and AK/SK signatures, with the vendor's own signer and client; every failure in the gateway envelope. */
@QuarkusTest
class SecmasterAuthTest {

    // ---- IAM token ------------------------------------------------------------------------------------------

    @Test
    void aPasswordGivesA24HourTokenScopedToTheProject() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();

        Response response = SecmasterApi.token(tenant.user(), SecmasterApi.PASSWORD, tenant.project());

        response.then().statusCode(201)
                .header("X-Subject-Token", not(emptyString()))
                .body("token.methods", equalTo(java.util.List.of("password")))
                .body("token.catalog", hasSize(0))
                .body("token.project.id", equalTo(tenant.project()))
                .body("token.user.name", equalTo(tenant.user()))
                .body("token.user.id", equalTo(tenant.credentialId().replace("-", "")))
                .body("token.user.domain.name", equalTo("domain-of-" + tenant.user()))
                .body("token.roles[0].name", equalTo("writer"));
        Instant issued = OffsetDateTime.parse(response.<String>path("token.issued_at")).toInstant();
        Instant expires = OffsetDateTime.parse(response.<String>path("token.expires_at")).toInstant();
        assertThat(Duration.between(issued, expires)).isEqualTo(Duration.ofHours(24));
        assertThat(Duration.between(issued, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));

        // A new token does not revoke the earlier one.
        String newer = response.header("X-Subject-Token");
        assertThat(newer).isNotEqualTo(tenant.token());
        as(tenant).get(tenant.workflows()).then().statusCode(200);
        given().filter(SpecValidation.strict(SecmasterApi.SPEC)).header("X-Auth-Token", newer)
                .get(tenant.workflows()).then().statusCode(200).body("code", equalTo("00000000"));
    }

    @Test
    void theProjectMayBeNamedAndMustBeNamedExactlyOnce() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        given().filter(SpecValidation.strict(SecmasterApi.SPEC)).contentType(ContentType.JSON)
                .body(SecmasterApi.tokenBody(tenant.user(), SecmasterApi.PASSWORD, Map.of("name", "cn-north-4")))
                .post("/v3/auth/tokens")
                .then().statusCode(201).body("token.project.id", equalTo(tenant.project()))
                .body("token.project.name", equalTo("cn-north-4"));

        given().filter(SpecValidation.responsesOnly(SecmasterApi.SPEC)).contentType(ContentType.JSON)
                .body(SecmasterApi.tokenBody(tenant.user(), SecmasterApi.PASSWORD,
                        Map.of("name", "cn-north-4", "id", tenant.project())))
                .post("/v3/auth/tokens")
                .then().statusCode(400).body("error.code", equalTo(400)).body("error.title", equalTo("Bad Request"));
        given().filter(SpecValidation.responsesOnly(SecmasterApi.SPEC)).contentType(ContentType.JSON)
                .body(SecmasterApi.tokenBody(tenant.user(), SecmasterApi.PASSWORD, Map.of()))
                .post("/v3/auth/tokens")
                .then().statusCode(400).body("error.code", equalTo(400));
    }

    @Test
    void badCredentialsAnswerInKeystoneStyle() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        for (Response response : new Response[] {
                SecmasterApi.token(tenant.user(), "wrong password", tenant.project()),
                SecmasterApi.token("nobody-" + UUID.randomUUID(), SecmasterApi.PASSWORD, tenant.project()),
                SecmasterApi.token(tenant.user(), SecmasterApi.PASSWORD, "0123456789abcdef0123456789abcdef")}) {
            response.then().statusCode(401)
                    .header("X-Subject-Token", org.hamcrest.Matchers.nullValue())
                    .body("error.code", equalTo(401))
                    .body("error.title", equalTo("Unauthorized"))
                    .body("error.message", equalTo("The request you have made requires authentication."));
        }
        given().filter(SpecValidation.responsesOnly(SecmasterApi.SPEC)).contentType(ContentType.JSON)
                .body("{\"auth\": {\"identity\": {\"methods\": [\"token\"]}}}").post("/v3/auth/tokens")
                .then().statusCode(400).body("error.code", equalTo(400));
    }

    // ---- X-Auth-Token ---------------------------------------------------------------------------------------

    @Test
    void aTokenStopsWorkingWhenItsCredentialIsDeleted() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        as(tenant).get(tenant.workflows()).then().statusCode(200);

        SecmasterApi.deleteCredential(tenant.credentialId());

        gatewayError(as(tenant).get(tenant.workflows()), 401, "APIG.0301");
    }

    @Test
    void anotherProjectInThePathIs403WithTokenAndWithSignature() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        SecmasterApi.Tenant other = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(other, "theirs");

        gatewayError(as(tenant).get(other.workflows()), 403, "APIG.1005");
        gatewayError(as(tenant).get(other.workflows() + "/" + workflowId), 403, "APIG.1005");
        gatewayError(as(tenant).body(SecmasterApi.workflowBody("x")).post(other.workflows()), 403, "APIG.1005");
        gatewayError(given().filter(HuaweiSigner.of(tenant.accessKey(), tenant.secretKey()))
                .filter(SpecValidation.strict(SecmasterApi.SPEC)).get(other.workflows()), 403, "APIG.1005");
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", other.project())).isEqualTo(1);
    }

    @Test
    void aReaderMayReadButNotWrite() {
        SecmasterApi.Tenant reader = SecmasterApi.newTenant("reader");
        as(reader).get(reader.workflows()).then().statusCode(200);
        gatewayError(as(reader).body(SecmasterApi.workflowBody("nope")).post(reader.workflows()), 403, "APIG.1005");
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", reader.project())).isZero();
    }

    // ---- AK/SK ----------------------------------------------------------------------------------------------

    @Test
    void requestsSignedByTheHuaweiSignerAreAccepted() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();

        String workflowId = SecmasterApi.signed(tenant).body(SecmasterApi.workflowBody("signed flow"))
                .post(tenant.workflows()).then().statusCode(200)
                .body("data.creator_name", equalTo("SDK writer")).extract().path("data.id");
        String versionId = SecmasterApi.signed(tenant).body(SecmasterApi.seedRequest())
                .post(tenant.workflows() + "/" + workflowId + "/versions").then().statusCode(200).extract().path("data.id");
        SecmasterApi.signed(tenant).body(Map.of("status", "pending_approval"))
                .put(tenant.versions() + "/" + versionId).then().statusCode(200).body("data.version", equalTo("V1"));
        SecmasterApi.signed(tenant).body(Map.of("result", "PASS", "content", "ok"))
                .post(tenant.versions() + "/" + versionId + "/approval").then().statusCode(200);
        SecmasterApi.signed(tenant).queryParam("name", "SIGNED fl").queryParam("limit", 5).queryParam("order", "ASC")
                .get(tenant.workflows()).then().statusCode(200).body("total", equalTo(1)).body("data[0].id", equalTo(workflowId));
        SecmasterApi.signed(tenant).queryParam("status", "not_activated")
                .get(tenant.workflows() + "/" + workflowId + "/versions").then().statusCode(200).body("total", equalTo(1));
        SecmasterApi.signed(tenant).delete(tenant.versions() + "/" + versionId).then().statusCode(200);
    }

    /** A signed body is read ahead to check its signature; one larger than the REST layer's buffer still arrives whole. */
    @Test
    void aLargeSignedBodyArrivesWhole() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.signed(tenant).body(SecmasterApi.workflowBody("large signed"))
                .post(tenant.workflows()).then().statusCode(200).extract().path("data.id");

        SecmasterApi.signed(tenant).body(SecmasterApi.seedRequest() + " ".repeat(64 * 1024))
                .post(tenant.workflows() + "/" + workflowId + "/versions").then().statusCode(200).body("data.id", notNullValue());
    }

    @Test
    void theOfficialSecMasterClientListsWorkflowsWithItsAccessKey() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "listed by the sdk");
        SecMasterClient client = SecMasterClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(tenant.accessKey()).withSk(tenant.secretKey())
                        .withProjectId(tenant.project()))
                .withEndpoint("http://localhost:" + SecmasterApi.port())
                .withHttpConfig(HttpConfig.getDefaultHttpConfig().withTimeout(30))
                .build();

        ListWorkflowsResponse response = client.listWorkflows(new ListWorkflowsRequest()
                .withWorkspaceId(tenant.workspace()).withOffset(0).withLimit(100).withLastVersion(true));

        assertThat(response.getHttpStatusCode()).isEqualTo(200);
        assertThat(response.getCode()).isEqualTo("00000000");
        assertThat(response.getTotal()).isEqualTo(1);
        assertThat(response.getData()).singleElement().satisfies(w -> {
            assertThat(w.getId()).isEqualTo(workflowId);
            assertThat(w.getName()).isEqualTo("listed by the sdk");
            assertThat(w.getProjectId()).isEqualTo(tenant.project());
            assertThat(w.getCurrentRejectedVersoinId()).isEqualTo("");
        });
        assertThat(response.getXRequestId()).isNotBlank();
    }

    @Test
    void aWrongSignatureAnUnknownKeyOrATamperedBodyIs401() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String path = tenant.workflows();
        String body = "{\"name\":\"a\",\"engine_type\":\"public_engine\",\"aop_type\":\"NORMAL\",\"dataclass_id\":\"d\"}";

        gatewayError(send("POST", path, body, sign("POST", path, body, tenant.accessKey(), "not-the-secret", null)), 401, "APIG.0301");
        gatewayError(send("POST", path, body, sign("POST", path, body, "AKUNKNOWN000000000", tenant.secretKey(), null)), 401, "APIG.0301");
        gatewayError(send("POST", path, body.replace("\"a\"", "\"b\""),
                sign("POST", path, body, tenant.accessKey(), tenant.secretKey(), null)), 401, "APIG.0301");
        Map<String, String> headers = sign("GET", path, null, tenant.accessKey(), tenant.secretKey(), null);
        gatewayError(send("GET", path + "/", null, Map.of("X-Sdk-Date", headers.get("X-Sdk-Date"),
                "Authorization", headers.get("Authorization").replaceAll("Signature=[0-9a-f]+", "Signature=00"))), 401, "APIG.0301");
        gatewayError(send("GET", path, null, Map.of("Authorization", headers.get("Authorization"))), 401, "APIG.0301");
        assertThat(Sql.count("select count(*) from workflow where tenant = ?", tenant.project())).isZero();

        send("POST", path, body, sign("POST", path, body, tenant.accessKey(), tenant.secretKey(), null))
                .then().statusCode(200);
    }

    @Test
    void theSigningDateMustBeWithin15MinutesOfTheServerClock() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String path = tenant.workflows();
        Instant now = Instant.now();

        send("GET", path, null, sign("GET", path, null, tenant.accessKey(), tenant.secretKey(), now.minus(Duration.ofMinutes(14))))
                .then().statusCode(200);
        send("GET", path, null, sign("GET", path, null, tenant.accessKey(), tenant.secretKey(), now.plus(Duration.ofMinutes(14))))
                .then().statusCode(200);
        gatewayError(send("GET", path, null, sign("GET", path, null, tenant.accessKey(), tenant.secretKey(),
                now.minus(Duration.ofMinutes(16)))), 401, "APIG.0301");
        gatewayError(send("GET", path, null, sign("GET", path, null, tenant.accessKey(), tenant.secretKey(),
                now.plus(Duration.ofMinutes(16)))), 401, "APIG.0301");
    }

    @Test
    void aDeletedAccessKeyIsRefused() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        SecmasterApi.signed(tenant).get(tenant.workflows()).then().statusCode(200);

        SecmasterApi.deleteCredential(tenant.accessKeyCredentialId());

        gatewayError(SecmasterApi.signed(tenant).get(tenant.workflows()), 401, "APIG.0301");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    static void gatewayError(Response response, int status, String code) {
        response.then().statusCode(status)
                .body("error_code", equalTo(code))
                .body("error_msg", not(emptyString()))
                .body("request_id", not(emptyString()))
                .header("X-request-id", equalTo(response.<String>path("request_id")));
        assertThat(response.<String>path("error_msg")).startsWith(status == 401
                ? "Incorrect IAM authentication information" : "No permissions to request this method");
    }

    /** The SDK signer's headers for a request to this service, signed at {@code at} (null: now). */
    private static Map<String, String> sign(String method, String path, String body, String ak, String sk, Instant at) {
        HttpRequest.HttpRequestBuilder builder = HttpRequest.newBuilder()
                .withMethod(HttpMethod.valueOf(method))
                .withEndpoint("http://localhost:" + SecmasterApi.port())
                .withPath(path);
        if (body != null) {
            builder.withBodyAsString(body);
        }
        if (at != null) {
            builder.addHeader("X-Sdk-Date", AkSkSignature.formatDate(at));
        }
        Map<String, String> headers = new java.util.HashMap<>(AKSKSigner.getInstance().sign(builder.build(),
                new BasicCredentials().withAk(ak).withSk(sk)));
        headers.remove("Host");
        if (at != null) {
            headers.put("X-Sdk-Date", AkSkSignature.formatDate(at));
        }
        return headers;
    }

    private static Response send(String method, String path, String body, Map<String, String> headers) {
        var request = given().filter(SpecValidation.responsesOnly(SecmasterApi.SPEC)).headers(headers);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path);
    }

}
