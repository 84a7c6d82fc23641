package io.workflowversions.dialect.frankieone;

import static io.workflowversions.dialect.frankieone.FrankieOne.PATH;
import static io.workflowversions.dialect.frankieone.FrankieOne.ULID;
import static io.workflowversions.dialect.frankieone.FrankieOne.VENDOR_EXAMPLE;
import static io.workflowversions.dialect.frankieone.FrankieOne.body;
import static io.workflowversions.dialect.frankieone.FrankieOne.error;
import static io.workflowversions.dialect.frankieone.FrankieOne.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.workflowversions.dialect.frankieone.FrankieOne.Key;
import io.workflowversions.support.Sql;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FrankieOne definition lifecycle over real HTTP and the real database, every exchange checked against the spec. */
@QuarkusTest
class FrankieOneDefinitionsTest {

    private static final String VENDOR_ID = "customer-verification-workflow";

    @Test
    void theVendorExamplePublishesVersionOneThenADraftLeavesVersionsAloneThenAPublishGivesVersionTwo() {
        Key key = newKey();
        String vendorDraft = VENDOR_EXAMPLE.replace("\"isDraft\": false", "\"isDraft\": true")
                .replace("\"name\": \"Customer Verification Workflow\"", "\"name\": \"Customer Verification (draft)\"");

        JsonPath first = key.api().header("X-Frankie-Username", "fred.flintstone@frankieone.com")
                .header("X-Frankie-RequestID", "82988375-1F9C-40C7-8543-ECCA0D94CC7C")
                .header("X-Frankie-Channel", "portal")
                .body(VENDOR_EXAMPLE).put(PATH + "/" + VENDOR_ID)
                .then().statusCode(200)
                .body("requestId", matchesPattern(ULID))
                .body("workflowDefinition.id", equalTo(VENDOR_ID))
                .body("workflowDefinition.name", equalTo("Customer Verification Workflow"))
                .body("workflowDefinition.version", equalTo(1))
                .body("workflowDefinition.versions", contains(1))
                .body("workflowDefinition.isDraft", equalTo(false))
                .body("workflowDefinition.isTemplate", equalTo(false))
                .body("workflowDefinition.owner", equalTo("SYSTEM"))
                .body("workflowDefinition.tags", contains("customer-verification", "kyc"))
                .body("workflowDefinition.initialState.age", equalTo(30))
                .body("workflowDefinition.tasks[0].configuration.type", equalTo("HTTP"))
                .body("workflowDefinition.tasks[0].errorHandling.retryConfig.delayMs", equalTo(1000))
                .body("workflowDefinition.defaultErrorHandling.retryConfig.backoffFactor", equalTo(2))
                .body("workflowDefinition.variables[0].default", equalTo(""))
                .body("workflowDefinition.variables[0].example", equalTo("customer@example.com"))
                .body("workflowDefinition.versionId", matchesPattern(ULID))
                .body("workflowDefinition.versionId", not(equalTo("01KCNG5VAH4ZQC5T1H4A2ZZHWA")))
                .body("workflowDefinition.createdBy", equalTo("fred.flintstone@frankieone.com"))
                .body("workflowDefinition.updatedBy", equalTo("fred.flintstone@frankieone.com"))
                .extract().jsonPath();
        assertThat(Instant.parse(first.getString("workflowDefinition.createdAt"))).isAfter(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(first.getString("workflowDefinition.createdAt")).endsWith("Z")
                .isEqualTo(first.getString("workflowDefinition.updatedAt"));
        assertThat(first.getString("requestId")).isNotEqualTo(first.getString("workflowDefinition.versionId"));

        JsonPath draft = key.api().header("X-Frankie-Username", "Jane Smith").body(vendorDraft).put(PATH + "/" + VENDOR_ID)
                .then().statusCode(200)
                .body("workflowDefinition.version", equalTo(-1))
                .body("workflowDefinition.versions", contains(1))
                .body("workflowDefinition.isDraft", equalTo(true))
                .body("workflowDefinition.name", equalTo("Customer Verification (draft)"))
                .body("workflowDefinition.createdBy", equalTo("fred.flintstone@frankieone.com"))
                .body("workflowDefinition.updatedBy", equalTo("Jane Smith"))
                .extract().jsonPath();
        assertThat(draft.getString("workflowDefinition.createdAt")).isEqualTo(first.getString("workflowDefinition.createdAt"));
        assertThat(Instant.parse(draft.getString("workflowDefinition.updatedAt")))
                .isAfter(Instant.parse(first.getString("workflowDefinition.updatedAt")));

        key.api().get(PATH + "/" + VENDOR_ID).then().statusCode(200)
                .body("workflowDefinition.version", equalTo(1))
                .body("workflowDefinition.name", equalTo("Customer Verification Workflow"))
                .body("workflowDefinition.versionId", equalTo(first.getString("workflowDefinition.versionId")));

        JsonPath second = key.api().header("X-Frankie-Username", "Jane Smith").body(VENDOR_EXAMPLE).put(PATH + "/" + VENDOR_ID)
                .then().statusCode(200)
                .body("workflowDefinition.version", equalTo(2))
                .body("workflowDefinition.versions", contains(1, 2))
                .body("workflowDefinition.isDraft", equalTo(false))
                .extract().jsonPath();
        assertThat(second.getString("workflowDefinition.versionId"))
                .isNotEqualTo(first.getString("workflowDefinition.versionId"));

        // Publishing kept the draft, and the first version is unchanged.
        key.api().queryParam("version", -1).get(PATH + "/" + VENDOR_ID).then().statusCode(200)
                .body("workflowDefinition.version", equalTo(-1))
                .body("workflowDefinition.versions", contains(1, 2))
                .body("workflowDefinition.versionId", equalTo(draft.getString("workflowDefinition.versionId")))
                .body("workflowDefinition.name", equalTo("Customer Verification (draft)"));
        key.api().queryParam("version", 1).get(PATH + "/" + VENDOR_ID).then().statusCode(200)
                .body("workflowDefinition.version", equalTo(1))
                .body("workflowDefinition.versionId", equalTo(first.getString("workflowDefinition.versionId")))
                .body("workflowDefinition.updatedBy", equalTo("fred.flintstone@frankieone.com"))
                .body("workflowDefinition.updatedAt", equalTo(first.getString("workflowDefinition.updatedAt")));
        key.api().get(PATH + "/" + VENDOR_ID + "/versions").then().statusCode(200)
                .body("requestId", matchesPattern(ULID))
                .body("workflowDefinitionId", equalTo(VENDOR_ID))
                .body("versions.version", contains(1, 2))
                .body("versions.versionId", contains(first.getString("workflowDefinition.versionId"),
                        second.getString("workflowDefinition.versionId")))
                .body("versions[0].createdAt", equalTo(first.getString("workflowDefinition.updatedAt")))
                .body("versions[0].updatedAt", equalTo(first.getString("workflowDefinition.updatedAt")));

        List<Map<String, Object>> stored = Sql.rows("select v.number, v.state, v.exclusive_state, v.public_id,"
                + " v.attributes->>'channel' as channel, v.content->>'name' as name, jsonb_exists(v.content, 'versions') as has_versions"
                + " from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.tenant = ? and w.external_key = ? order by v.id", key.customer(), VENDOR_ID);
        assertThat(stored).hasSize(3);
        assertThat(stored).extracting(r -> r.get("state")).containsExactly("published", "draft", "published");
        assertThat(stored).extracting(r -> r.get("number")).containsExactly(1L, null, 2L);
        assertThat(stored).extracting(r -> r.get("exclusive_state")).containsExactly(null, "draft", null);
        assertThat(stored.get(0).get("channel")).isEqualTo("portal");
        assertThat(stored).allMatch(r -> Boolean.FALSE.equals(r.get("has_versions")));
        assertThat(key.workflows()).isEqualTo(1);
    }

    @Test
    void eachDraftSaveOverwritesTheOneDraftSlotWithAFreshVersionId() {
        Key key = newKey();
        String id = "draft-only";

        String firstId = key.api().body(body("First draft", true)).put(PATH + "/" + id).then().statusCode(200)
                .body("workflowDefinition.version", equalTo(-1))
                .body("workflowDefinition.versions", empty())
                .body("workflowDefinition.isDraft", equalTo(true))
                .body("workflowDefinition.createdBy", equalTo(key.displayName()))
                .extract().path("workflowDefinition.versionId");
        String secondId = key.api().body(body("Second draft", true)).put(PATH + "/" + id).then().statusCode(200)
                .body("workflowDefinition.version", equalTo(-1))
                .body("workflowDefinition.name", equalTo("Second draft"))
                .extract().path("workflowDefinition.versionId");

        assertThat(secondId).matches(ULID).isNotEqualTo(firstId);
        assertThat(key.versions()).isEqualTo(1);
        error(key.lenient().get(PATH + "/" + id).then(), 404, "API-1010")
                .body("details[0].issueLocation", equalTo("version"));
        key.api().queryParam("version", -1).get(PATH + "/" + id).then().statusCode(200)
                .body("workflowDefinition.name", equalTo("Second draft"))
                .body("workflowDefinition.versionId", equalTo(secondId));
        key.api().get(PATH + "/" + id + "/versions").then().statusCode(200).body("versions", empty());
        key.api().get(PATH).then().statusCode(200)
                .body("workflowDefinitions.id", contains(id))
                .body("workflowDefinitions[0].version", equalTo(-1));
    }

    @Test
    void anOmittedIsDraftPublishesAndIdenticalContentStillMakesANewVersion() {
        Key key = newKey();
        String first = key.api().body(body("Same", null)).put(PATH + "/same").then().statusCode(200)
                .body("workflowDefinition.version", equalTo(1))
                .body("workflowDefinition.isDraft", equalTo(false))
                .extract().path("workflowDefinition.versionId");
        String second = key.api().body(body("Same", null)).put(PATH + "/same").then().statusCode(200)
                .body("workflowDefinition.version", equalTo(2))
                .body("workflowDefinition.versions", contains(1, 2))
                .extract().path("workflowDefinition.versionId");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void unknownFieldsAtEveryLevelAreStoredAndReturned() {
        Key key = newKey();
        String body = """
                {"name": "Open", "customTop": {"nested": [1, "two", null]},
                 "tasks": [{"id": "a", "extra": true, "configuration": {"type": "HTTP", "url": "https://x.test", "timeoutMs": 5},
                            "errorHandling": {"ignoreErrors": true, "note": "kept", "retryConfig": {"maxAttempts": 0, "jitter": 0.5}}}],
                 "variables": [{"name": "v", "type": "OBJECT", "default": {"a": 1}, "example": [1, 2]}]}
                """;

        key.api().body(body).put(PATH + "/open").then().statusCode(200)
                .body("workflowDefinition.customTop.nested[1]", equalTo("two"))
                .body("workflowDefinition.tasks[0].extra", equalTo(true))
                .body("workflowDefinition.tasks[0].configuration.url", equalTo("https://x.test"));
        key.api().get(PATH + "/open").then().statusCode(200)
                .body("workflowDefinition.customTop.nested", contains(1, "two", null))
                .body("workflowDefinition.tasks[0].extra", equalTo(true))
                .body("workflowDefinition.tasks[0].configuration.timeoutMs", equalTo(5))
                .body("workflowDefinition.tasks[0].errorHandling.note", equalTo("kept"))
                .body("workflowDefinition.tasks[0].errorHandling.retryConfig.jitter", equalTo(0.5f))
                .body("workflowDefinition.variables[0].default.a", equalTo(1))
                .body("workflowDefinition.variables[0].example", contains(1, 2));
        assertThat(Sql.rows("select v.content->'customTop'->'nested'->>1 as two from workflow_version v"
                + " join workflow w on w.id = v.workflow_id where w.tenant = ?", key.customer()).get(0).get("two"))
                .isEqualTo("two");
    }

    @Test
    void readOnlyFieldsAreIgnoredEvenWhenTheyAreNonsense() {
        Key key = newKey();
        String body = """
                {"name": "Ro", "tasks": [], "version": "seven", "versions": "all", "versionId": 5,
                 "createdAt": "yesterday", "updatedBy": {"who": 1}, "createdBy": null}
                """;
        key.lenient().body(body).put(PATH + "/ro").then().statusCode(200)
                .body("workflowDefinition.version", equalTo(1))
                .body("workflowDefinition.versions", contains(1))
                .body("workflowDefinition.createdBy", equalTo(key.displayName()))
                .body("workflowDefinition.tasks", empty());
    }

    @Test
    void aBodyWithoutContentTypeIsReadAsJsonAndTheChannelIsTruncatedTo64() throws Exception {
        Key key = newKey();
        String channel = "c".repeat(100);
        // RestAssured always sends a Content-Type, so this one request goes out through the JDK's client; the answer
        // is checked by hand.
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + PATH + "/no-type"))
                .header("api_key", key.secret())
                .header("X-Frankie-CustomerID", key.customer())
                .header("X-Frankie-Channel", channel)
                .PUT(HttpRequest.BodyPublishers.ofString(body("No type", false)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.request().headers().firstValue("Content-Type")).isEmpty();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonPath answer = JsonPath.from(response.body());
        assertThat(answer.getInt("workflowDefinition.version")).isEqualTo(1);
        assertThat(answer.getMap("workflowDefinition")).doesNotContainKey("channel");
        assertThat(Sql.rows("select v.attributes->>'channel' as channel from workflow_version v join workflow w"
                + " on w.id = v.workflow_id where w.tenant = ?", key.customer()).get(0).get("channel"))
                .isEqualTo("c".repeat(64));
    }

    @Test
    void deleteRemovesTheDraftAndEveryVersionAndALaterPutStartsAgainAtOne() {
        Key key = newKey();
        key.api().body(body("v1", false)).put(PATH + "/gone").then().statusCode(200);
        key.api().body(body("v2", false)).put(PATH + "/gone").then().statusCode(200);
        key.api().body(body("d", true)).put(PATH + "/gone").then().statusCode(200);

        key.api().delete(PATH + "/gone").then().statusCode(200).body("requestId", matchesPattern(ULID));

        assertThat(key.workflows()).isZero();
        assertThat(key.versions()).isZero();
        error(key.lenient().get(PATH + "/gone").then(), 404, "API-1010")
                .body("details[0].issueLocation", equalTo("workflowDefinitionId"));
        error(key.lenient().delete(PATH + "/gone").then(), 404, "API-1010");
        key.api().body(body("again", false)).put(PATH + "/gone").then().statusCode(200)
                .body("workflowDefinition.version", equalTo(1))
                .body("workflowDefinition.versions", contains(1));
    }

    @Test
    void theListShowsEachDefinitionOnceWithPagingAndSorting() {
        Key key = newKey();
        key.api().body(body("Bravo", false)).put(PATH + "/b").then().statusCode(200);
        key.api().body(body("Alpha draft", true)).put(PATH + "/a").then().statusCode(200);
        key.api().body(body("Charlie", false)).put(PATH + "/c").then().statusCode(200);
        key.api().body(body("Charlie 2", false)).put(PATH + "/c").then().statusCode(200);
        key.api().body(body("Charlie draft", true)).put(PATH + "/c").then().statusCode(200);

        key.api().get(PATH).then().statusCode(200)
                .body("requestId", matchesPattern(ULID))
                .body("workflowDefinitions.id", contains("b", "a", "c"))
                .body("meta.page", equalTo(1)).body("meta.limit", equalTo(20)).body("meta.total", equalTo(3))
                .body("meta.count", equalTo(3)).body("meta.sort", equalTo("asc"))
                .body("meta.sortFields", contains("createdAt"));
        key.api().queryParam("sortFields", "id").queryParam("sort", "desc").get(PATH).then().statusCode(200)
                .body("workflowDefinitions.id", contains("c", "b", "a"))
                .body("workflowDefinitions.version", contains(2, 1, -1))
                .body("workflowDefinitions.name", contains("Charlie 2", "Bravo", "Alpha draft"))
                .body("workflowDefinitions[0].versions", contains(1, 2));
        key.api().queryParam("sortFields", "name,id").queryParam("limit", 2).queryParam("page", 2).get(PATH)
                .then().statusCode(200)
                .body("workflowDefinitions.id", contains("c"))
                .body("meta.total", equalTo(3)).body("meta.count", equalTo(1)).body("meta.page", equalTo(2))
                .body("meta.sortFields", contains("name", "id"));
        key.api().queryParam("sortFields", "updatedAt").queryParam("sort", "desc").get(PATH).then().statusCode(200)
                .body("workflowDefinitions.id", contains("c", "a", "b"));
        key.api().queryParam("page", 9).get(PATH).then().statusCode(200)
                .body("workflowDefinitions", empty()).body("meta.total", equalTo(3)).body("meta.count", equalTo(0));
    }
}
