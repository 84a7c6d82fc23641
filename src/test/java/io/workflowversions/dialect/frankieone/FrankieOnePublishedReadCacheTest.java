package io.workflowversions.dialect.frankieone;

import static io.workflowversions.dialect.frankieone.FrankieOne.PATH;
import static io.workflowversions.dialect.frankieone.FrankieOne.error;
import static io.workflowversions.dialect.frankieone.FrankieOne.newKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.workflowversions.dialect.frankieone.FrankieOne.Key;
import io.workflowversions.store.ReadCache;
import io.workflowversions.support.Sql;
import io.workflowversions.support.TestDatabase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A published version of a definition, and the definition it belongs to, are answered from memory; a change to
 * either, through this instance or any other sharing the database, is seen by the next reads.
 */
@QuarkusTest
class FrankieOnePublishedReadCacheTest {

    private static final Duration ANNOUNCED = Duration.ofSeconds(3);
    private static final String ID = "cached-definition";
    /** Version 1 of the test's definition, in the test's customer. */
    private static final String VERSION_ONE = "workflow_id = (select id from workflow where dialect = 'frankieone'"
            + " and tenant = ? and kind = 'definition' and external_key = ?) and number = 1";

    @Inject
    ReadCache cache;

    private Key key;

    @BeforeEach
    void publishedVersionOne() {
        await().atMost(Duration.ofSeconds(10)).until(cache::listening);
        key = newKey();
        publish("first description").body("workflowDefinition.version", equalTo(1));
    }

    @Test
    void aPublishedVersionIsReadFromMemoryUntilAChangeIsAnnounced() throws SQLException {
        assertThat(descriptionOfVersionOne()).isEqualTo("first description");

        describeVersionOneUnannounced("changed behind the service's back");
        assertThat(descriptionOfVersionOne()).as("answered from memory").isEqualTo("first description");

        // Another instance's write of the version: the change log names it, and every instance reads the log.
        assertThat(Sql.execute("update workflow_version set updated_at = updated_at where " + VERSION_ONE,
                key.customer(), ID)).isEqualTo(1);
        await().atMost(ANNOUNCED).untilAsserted(() ->
                assertThat(descriptionOfVersionOne()).isEqualTo("changed behind the service's back"));
    }

    @Test
    void publishingAnotherVersionLeavesTheCachedVersionAloneButListsTheNewNumberAtOnce() throws SQLException {
        readVersionOne().body("workflowDefinition.versions", contains(1));
        describeVersionOneUnannounced("changed behind the service's back");

        publish("second description").body("workflowDefinition.version", equalTo(2));

        // The publish names the definition, so its row (and the numbers it lists) is read again before the answer;
        // it does not name version 1, whose cached read stays.
        readVersionOne()
                .body("workflowDefinition.versions", contains(1, 2))
                .body("workflowDefinition.description", equalTo("first description"));
        await().during(Duration.ofMillis(500)).atMost(ANNOUNCED).untilAsserted(() ->
                assertThat(descriptionOfVersionOne()).isEqualTo("first description"));
        key.api().get(PATH + "/" + ID).then().statusCode(200)
                .body("workflowDefinition.version", equalTo(2))
                .body("workflowDefinition.description", equalTo("second description"));
    }

    @Test
    void aDefinitionDeletedThroughThisInstanceIsGoneAtOnce() {
        readVersionOne().body("workflowDefinition.description", equalTo("first description"));

        key.api().delete(PATH + "/" + ID).then().statusCode(200);

        error(key.lenient().queryParam("version", 1).get(PATH + "/" + ID).then(), 404, "API-1010")
                .body("details[0].issueLocation", equalTo("workflowDefinitionId"));
        error(key.lenient().get(PATH + "/" + ID).then(), 404, "API-1010");
    }

    @Test
    void aDefinitionDeletedByAnotherInstanceIsGoneOnThisOne() {
        readVersionOne().body("workflowDefinition.description", equalTo("first description"));

        assertThat(Sql.execute("delete from workflow where dialect = 'frankieone' and tenant = ? and external_key = ?",
                key.customer(), ID)).isEqualTo(1);

        await().atMost(ANNOUNCED).untilAsserted(() ->
                error(key.lenient().queryParam("version", 1).get(PATH + "/" + ID).then(), 404, "API-1010")
                        .body("details[0].issueLocation", equalTo("workflowDefinitionId")));
    }

    private ValidatableResponse publish(String description) {
        String body = "{\"name\": \"Cached\", \"description\": \"" + description + "\", \"isDraft\": false,"
                + " \"tasks\": [{\"id\": \"t1\", \"configuration\": {\"type\": \"HTTP\"}}]}";
        return key.api().body(body).put(PATH + "/" + ID).then().statusCode(200);
    }

    private ValidatableResponse readVersionOne() {
        return key.api().queryParam("version", 1).get(PATH + "/" + ID).then().statusCode(200)
                .body("workflowDefinition.id", equalTo(ID))
                .body("workflowDefinition.version", equalTo(1));
    }

    private String descriptionOfVersionOne() {
        return readVersionOne().extract().path("workflowDefinition.description");
    }

    /** Changes version 1 with the store's triggers off, as no instance ever does, to tell a cached read apart. */
    private void describeVersionOneUnannounced(String description) throws SQLException {
        try (Connection connection = TestDatabase.connect()) {
            connection.setAutoCommit(false);
            try (Statement off = connection.createStatement()) {
                off.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement update = connection.prepareStatement("update workflow_version"
                    + " set content = jsonb_set(content, '{description}', to_jsonb(?::text)) where " + VERSION_ONE)) {
                update.setString(1, description);
                update.setString(2, key.customer());
                update.setString(3, ID);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }
    }
}
