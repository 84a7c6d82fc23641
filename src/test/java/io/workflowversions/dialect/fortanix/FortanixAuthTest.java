package io.workflowversions.dialect.fortanix;

import static io.restassured.RestAssured.given;
import static io.workflowversions.dialect.fortanix.FortanixClient.draftBody;
import static io.workflowversions.dialect.fortanix.FortanixClient.finalBody;
import static io.workflowversions.dialect.fortanix.FortanixClient.seedContents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.workflowversions.support.SpecValidation;
import io.workflowversions.support.Sql;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Login, sessions, roles and account isolation over real HTTP; answers are checked against the spec. */
@QuarkusTest
class FortanixAuthTest {

    private static final String SPEC = FortanixClient.SPEC;

    @Test
    void loginAnswersAJwtAndTheSessionWithTheUsersAccountSelected() {
        FortanixClient user = FortanixClient.user("reader");
        long now = Instant.now().getEpochSecond();
        given().filter(SpecValidation.strict(SPEC)).auth().preemptive().basic(user.email.toUpperCase(), user.password)
                .post("/v1/sys/auth").then().statusCode(200)
                .body("access_token", notNullValue())
                .body("session_info.subject_id", equalTo(user.credentialId))
                .body("session_info.selected_account_id", equalTo(user.account))
                .body("session_info.session_expires_at", org.hamcrest.Matchers.greaterThanOrEqualTo((int) (now + 86_000)));
        assertThat(user.token.split("\\.")).hasSize(3);
        assertThat(Sql.count("select count(*) from fortanix_session where credential_id = ?::uuid", user.credentialId))
                .isEqualTo(2);
    }

    @Test
    void wrongOrMissingBasicCredentialsAnswer401InPlainText() {
        FortanixClient user = FortanixClient.user("writer");
        for (RequestSpecification attempt : new RequestSpecification[] {
                given().auth().preemptive().basic(user.email, "wrong"),
                given().auth().preemptive().basic("nobody@ccm.test", user.password),
                given().header("Authorization", "Basic !!!not-base64"),
                given().header("Authorization", "Bearer " + user.token)}) {
            attempt.filter(SpecValidation.responsesOnly(SPEC)).post("/v1/sys/auth").then().statusCode(401)
                    .contentType(startsWith("text/plain")).body(org.hamcrest.Matchers.not(equalTo("")));
        }
        given().filter(SpecValidation.responsesOnly(SPEC)).contentType(ContentType.JSON)
                .body(Map.of("oauth_auth_code", Map.of("idp_id", "x", "code", "y")))
                .post("/v1/sys/auth").then().statusCode(401);
    }

    @Test
    void refreshSelectAccountAndTerminateActOnTheServerSideSession() {
        FortanixClient user = FortanixClient.user("writer");
        Sql.execute("update fortanix_session set expires_at = now() + interval '1 minute' where credential_id = ?::uuid",
                user.credentialId);
        long now = Instant.now().getEpochSecond();
        user.call().post("/v1/sys/session/refresh").then().statusCode(200)
                .body("session_info.session_expires_at", org.hamcrest.Matchers.greaterThan((int) (now + 86_000)))
                .body("session_info.selected_account_id", equalTo(user.account));

        user.call().post("/v1/sys/session/select_account/" + user.account).then().statusCode(200)
                .body("session_info.selected_account_id", equalTo(user.account));
        user.call().post("/v1/sys/session/select_account/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(startsWith("text/plain"));
        user.wrong().post("/v1/sys/session/select_account/not-a-uuid").then().statusCode(400);

        // Terminate takes any Accept header (the spec lists only the text/plain of its errors, so only the answer is
        // checked), answers 204 with no body, and the same token is dead at once.
        user.wrong().accept(ContentType.JSON).post("/v1/sys/session/terminate").then().statusCode(204).body(equalTo(""));
        user.wrong().get("/v1/workflows/draft/graphs").then().statusCode(401);
        user.wrong().post("/v1/sys/session/refresh").then().statusCode(401);
    }

    @Test
    void anExpiredSessionNeedsANewLogin() {
        FortanixClient user = FortanixClient.user("reader");
        Sql.execute("update fortanix_session set expires_at = now() - interval '1 second' where credential_id = ?::uuid",
                user.credentialId);
        user.wrong().post("/v1/sys/session/refresh").then().statusCode(401);
        user.wrong().get("/v1/workflows/final/graphs").then().statusCode(401);
    }

    @Test
    void aDeletedCredentialsTokenStopsWorking() {
        FortanixClient user = FortanixClient.user("manager");
        user.call().get("/v1/workflows/final/graphs").then().statusCode(200);
        given().header("Authorization", "Bearer test-admin-token").delete("/admin/v1/credentials/" + user.credentialId)
                .then().statusCode(204);
        user.wrong().get("/v1/workflows/final/graphs").then().statusCode(401);
    }

    @Test
    void readersMayOnlyRead() {
        String account = UUID.randomUUID().toString();
        FortanixClient writer = FortanixClient.user("writer", account);
        FortanixClient reader = FortanixClient.user("reader", account);
        String finalId = writer.createFinal(finalBody("Shared in the account", seedContents()));
        String draftId = writer.createDraft(draftBody("Draft", seedContents()));

        reader.call().get("/v1/workflows/final/graphs/" + finalId).then().statusCode(200);
        reader.call().get("/v1/workflows/final/graphs/" + finalId + "/1").then().statusCode(200);
        reader.call().get("/v1/workflows/draft/graphs/" + draftId).then().statusCode(200);
        reader.call().get("/v1/workflows/draft/graphs").then().statusCode(200).body("metadata.total_count", equalTo(1));

        String forbidden = "text/plain";
        reader.call().body(finalBody("No", seedContents())).post("/v1/workflows/final/graphs").then().statusCode(403)
                .contentType(startsWith(forbidden));
        reader.call().body(seedContents()).post("/v1/workflows/final/graphs/" + finalId).then().statusCode(403);
        reader.call().body(Map.of("name", "x")).patch("/v1/workflows/final/graphs/" + finalId).then().statusCode(403);
        reader.call().delete("/v1/workflows/final/graphs/" + finalId + "/1").then().statusCode(403);
        reader.call().body(draftBody("No", seedContents())).post("/v1/workflows/draft/graphs").then().statusCode(403);
        reader.call().delete("/v1/workflows/draft/graphs/" + draftId).then().statusCode(403);
        // Even a malformed body from a reader is refused for the role first.
        reader.wrong().contentType(ContentType.JSON).body("{").post("/v1/workflows/final/graphs").then().statusCode(403);
        // The role is checked before the account an acct_id names, so a reader's write is refused for the role first.
        Map<String, Object> update = new LinkedHashMap<>(draftBody("No", seedContents()));
        update.put("version", 1);
        reader.call().queryParam("acct_id", UUID.randomUUID().toString()).body(update)
                .put("/v1/workflows/draft/graphs/" + draftId).then().statusCode(403)
                .body(startsWith("This user may only read workflows"));

        assertThat(Sql.count("select count(*) from workflow where tenant = ?", account)).isEqualTo(2);
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.tenant = ?", account)).isEqualTo(1);
    }

    @Test
    void anotherAccountsGraphsAreNotFound() {
        FortanixClient owner = FortanixClient.user("writer");
        FortanixClient stranger = FortanixClient.user("manager");
        String finalId = owner.createFinal(finalBody("Private", seedContents()));
        String draftId = owner.createDraft(draftBody("Private draft", seedContents()));

        stranger.call().get("/v1/workflows/final/graphs/" + finalId).then().statusCode(404).contentType(startsWith("text/plain"));
        stranger.call().get("/v1/workflows/final/graphs/" + finalId + "/1").then().statusCode(404);
        stranger.call().body(seedContents()).post("/v1/workflows/final/graphs/" + finalId).then().statusCode(404);
        stranger.call().delete("/v1/workflows/final/graphs/" + finalId + "/1").then().statusCode(404);
        stranger.call().get("/v1/workflows/draft/graphs/" + draftId).then().statusCode(404);
        stranger.call().delete("/v1/workflows/draft/graphs/" + draftId).then().statusCode(404);
        stranger.call().get("/v1/workflows/final/graphs").then().statusCode(200).body("metadata.total_count", equalTo(0));
        // The owner naming another account in acct_id is not found either, never forbidden.
        owner.call().queryParam("acct_id", stranger.account).get("/v1/workflows/final/graphs/" + finalId).then().statusCode(404);
        owner.call().queryParam("acct_id", owner.account).get("/v1/workflows/final/graphs/" + finalId).then().statusCode(200);

        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ?", finalId)).isEqualTo(1);
    }

    @Test
    void aUserWhoseAccountIsNoAccountIdHasNoSelectedAccount() {
        FortanixClient user = FortanixClient.user("writer", "not-an-account-" + UUID.randomUUID());
        user.call().post("/v1/sys/session/refresh").then().statusCode(200)
                .body("session_info.selected_account_id", org.hamcrest.Matchers.nullValue());
        user.call().get("/v1/workflows/final/graphs").then().statusCode(403).contentType(startsWith("text/plain"));
    }

    @Test
    void deletesAnswer204WhateverTheClientAccepts() {
        FortanixClient writer = FortanixClient.user("writer");
        String draftId = writer.createDraft(draftBody("To delete", seedContents()));
        String finalId = writer.createFinal(finalBody("To delete", seedContents()));
        // The spec lists only the text/plain of their errors, so only the answers are checked against it.
        writer.wrong().accept(ContentType.JSON).delete("/v1/workflows/draft/graphs/" + draftId).then().statusCode(204);
        writer.wrong().accept(ContentType.JSON).delete("/v1/workflows/final/graphs/" + finalId + "/1").then().statusCode(204);
        assertThat(Sql.count("select count(*) from workflow where external_key in (?, ?)", draftId, finalId)).isZero();
        writer.wrong().accept("text/html").get("/v1/workflows/final/graphs").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    static String sessionOf(FortanixClient user) {
        return Sql.rows("select id from fortanix_session where credential_id = ?::uuid", user.credentialId)
                .get(0).get("id").toString();
    }
}
