package io.workflowversions.dialect.patchworks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Sql;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client mistakes get the dialect's own 4xx envelope, never 5xx, and write nothing. */
@QuarkusTest
class PatchworksBadInputTest {

    private PatchworksCompany company;

    @BeforeEach
    void company() {
        company = new PatchworksCompany();
    }

    private long flows() {
        return Sql.count("select count(*) from workflow where dialect = 'patchworks' and tenant = ?", company.id);
    }

    @Test
    void bodiesAreJsonWhateverTheContentTypeSays() {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
            raw("{\"name\":\"typed " + type + "\"}", type).then().statusCode(201).body("data.name", equalTo("typed " + type));
        }
        given().filter(SpecValidation.responsesOnly(PatchworksCompany.SPEC)).header("Authorization", company.apiKey)
                .body("{\"name\":\"untyped\"}".getBytes()).post("/api/v1/flows").then().statusCode(201);
        // Answers are JSON whatever Accept says.
        company.keyLoose().accept("text/html").get("/api/v1/flows").then().statusCode(200).contentType(ContentType.JSON);
        company.keyLoose().accept("application/xml").get("/api/v1/flows/999999999").then().statusCode(404)
                .contentType(ContentType.JSON).body("message", equalTo("Not Found"));
        assertThat(flows()).isEqualTo(4);
    }

    @Test
    void idsThatAreNotPositiveIntegersAreNotFound() {
        for (String path : List.of("/api/v1/flows/abc", "/api/v1/flows/0", "/api/v1/flows/-1", "/api/v1/flows/1.5",
                "/api/v1/flows/99999999999999999999", "/api/v1/flows/0/versions", "/api/v1/flows/1/versions/0",
                "/api/v1/flow-versions/abc/schedules", "/api/v1/flow-versions/0/schedules")) {
            notFound(company.keyLoose().get(path));
        }
        notFound(company.keyLoose().post("/api/v1/flow-versions/0/upload"));
        notFound(company.keyLoose().delete("/api/v1/flow-versions/1/schedules/0"));
    }

    @Test
    void unknownRoutesAndMethodsUnderThePrefixesUseTheEnvelope() {
        // Not in the spec: checked by hand.
        given().header("Authorization", company.apiKey).get("/api/v1/nothing").then().statusCode(404)
                .contentType(ContentType.JSON).body("message", equalTo("Not Found"));
        given().get("/fabric/api/logout").then().statusCode(404).body("message", equalTo("Not Found"));
        given().header("Authorization", company.apiKey).patch("/api/v1/flows").then().statusCode(405)
                .contentType(ContentType.JSON).body("message", equalTo("The PATCH method is not supported for this route."));
        given().get("/fabric/api/login").then().statusCode(405)
                .body("message", equalTo("The GET method is not supported for this route."));
    }

    @Test
    void dotSegmentsInThePathAreNotResolvedToTheParentResource() throws Exception {
        long flow = company.createFlow("dots");
        long versions = versions();
        HttpClient client = HttpClient.newHttpClient();
        // The HTTP layer would resolve ".../versions/.." to the flow itself, and DELETE would delete it.
        for (String tail : List.of("..", "%2e%2e", "%2E.", ".", "%2e")) {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":"
                            + RestAssured.port + "/api/v1/flows/" + flow + "/versions/" + tail))
                    .header("Authorization", company.apiKey).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(tail).isEqualTo(404);
            assertThat(answer.body()).as(tail).isEqualTo("{\"message\":\"Not Found\"}");
        }
        company.key().get("/api/v1/flows/{flow}", flow).then().statusCode(200);
        assertThat(versions()).isEqualTo(versions);
        assertThat(flows()).isEqualTo(1);
    }

    private long versions() {
        return Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.dialect = 'patchworks' and w.tenant = ?", company.id);
    }

    @Test
    void uploadChecksIdsThenRoleThenBody() {
        long flow = company.createFlow("upload order");
        long[] ids = company.flowWithDeployedHistory(flow, 1);
        // Unknown id before role: 404 even for an API key.
        notFound(company.keyLoose().post("/api/v1/flow-versions/{v}/upload", 999999999L));
        // Role before body: an API key with a bad body is still 403.
        company.keyLoose().contentType(ContentType.JSON).body("{\"private\":\"maybe\"}")
                .post("/api/v1/flow-versions/{v}/upload", ids[0]).then().statusCode(403)
                .body("message", equalTo("This action is unauthorized."));
        given().filter(SpecValidation.responsesOnly(PatchworksCompany.SPEC)).header("Authorization", "Bearer " + company.adminToken())
                .contentType(ContentType.JSON).body("{\"private\":\"maybe\"}")
                .post("/api/v1/flow-versions/{v}/upload", ids[0]).then().statusCode(422)
                .body("errors.private[0]", equalTo("The private field must be true or false."));
        for (String body : List.of("{\"private\":1}", "{\"private\":\"0\"}", "{\"private\":null}")) {
            given().filter(SpecValidation.responsesOnly(PatchworksCompany.SPEC)).header("Authorization", "Bearer " + company.adminToken())
                    .contentType(ContentType.JSON).body(body)
                    .post("/api/v1/flow-versions/{v}/upload", ids[0]).then().statusCode(200)
                    .body("data.private", equalTo(!body.contains("0")));
        }
        assertThat(Sql.count("select count(*) from version_upload u join workflow_version v on v.id = u.version_id"
                + " where v.public_id = ?", Long.toString(ids[0]))).isEqualTo(3);
    }

    @Test
    void hostileStringsAreStoredAndReturnedVerbatim() {
        String hostile = "Robert'); DROP TABLE workflow;-- <script>alert(1)</script> \u202e\u00e9\ud83d\ude00 {{7*7}} ${jndi:x}";
        long flow = company.key().body(Map.of("name", hostile, "description", hostile)).post("/api/v1/flows")
                .then().statusCode(201).body("data.name", equalTo(hostile)).extract().jsonPath().getLong("data.id");
        company.key().get("/api/v1/flows/{flow}", flow).then().statusCode(200).body("data.description", equalTo(hostile));
        // A NUL character cannot be stored in PostgreSQL text: a 422, not a 500.
        company.keyLoose().contentType(ContentType.JSON).body("{\"name\":\"nul\\u0000char\"}").post("/api/v1/flows")
                .then().statusCode(422);
        assertThat(flows()).isEqualTo(1);
    }

    private Response raw(String body, String contentType) {
        return given().filter(SpecValidation.responsesOnly(PatchworksCompany.SPEC)).header("Authorization", company.apiKey)
                .contentType(contentType).body(body).post("/api/v1/flows");
    }

    private static void notFound(Response response) {
        response.then().statusCode(404).contentType(ContentType.JSON).body("message", equalTo("Not Found"));
    }
}
