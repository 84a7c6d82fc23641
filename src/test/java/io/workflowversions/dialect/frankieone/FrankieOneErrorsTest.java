package io.workflowversions.dialect.frankieone;

import static io.restassured.RestAssured.given;
import static io.workflowversions.dialect.frankieone.FrankieOne.PATH;
import static io.workflowversions.dialect.frankieone.FrankieOne.body;
import static io.workflowversions.dialect.frankieone.FrankieOne.error;
import static io.workflowversions.dialect.frankieone.FrankieOne.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.workflowversions.dialect.frankieone.FrankieOne.Key;
import io.workflowversions.support.SpecValidation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every error of the FrankieOne contract, with its code, status and issue location; a rejected request writes nothing. */
@QuarkusTest
class FrankieOneErrorsTest {

    private static final String TASK = "{\"id\": \"t1\"}";

    // ---- authentication -------------------------------------------------------------------------------------

    @Test
    void everyAuthenticationFailureIsTheSame401AndComesBeforeValidation() {
        Key key = newKey();
        String valid = body("Auth", false);

        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC)).contentType(ContentType.JSON)
                .header("X-Frankie-CustomerID", key.customer()).body(valid).put(PATH + "/auth").then());
        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC)).contentType(ContentType.JSON)
                .header("api_key", "no-such-key").header("X-Frankie-CustomerID", key.customer()).body(valid)
                .put(PATH + "/auth").then());
        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC)).contentType(ContentType.JSON)
                .header("api_key", key.secret()).body(valid).put(PATH + "/auth").then());
        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC)).contentType(ContentType.JSON)
                .header("api_key", key.secret()).header("X-Frankie-CustomerID", "someone-else").body(valid)
                .put(PATH + "/auth").then());
        // The key is the credential, not some other header spelling of it.
        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC))
                .header("Authorization", "Bearer " + key.secret()).header("X-Api-Key", key.secret())
                .header("X-Frankie-CustomerID", key.customer()).get(PATH).then());
        // Authentication is checked before the body, the path and the query.
        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC)).contentType(ContentType.JSON)
                .header("api_key", "no-such-key").header("X-Frankie-CustomerID", key.customer()).body("{nope")
                .put(PATH + "/bad id!").then());
        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC))
                .header("api_key", "no-such-key").header("X-Frankie-CustomerID", key.customer())
                .queryParam("page", "x").get(PATH).then());

        assertThat(key.workflows()).isZero();
    }

    @Test
    void customerChildHeadersMustMatchTheKeyExactly() {
        String customer = "cust-" + UUID.randomUUID();
        Key withChild = newKey(customer, "child-1", "writer");
        Key withoutChild = newKey(customer, null, "writer");

        withChild.api().body(body("Child", false)).put(PATH + "/shared").then().statusCode(200)
                .body("workflowDefinition.version", equalTo(1));
        withoutChild.api().body(body("Parent", false)).put(PATH + "/shared").then().statusCode(200)
                .body("workflowDefinition.version", equalTo(1))
                .body("workflowDefinition.name", equalTo("Parent"));

        // A key with a child needs the child header, with its value.
        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC)).header("api_key", withChild.secret())
                .header("X-Frankie-CustomerID", customer).get(PATH + "/shared").then());
        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC)).header("api_key", withChild.secret())
                .header("X-Frankie-CustomerID", customer).header("X-Frankie-CustomerChildID", "child-2")
                .get(PATH + "/shared").then());
        // A key without a child cannot widen or move its scope with the header.
        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC)).header("api_key", withoutChild.secret())
                .header("X-Frankie-CustomerID", customer).header("X-Frankie-CustomerChildID", "child-1")
                .get(PATH + "/shared").then());

        withChild.api().get(PATH + "/shared").then().statusCode(200).body("workflowDefinition.name", equalTo("Child"));
        withoutChild.api().get(PATH + "/shared").then().statusCode(200).body("workflowDefinition.name", equalTo("Parent"));
    }

    @Test
    void aReadOnlyKeyReadsButCannotWrite() {
        Key writer = newKey();
        Key reader = newKey(writer.customer(), null, "reader");
        writer.api().body(body("Mine", false)).put(PATH + "/ro-key").then().statusCode(200);

        reader.api().get(PATH + "/ro-key").then().statusCode(200);
        unauthorised(reader.lenient().body(body("Theirs", false)).put(PATH + "/ro-key").then());
        unauthorised(reader.lenient().delete(PATH + "/ro-key").then());
        assertThat(writer.versions()).isEqualTo(1);
    }

    // ---- tenancy --------------------------------------------------------------------------------------------

    @Test
    void theSameSlugUnderTwoCustomersNamesTwoDefinitionsAndNeitherSeesTheOther() {
        Key first = newKey();
        Key second = newKey();
        first.api().body(body("First 1", false)).put(PATH + "/kyc").then().statusCode(200);
        first.api().body(body("First 2", false)).put(PATH + "/kyc").then().statusCode(200);
        first.api().body(body("First only", false)).put(PATH + "/first-only").then().statusCode(200);

        second.api().body(body("Second 1", false)).put(PATH + "/kyc").then().statusCode(200)
                .body("workflowDefinition.version", equalTo(1))
                .body("workflowDefinition.versions", contains(1));
        first.api().get(PATH + "/kyc").then().statusCode(200)
                .body("workflowDefinition.version", equalTo(2)).body("workflowDefinition.name", equalTo("First 2"));
        second.api().get(PATH + "/kyc").then().statusCode(200).body("workflowDefinition.name", equalTo("Second 1"));

        notFound(second.lenient().get(PATH + "/first-only").then(), "workflowDefinitionId");
        notFound(second.lenient().get(PATH + "/first-only/versions").then(), "workflowDefinitionId");
        notFound(second.lenient().delete(PATH + "/first-only").then(), "workflowDefinitionId");
        second.api().get(PATH).then().statusCode(200).body("workflowDefinitions.id", contains("kyc"))
                .body("meta.total", equalTo(1));
        // A key of one customer with the other customer's header is refused, not served the other's data.
        unauthorised(given().filter(SpecValidation.responsesOnly(FrankieOne.SPEC)).header("api_key", second.secret())
                .header("X-Frankie-CustomerID", first.customer()).get(PATH + "/first-only").then());

        first.api().get(PATH + "/first-only").then().statusCode(200);
        assertThat(first.versions()).isEqualTo(3);
        assertThat(second.versions()).isEqualTo(1);
    }

    // ---- not found ------------------------------------------------------------------------------------------

    @Test
    void missingDefinitionsDraftsAndVersionsAre404() {
        Key key = newKey();
        notFound(key.lenient().get(PATH + "/nothing").then(), "workflowDefinitionId");
        notFound(key.lenient().get(PATH + "/nothing/versions").then(), "workflowDefinitionId");
        notFound(key.lenient().delete(PATH + "/nothing").then(), "workflowDefinitionId");

        key.api().body(body("One", false)).put(PATH + "/one").then().statusCode(200);
        notFound(key.lenient().queryParam("version", -1).get(PATH + "/one").then(), "version");
        notFound(key.lenient().queryParam("version", 0).get(PATH + "/one").then(), "version");
        notFound(key.lenient().queryParam("version", 2).get(PATH + "/one").then(), "version");
        notFound(key.lenient().queryParam("version", -2).get(PATH + "/one").then(), "version");
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheEnvelope() {
        Key key = newKey();
        error(key.lenient().get(PATH + "/a/b/c").then(), 404, "API-1010");
        error(key.lenient().body(body("x", false)).post(PATH + "/a").then(), 405, "API-0405");
        error(key.lenient().body(body("x", false)).patch(PATH + "/a").then(), 405, "API-0405");
    }

    // ---- validation -----------------------------------------------------------------------------------------

    @Test
    void everyBodyRuleNamesItsLocation() {
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("{\"tasks\": []}", "name");
        corpus.put("{\"name\": \"   \", \"tasks\": []}", "name");
        corpus.put("{\"name\": 5, \"tasks\": []}", "name");
        corpus.put("{\"name\": null, \"tasks\": []}", "name");
        corpus.put("{\"name\": \"n\"}", "tasks");
        corpus.put("{\"name\": \"n\", \"tasks\": \"t1\"}", "tasks");
        corpus.put("{\"name\": \"n\", \"tasks\": {\"id\": \"t1\"}}", "tasks");
        corpus.put("{\"name\": \"n\", \"tasks\": [null]}", "tasks[0]");
        corpus.put("{\"name\": \"n\", \"tasks\": [{\"name\": \"no id\"}]}", "tasks[0].id");
        corpus.put("{\"name\": \"n\", \"tasks\": [" + TASK + ", {\"id\": \" \"}]}", "tasks[1].id");
        corpus.put("{\"name\": \"n\", \"tasks\": [" + TASK + ", " + TASK + "]}", "tasks[1].id");
        corpus.put("{\"name\": \"n\", \"tasks\": [{\"id\": 7}]}", "tasks[0].id");
        corpus.put("{\"name\": \"n\", \"tasks\": [{\"id\": \"a\", \"configuration\": \"HTTP\"}]}", "tasks[0].configuration");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"variables\": [{\"name\": \"v\", \"type\": \"TEXT\"}]}", "variables[0].type");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"variables\": [{\"name\": \"v\", \"type\": 1}]}", "variables[0].type");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"defaultErrorHandling\": {\"retryConfig\": {\"delayMs\": -1}}}",
                "defaultErrorHandling.retryConfig.delayMs");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"defaultErrorHandling\": {\"retryConfig\": {\"maxAttempts\": -3}}}",
                "defaultErrorHandling.retryConfig.maxAttempts");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"defaultErrorHandling\": {\"retryConfig\": {\"backoffFactor\": -0.5}}}",
                "defaultErrorHandling.retryConfig.backoffFactor");
        corpus.put("{\"name\": \"n\", \"tasks\": [" + TASK + ", {\"id\": \"b\", \"errorHandling\": {\"retryConfig\": {\"maxAttempts\": -1}}}]}",
                "tasks[1].errorHandling.retryConfig.maxAttempts");
        corpus.put("{\"name\": \"n\", \"tasks\": [{\"id\": \"b\", \"errorHandling\": {\"retryConfig\": {\"delayMs\": 1.5}}}]}",
                "tasks[0].errorHandling.retryConfig.delayMs");
        corpus.put("{\"name\": \"n\", \"tasks\": [{\"id\": \"b\", \"errorHandling\": {\"retryConfig\": {\"maxAttempts\": \"3\"}}}]}",
                "tasks[0].errorHandling.retryConfig.maxAttempts");
        corpus.put("{\"name\": \"n\", \"tasks\": [{\"id\": \"b\", \"errorHandling\": {\"fallbackState\": 3}}]}",
                "tasks[0].errorHandling.fallbackState");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"defaultErrorHandling\": {\"ignoreErrors\": \"no\"}}",
                "defaultErrorHandling.ignoreErrors");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"isDraft\": \"yes\"}", "isDraft");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"isDraft\": 1}", "isDraft");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"isTemplate\": \"true\"}", "isTemplate");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"tags\": [\"a\", 1]}", "tags[1]");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"tags\": \"kyc\"}", "tags");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"initialState\": \"John\"}", "initialState");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"description\": [\"x\"]}", "description");
        corpus.put("{\"name\": \"n\", \"tasks\": [], \"owner\": {\"a\": 1}}", "owner");
        corpus.put("{\"id\": \"another-id\", \"name\": \"n\", \"tasks\": []}", "id");
        corpus.put("{\"id\": 12, \"name\": \"n\", \"tasks\": []}", "id");

        Key key = newKey();
        corpus.forEach((body, location) -> invalid(key.lenient().body(body).put(PATH + "/rules").then(), location));
        assertThat(key.workflows()).isZero();
    }

    @Test
    void everyProblemOfABodyIsReportedInOneAnswer() {
        Key key = newKey();
        String body = "{\"name\": \"\", \"tasks\": [{\"id\": \"a\"}, {\"id\": \"a\"}],"
                + " \"defaultErrorHandling\": {\"retryConfig\": {\"maxAttempts\": -1, \"delayMs\": -1}}}";
        error(key.lenient().body(body).put(PATH + "/many").then(), 400, "VAL-1002")
                .body("details", hasSize(4))
                .body("details.issueLocation", containsInAnyOrder("name", "tasks[1].id",
                        "defaultErrorHandling.retryConfig.maxAttempts", "defaultErrorHandling.retryConfig.delayMs"));
        assertThat(key.workflows()).isZero();
    }

    @Test
    void hostileButValidStringsAreStoredVerbatim() {
        Key key = newKey();
        String hostile = "Robert'); DROP TABLE workflow;-- <script>alert(1)</script> \u202e\u00e9\ud83d\ude00 {{variables.x}}";
        String body = "{\"name\": \"" + hostile.replace("\\", "\\\\") + "\", \"tasks\": [{\"id\": \"" + hostile + "\"}]}";
        key.api().body(body).put(PATH + "/hostile-ok").then().statusCode(200)
                .body("workflowDefinition.name", equalTo(hostile))
                .body("workflowDefinition.tasks[0].id", equalTo(hostile));
        key.api().get(PATH + "/hostile-ok").then().statusCode(200).body("workflowDefinition.name", equalTo(hostile));
    }

    @Test
    void badPathIdsAre400() {
        Key key = newKey();
        for (String id : new String[] {"has space", "x".repeat(129), "semi;colon", "quote'", "percent%25", "é"}) {
            invalid(key.lenient().body(body("n", false)).put(PATH + "/{id}", id).then(), "workflowDefinitionId");
            invalid(key.lenient().get(PATH + "/{id}", id).then(), "workflowDefinitionId");
        }
        key.api().body(body("n", false)).put(PATH + "/{id}", "A.b_c-9." + "x".repeat(120)).then().statusCode(200);
        assertThat(key.workflows()).isEqualTo(1);
    }

    @Test
    void aNonJsonContentTypeIs400NeverA415ButJsonVariantsAreFine() {
        Key key = newKey();
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded"}) {
            error(key.lenient().contentType(type).body(body("n", false)).put(PATH + "/typed").then(), 400, "VAL-1002")
                    .body("details[0].issueLocation", equalTo("Content-Type"));
        }
        assertThat(key.workflows()).isZero();
        key.lenient().contentType("application/json; charset=UTF-8").body(body("n", false)).put(PATH + "/typed")
                .then().statusCode(200);
        key.lenient().contentType("application/vnd.frankie+json").accept("text/html").body(body("n", false))
                .put(PATH + "/typed").then().statusCode(200).contentType(ContentType.JSON)
                .body("workflowDefinition.version", equalTo(2));
    }

    @Test
    void badQueryValuesAre400NamingTheParameter() {
        Key key = newKey();
        key.api().body(body("n", false)).put(PATH + "/q").then().statusCode(200);

        for (String version : new String[] {"abc", "1.0", "", "99999999999"}) {
            invalid(key.lenient().queryParam("version", version).get(PATH + "/q").then(), "version");
        }
        for (String[] paging : new String[][] {{"page", "0"}, {"page", "x"}, {"page", "-1"}, {"limit", "0"},
                {"limit", "101"}, {"limit", "ten"}, {"limit", "2.5"}}) {
            invalid(key.lenient().queryParam(paging[0], paging[1]).get(PATH).then(), paging[0])
                    .body("details[0].issue", equalTo("Invalid limit or page parameter"));
        }
        for (String fields : new String[] {"version", "createdAt,", "", "name;id", "ID"}) {
            invalid(key.lenient().queryParam("sortFields", fields).get(PATH).then(), "sortFields")
                    .body("details[0].issue", equalTo("Invalid sortField"));
        }
        invalid(key.lenient().queryParam("sort", "up").get(PATH).then(), "sort");
    }

    @Test
    void anOversizeBodyIs413BeforeItIsRead() {
        Key key = newKey();
        String big = "{\"name\": \"n\", \"tasks\": [], \"pad\": \"" + "x".repeat(8 * 1024 * 1024) + "\"}";
        error(key.lenient().body(big).put(PATH + "/big").then(), 413, "VAL-0413")
                .body("details[0].issueLocation", equalTo("body"));
        assertThat(key.workflows()).isZero();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void unauthorised(ValidatableResponse response) {
        error(response, 401, "AUTH-0002")
                .body("errorMsg", equalTo("Not authorised to perform this function"))
                .body("details", empty());
    }

    private static void notFound(ValidatableResponse response, String location) {
        error(response, 404, "API-1010")
                .body("errorMsg", equalTo("Not Found"))
                .body("details[0].issueLocation", equalTo(location));
    }

    /** A 400 whose details name {@code location} (or, when null, any location). */
    private static ValidatableResponse invalid(ValidatableResponse response, String location) {
        ValidatableResponse checked = error(response, 400, "VAL-1002")
                .body("errorMsg", equalTo("Data supplied is incorrect/badly formatted"))
                .body("details", org.hamcrest.Matchers.not(empty()));
        return location == null ? checked : checked.body("details.issueLocation", org.hamcrest.Matchers.hasItem(location));
    }
}
