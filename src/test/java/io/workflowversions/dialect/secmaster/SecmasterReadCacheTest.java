package io.workflowversions.dialect.secmaster;

import static io.workflowversions.dialect.secmaster.SecmasterApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
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
 * Reads of a version (and of the caller's credential) are answered from memory, and every committed change, through
 * this instance or any other sharing the database, is seen by the next reads.
 */
@QuarkusTest
class SecmasterReadCacheTest {

    private static final Duration ANNOUNCED = Duration.ofSeconds(3);

    @Inject
    ReadCache cache;

    private SecmasterApi.Tenant tenant;
    private String workflowId;
    private String versionId;

    @BeforeEach
    void version() {
        await().atMost(Duration.ofSeconds(10)).until(cache::listening);
        tenant = SecmasterApi.newTenant();
        workflowId = SecmasterApi.createWorkflow(tenant, "cached");
        versionId = SecmasterApi.createVersion(tenant, workflowId);
    }

    @Test
    void aVersionIsReadFromMemoryUntilAChangeIsAnnounced() throws SQLException {
        assertThat(name()).isEqualTo("Test_aop");

        renameUnannounced("changed behind the service's back");
        assertThat(name()).as("answered from memory").isEqualTo("Test_aop");

        // Another instance's write of the version: the change log names it, and every instance reads the log.
        Sql.execute("update workflow_version set updated_at = updated_at where public_id = ?", versionId);
        await().atMost(ANNOUNCED).untilAsserted(() -> assertThat(name()).isEqualTo("changed behind the service's back"));
    }

    @Test
    void otherVersionsAndTheWorkflowChangingLeaveACachedVersionAlone() throws SQLException {
        assertThat(name()).isEqualTo("Test_aop");
        renameUnannounced("changed behind the service's back");

        // A new version through this instance, another version renamed, the workflow changed by another instance:
        // none of them is this version, so its cached read stays (and the rename behind the service's back unseen).
        String other = SecmasterApi.createVersion(tenant, workflowId);
        as(tenant).body(java.util.Map.of("name", "the other one")).put(tenant.versions() + "/" + other).then().statusCode(200);
        Sql.execute("update workflow set updated_at = updated_at where external_key = ?", workflowId);
        await().during(Duration.ofMillis(500)).atMost(ANNOUNCED).untilAsserted(() ->
                assertThat(name()).isEqualTo("Test_aop"));
        assertThat(Sql.rows("select topic from change_log where topic = 'v:' || (select id from workflow_version"
                + " where public_id = ?)", other)).isNotEmpty();
    }

    @Test
    void aWriteThroughThisInstanceIsReadBackAtOnce() {
        for (String name : new String[] {"renamed once", "renamed twice"}) {
            assertThat(name()).isNotEqualTo(name);
            as(tenant).body(java.util.Map.of("name", name)).put(tenant.versions() + "/" + versionId).then().statusCode(200);
            assertThat(name()).isEqualTo(name);
        }
        SecmasterApi.setStatus(tenant, versionId, "pending_approval").then().statusCode(200);
        as(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(200).body("data.status", equalTo("pending_approval"));
    }

    @Test
    void aCredentialDeletedByAnotherInstanceStopsWorkingOnThisOne() {
        as(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(200);

        Sql.execute("delete from credential where id = ?::uuid", tenant.credentialId());

        await().atMost(ANNOUNCED).untilAsserted(() -> SecmasterApi.wrongly(tenant).get(tenant.versions() + "/" + versionId)
                .then().statusCode(401));
    }

    @Test
    void aCredentialDeletedThroughThisInstanceStopsWorkingAtOnce() {
        as(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(200);

        SecmasterApi.deleteCredential(tenant.credentialId());

        SecmasterApi.wrongly(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(401);
    }

    @Test
    void versionWritesKeepTheCallersCredentialInMemory() throws SQLException {
        as(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(200);
        deleteCredentialUnannounced();

        // Version writes, through this instance and by another, leave the cached credential alone: the credential
        // deleted behind the service's back still works, as no instance's change ever leaves it.
        SecmasterApi.createVersion(tenant, workflowId);
        Sql.execute("update workflow set updated_at = updated_at where external_key = ?", workflowId);
        await().during(Duration.ofMillis(500)).atMost(ANNOUNCED).untilAsserted(() ->
                as(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(200));

        // A change to another credential leaves it alone too ...
        Sql.execute("update credential set display_name = display_name where id = ?::uuid", tenant.accessKeyCredentialId());
        await().during(Duration.ofMillis(500)).atMost(ANNOUNCED).untilAsserted(() ->
                as(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(200));
        // ... and the log naming this credential drops it, as the triggers name it when an instance deletes it.
        Sql.execute("insert into change_log (topic) values ('c:' || ?)", tenant.credentialId());
        await().atMost(ANNOUNCED).untilAsserted(() -> SecmasterApi.wrongly(tenant).get(tenant.versions() + "/" + versionId)
                .then().statusCode(401));
    }

    @Test
    void whileChangesCannotBeReceivedReadsGoToTheDatabase() throws SQLException {
        assertThat(name()).isEqualTo("Test_aop");

        Sql.execute("alter table change_log rename to change_log_away");
        try {
            await().atMost(ANNOUNCED).until(() -> !cache.listening());
            renameUnannounced("read while not listening");
            assertThat(name()).isEqualTo("read while not listening");
            assertThat(name()).isEqualTo("read while not listening");
        } finally {
            Sql.execute("alter table change_log_away rename to change_log");
        }

        // Listening again: reads are kept again.
        await().atMost(Duration.ofSeconds(10)).until(cache::listening);
        assertThat(name()).isEqualTo("read while not listening");
        renameUnannounced("not seen");
        assertThat(name()).isEqualTo("read while not listening");
    }

    private String name() {
        return as(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(200).extract().path("data.name");
    }

    private void deleteCredentialUnannounced() throws SQLException {
        try (Connection connection = TestDatabase.connect()) {
            connection.setAutoCommit(false);
            try (Statement off = connection.createStatement()) {
                off.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement delete = connection.prepareStatement("delete from credential where id = ?::uuid")) {
                delete.setString(1, tenant.credentialId());
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }
    }

    /** Changes the version with the store's triggers off, as no instance ever does, to tell a cached read apart. */
    private void renameUnannounced(String name) throws SQLException {
        try (Connection connection = TestDatabase.connect()) {
            connection.setAutoCommit(false);
            try (Statement off = connection.createStatement()) {
                off.execute("set local session_replication_role = replica");
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update workflow_version set attributes = jsonb_set(attributes, '{name}', to_jsonb(?::text)) where public_id = ?")) {
                update.setString(1, name);
                update.setString(2, versionId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }
    }
}
