package io.workflowversions.dialect.secmaster;

import static io.workflowversions.dialect.secmaster.SecmasterApi.as;
import static io.workflowversions.dialect.secmaster.SecmasterApi.review;
import static io.workflowversions.dialect.secmaster.SecmasterApi.setStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Sql;
import io.workflowversions.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The "only one" and numbering rules under requests fired at the same moment over HTTP. */
@QuarkusTest
class SecmasterConcurrencyTest {

    @Test
    void concurrentSubmissionsLeaveExactlyOnePendingApproval() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "submits");
        List<String> versions = IntStream.range(0, 20).mapToObj(i -> SecmasterApi.createVersion(tenant, workflowId)).toList();

        List<Concurrently.Outcome<Response>> outcomes = Concurrently.run(20,
                i -> () -> setStatus(tenant, versions.get(i), "pending_approval"));

        List<Response> responses = outcomes.stream().map(Concurrently.Outcome::value).toList();
        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        List<Response> won = responses.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(responses.stream().filter(r -> r.statusCode() != 200))
                .hasSize(19)
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(400);
                    assertThat(r.<String>path("code")).isEqualTo(ErrorCodes.ILLEGAL_TRANSITION);
                });
        String winner = won.get(0).path("data.id");
        assertThat(won.get(0).<String>path("data.version")).isEqualTo("V1");

        assertThat(Sql.rows("select public_id from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and v.state = 'pending_approval'", workflowId))
                .extracting(row -> row.get("public_id")).containsExactly(winner);
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and v.label is not null", workflowId)).isEqualTo(1);
        Map<String, Object> workflow = SecmasterApi.workflow(tenant, workflowId);
        assertThat(workflow.get("current_approval_version_id")).isEqualTo(winner);
    }

    @Test
    void concurrentActivationsOfDifferentVersionsLeaveExactlyOneActivated() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "activations");
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = SecmasterApi.createVersion(tenant, workflowId);
            setStatus(tenant, id, "pending_approval").then().statusCode(200);
            review(tenant, id, "PASS").then().statusCode(200);
            versions.add(id);
        }

        List<Concurrently.Outcome<Response>> outcomes = Concurrently.run(20,
                i -> () -> setStatus(tenant, versions.get(i), "activated"));

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        // Each activation deactivates the former one under the workflow's lock, so all of them succeed in turn.
        assertThat(outcomes).allSatisfy(o -> assertThat(o.value().statusCode()).isEqualTo(200));
        List<Map<String, Object>> activated = Sql.rows("select public_id, label from workflow_version v"
                + " join workflow w on w.id = v.workflow_id where w.external_key = ? and v.state = 'activated'", workflowId);
        assertThat(activated).hasSize(1);
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and v.state = 'not_activated'", workflowId)).isEqualTo(19);
        Map<String, Object> workflow = SecmasterApi.workflow(tenant, workflowId);
        assertThat(workflow.get("version_id")).isEqualTo(activated.get(0).get("public_id"));
        assertThat(workflow.get("version")).isEqualTo(activated.get(0).get("label"));
    }

    @Test
    void concurrentCreatesGiveDistinctVersionsAndConcurrentSubmitsNeverShareALabel() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "creates");

        List<Concurrently.Outcome<Response>> outcomes = Concurrently.run(50, i -> () -> as(tenant)
                .body(SecmasterApi.seedRequest()).post(tenant.workflows() + "/" + workflowId + "/versions"));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.value().statusCode()).isEqualTo(200));
        Set<String> ids = outcomes.stream().map(o -> o.value().<String>path("data.id")).collect(Collectors.toSet());
        assertThat(ids).hasSize(50);
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ?", workflowId)).isEqualTo(50);
        as(tenant).get(tenant.workflows() + "/" + workflowId + "/versions").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(50)).body("size", org.hamcrest.Matchers.equalTo(50));

        // Submit-and-review cycles racing on one workflow: every version that got through has its own label.
        List<String> list = new ArrayList<>(ids).subList(0, 10);
        Concurrently.run(10, i -> () -> {
            Response submitted = setStatus(tenant, list.get(i), "pending_approval");
            if (submitted.statusCode() == 200) {
                review(tenant, list.get(i), "PASS");
            }
            return submitted;
        });
        List<Map<String, Object>> labels = Sql.rows("select label, number from workflow_version v join workflow w"
                + " on w.id = v.workflow_id where w.external_key = ? and v.label is not null order by number", workflowId);
        assertThat(labels).isNotEmpty();
        for (int i = 0; i < labels.size(); i++) {
            assertThat(labels.get(i).get("label")).isEqualTo("V" + (i + 1));
        }
    }

    @Test
    void aVersionCreateDoesNotWaitForTheWorkflowsRowLock() throws Exception {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "unlocked");
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection holder = TestDatabase.connect()) {
            // Another writer (an update or delete of the workflow, here a bare lock) holds the row until it ends.
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select id from workflow where external_key = ? for no key update")) {
                lock.setString(1, workflowId);
                lock.executeQuery().close();
            }

            Future<Response> created = client.submit(() -> as(tenant).body(SecmasterApi.seedRequest())
                    .post(tenant.workflows() + "/" + workflowId + "/versions"));

            Response response = created.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Sql.count("select count(*) from workflow_version where public_id = ?",
                    response.<String>path("data.id"))).isEqualTo(1);
            holder.rollback();
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void aVersionCreateWhoseWorkflowIsDeletedBeforeItsForeignKeyCheckIsNotFound() throws Exception {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "deleted-under-it");
        long rowId = Sql.count("select id from workflow where external_key = ?", workflowId);
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection deleter = TestDatabase.connect()) {
            // The create's SELECT still sees the workflow; its foreign-key check waits for this delete and then fails.
            deleter.setAutoCommit(false);
            try (PreparedStatement delete = deleter.prepareStatement("delete from workflow where id = ?")) {
                delete.setLong(1, rowId);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }

            Future<Response> created = client.submit(() -> as(tenant).body(SecmasterApi.seedRequest())
                    .post(tenant.workflows() + "/" + workflowId + "/versions"));
            await().atMost(Duration.ofSeconds(10)).until(() -> Sql.count(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and query like 'insert into workflow_version%'") > 0);
            deleter.commit();

            Response response = created.get(20, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.<String>path("code")).isEqualTo(ErrorCodes.WORKFLOW_NOT_FOUND);
            assertThat(Sql.count("select count(*) from workflow_version where workflow_id = ?", rowId)).isZero();
        } finally {
            client.shutdownNow();
        }
    }

    @Test
    void versionCreatesRacingTheWorkflowsDeleteAreCreatedOrNotFoundAndLeaveNoVersionBehind() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "doomed");
        long rowId = Sql.count("select id from workflow where external_key = ?", workflowId);

        List<Concurrently.Outcome<Response>> outcomes = Concurrently.run(40, i -> () -> i == 20
                ? as(tenant).delete(tenant.workflows() + "/" + workflowId)
                : as(tenant).body(SecmasterApi.seedRequest()).post(tenant.workflows() + "/" + workflowId + "/versions"));

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(outcomes.get(20).value().statusCode()).isEqualTo(200);
        List<Response> creates = outcomes.stream().filter(o -> o != outcomes.get(20)).map(Concurrently.Outcome::value).toList();
        assertThat(creates).allSatisfy(r -> {
            if (r.statusCode() != 200) {
                assertThat(r.statusCode()).isEqualTo(400);
                assertThat(r.<String>path("code")).isEqualTo(ErrorCodes.WORKFLOW_NOT_FOUND);
            }
        });
        assertThat(Sql.count("select count(*) from workflow where id = ?", rowId)).isZero();
        assertThat(Sql.count("select count(*) from workflow_version where workflow_id = ?", rowId)).isZero();
        as(tenant).body(SecmasterApi.seedRequest()).post(tenant.workflows() + "/" + workflowId + "/versions")
                .then().statusCode(400).body("code", org.hamcrest.Matchers.equalTo(ErrorCodes.WORKFLOW_NOT_FOUND));
    }
}
