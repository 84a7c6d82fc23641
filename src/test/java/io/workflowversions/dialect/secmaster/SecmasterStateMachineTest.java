package io.workflowversions.dialect.secmaster;

import static io.workflowversions.dialect.secmaster.SecmasterApi.as;
import static io.workflowversions.dialect.secmaster.SecmasterApi.review;
import static io.workflowversions.dialect.secmaster.SecmasterApi.setStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.workflowversions.support.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every (state, action) pair of the version state machine (the life-cycle table, rows S1-S13, in the description of
 * openapi/huawei-secmaster.yaml): the resulting status or the exact error code, the workflow's bookkeeping fields,
 * and what the database holds.
 */
@QuarkusTest
class SecmasterStateMachineTest {

    enum State {
        PENDING_SUBMIT("pending_submit"), PENDING_APPROVAL("pending_approval"), NOT_ACTIVATED("not_activated"),
        ACTIVATED("activated"), REJECTED("rejected");

        final String wire;

        State(String wire) {
            this.wire = wire;
        }
    }

    enum Action {
        EDIT, EDIT_AS_PENDING_SUBMIT, SUBMIT, SUBMIT_WITH_CONTENT, PASS, UN_PASS, ACTIVATE, ACTIVATE_WITH_STORED_CONTENT,
        DEACTIVATE, DEACTIVATE_WITH_STORED_CONTENT, DELETE, STATUS_WITH_CONTENT
    }

    /** The expected outcome: a state (null = deleted) or an error code. */
    record Outcome(State state, String code) {
        static Outcome to(State state) {
            return new Outcome(state, null);
        }

        static Outcome deleted() {
            return new Outcome(null, null);
        }

        static Outcome error(String code) {
            return new Outcome(null, code);
        }
    }

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (State from : State.values()) {
            for (Action action : Action.values()) {
                rows.add(Arguments.of(from, action, expected(from, action)));
            }
        }
        return rows.stream();
    }

    private static Outcome expected(State from, Action action) {
        boolean editable = from == State.PENDING_SUBMIT || from == State.REJECTED;
        return switch (action) {
            case EDIT, EDIT_AS_PENDING_SUBMIT -> editable ? Outcome.to(from) : Outcome.error(ErrorCodes.ILLEGAL_TRANSITION); // S2, S3
            case SUBMIT, SUBMIT_WITH_CONTENT -> editable ? Outcome.to(State.PENDING_APPROVAL) // S4, S12
                    : Outcome.error(ErrorCodes.ILLEGAL_TRANSITION); // S3, S13
            case PASS -> from == State.PENDING_APPROVAL ? Outcome.to(State.NOT_ACTIVATED) : Outcome.error(ErrorCodes.ILLEGAL_TRANSITION); // S6
            case UN_PASS -> from == State.PENDING_APPROVAL ? Outcome.to(State.REJECTED) : Outcome.error(ErrorCodes.ILLEGAL_TRANSITION); // S7
            case ACTIVATE, ACTIVATE_WITH_STORED_CONTENT -> from == State.NOT_ACTIVATED ? Outcome.to(State.ACTIVATED) // S8, S12b
                    : Outcome.error(ErrorCodes.ILLEGAL_TRANSITION);
            case DEACTIVATE, DEACTIVATE_WITH_STORED_CONTENT -> from == State.ACTIVATED ? Outcome.to(State.NOT_ACTIVATED) // S9, S12b
                    : Outcome.error(ErrorCodes.ILLEGAL_TRANSITION);
            case DELETE -> from == State.ACTIVATED ? Outcome.error(ErrorCodes.ACTIVATED_NOT_DELETABLE) : Outcome.deleted(); // S10, S11
            case STATUS_WITH_CONTENT -> Outcome.error(ErrorCodes.STATUS_WITH_CONTENT); // S12b, content that differs
        };
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("table")
    void transition(State from, Action action, Outcome expected) {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "sm-" + from + "-" + action);
        String versionId = SecmasterApi.createVersion(tenant, workflowId);
        bringTo(tenant, versionId, from);
        assertVersion(tenant, versionId, from);
        assertBookkeeping(tenant, workflowId, versionId, from);

        Response response = apply(tenant, versionId, action);

        if (expected.code() != null) {
            response.then().statusCode(400).body("code", equalTo(expected.code())).body("success", equalTo(false));
            assertVersion(tenant, versionId, from);
            assertBookkeeping(tenant, workflowId, versionId, from);
        } else if (expected.state() == null) {
            response.then().statusCode(200).body("data.id", equalTo(versionId)).body("data.status", equalTo(from.wire));
            assertThat(Sql.count("select count(*) from workflow_version where public_id = ?", versionId)).isZero();
            as(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(400)
                    .body("code", equalTo(ErrorCodes.VERSION_NOT_FOUND));
            assertBookkeeping(tenant, workflowId, versionId, null);
        } else {
            response.then().statusCode(200);
            if (action == Action.PASS || action == Action.UN_PASS) {
                response.then().body("data.result", equalTo(action.name())).body("data.content", equalTo("looks " + action.name()));
            } else {
                response.then().body("data.status", equalTo(expected.state().wire));
            }
            assertVersion(tenant, versionId, expected.state());
            assertBookkeeping(tenant, workflowId, versionId, expected.state());
            if (action == Action.EDIT || action == Action.EDIT_AS_PENDING_SUBMIT) {
                as(tenant).get(tenant.versions() + "/" + versionId).then()
                        .body("data.name", equalTo("renamed"))
                        .body("data.taskconfig", equalTo("{\"test\":\"abc\"}"))
                        .body("data.modifier_name", equalTo(tenant.user()));
            }
        }
    }

    @Test
    void aSecondSubmissionWhileAnotherVersionIsPendingIsRefused() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "s5");
        String first = SecmasterApi.createVersion(tenant, workflowId);
        String second = SecmasterApi.createVersion(tenant, workflowId);
        setStatus(tenant, first, "pending_approval").then().statusCode(200).body("data.version", equalTo("V1"));

        setStatus(tenant, second, "pending_approval").then().statusCode(400)
                .body("code", equalTo(ErrorCodes.ILLEGAL_TRANSITION));

        assertVersion(tenant, second, State.PENDING_SUBMIT);
        assertThat(SecmasterApi.workflow(tenant, workflowId).get("current_approval_version_id")).isEqualTo(first);
        // Once the first is reviewed, the second may go; labels keep counting.
        review(tenant, first, "PASS").then().statusCode(200);
        setStatus(tenant, second, "pending_approval").then().statusCode(200).body("data.version", equalTo("V2"));
    }

    @Test
    void activatingAnotherVersionDeactivatesTheFormerOneAndMovesTheWorkflowPointer() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "s8");
        String v1 = SecmasterApi.createVersion(tenant, workflowId);
        String v2 = SecmasterApi.createVersion(tenant, workflowId);
        bringTo(tenant, v1, State.ACTIVATED);
        bringTo(tenant, v2, State.NOT_ACTIVATED);
        as(tenant).body(Map.of("enabled", true, "version_id", v1)).put(tenant.workflows() + "/" + workflowId)
                .then().statusCode(200).body("data.enabled", equalTo(true));

        setStatus(tenant, v2, "activated").then().statusCode(200).body("data.status", equalTo("activated"));

        assertVersion(tenant, v1, State.NOT_ACTIVATED);
        Map<String, Object> workflow = SecmasterApi.workflow(tenant, workflowId);
        assertThat(workflow.get("version_id")).isEqualTo(v2);
        assertThat(workflow.get("version")).isEqualTo("V2");
        assertThat(workflow.get("enabled")).isEqualTo(true);
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and v.exclusive_state = 'activated'", workflowId)).isEqualTo(1);
        // While enabled, the activated version cannot be deactivated, and the workflow cannot be deleted.
        setStatus(tenant, v2, "not_activated").then().statusCode(400).body("code", equalTo(ErrorCodes.ILLEGAL_TRANSITION));
        as(tenant).delete(tenant.workflows() + "/" + workflowId).then().statusCode(400)
                .body("code", equalTo(ErrorCodes.ILLEGAL_TRANSITION));
    }

    @Test
    void labelsAreNeverReusedAndAResubmittedVersionKeepsItsLabel() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String workflowId = SecmasterApi.createWorkflow(tenant, "labels");
        String v1 = SecmasterApi.createVersion(tenant, workflowId);
        setStatus(tenant, v1, "pending_approval").then().body("data.version", equalTo("V1"));
        review(tenant, v1, "UN_PASS").then().statusCode(200);
        setStatus(tenant, v1, "pending_approval").then().statusCode(200).body("data.version", equalTo("V1"));
        as(tenant).delete(tenant.versions() + "/" + v1).then().statusCode(200);

        String v2 = SecmasterApi.createVersion(tenant, workflowId);
        setStatus(tenant, v2, "pending_approval").then().statusCode(200).body("data.version", equalTo("V2"));
        assertThat(SecmasterApi.workflow(tenant, workflowId).get("current_approval_version_id")).isEqualTo(v2);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static void bringTo(SecmasterApi.Tenant tenant, String versionId, State state) {
        switch (state) {
            case PENDING_SUBMIT -> {
            }
            case PENDING_APPROVAL -> setStatus(tenant, versionId, "pending_approval").then().statusCode(200);
            case REJECTED -> {
                bringTo(tenant, versionId, State.PENDING_APPROVAL);
                review(tenant, versionId, "UN_PASS").then().statusCode(200);
            }
            case NOT_ACTIVATED -> {
                bringTo(tenant, versionId, State.PENDING_APPROVAL);
                review(tenant, versionId, "PASS").then().statusCode(200);
            }
            case ACTIVATED -> {
                bringTo(tenant, versionId, State.NOT_ACTIVATED);
                setStatus(tenant, versionId, "activated").then().statusCode(200);
            }
        }
    }

    private static Response apply(SecmasterApi.Tenant tenant, String versionId, Action action) {
        String path = tenant.versions() + "/" + versionId;
        return switch (action) {
            case EDIT -> as(tenant).body(Map.of("name", "renamed", "taskconfig", "{\"test\":\"abc\"}")).put(path);
            case EDIT_AS_PENDING_SUBMIT -> as(tenant).body(Map.of("status", "pending_submit", "name", "renamed",
                    "taskconfig", "{\"test\":\"abc\"}")).put(path);
            case SUBMIT -> setStatus(tenant, versionId, "pending_approval");
            case SUBMIT_WITH_CONTENT -> as(tenant).body(Map.of("status", "pending_approval", "name", "renamed",
                    "taskconfig", "{\"test\":\"abc\"}")).put(path);
            case PASS -> review(tenant, versionId, "PASS");
            case UN_PASS -> review(tenant, versionId, "UN_PASS");
            case ACTIVATE -> setStatus(tenant, versionId, "activated");
            case ACTIVATE_WITH_STORED_CONTENT -> as(tenant).body(storedContentWith(tenant, versionId, "activated")).put(path);
            case DEACTIVATE -> setStatus(tenant, versionId, "not_activated");
            case DEACTIVATE_WITH_STORED_CONTENT -> as(tenant).body(storedContentWith(tenant, versionId, "not_activated"))
                    .put(path);
            case DELETE -> as(tenant).delete(path);
            case STATUS_WITH_CONTENT -> as(tenant).body(Map.of("status", "activated", "name", "renamed")).put(path);
        };
    }

    /** The version's content fields as the service answers them, with a status: what Terraform sends on a change. */
    private static Map<String, Object> storedContentWith(SecmasterApi.Tenant tenant, String versionId, String status) {
        Map<String, Object> stored = as(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(200)
                .extract().path("data");
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        for (String field : List.of("aop_type", "description", "name", "taskconfig", "taskflow", "taskflow_type")) {
            body.put(field, stored.get(field));
        }
        body.put("status", status);
        return body;
    }

    @org.junit.jupiter.api.Test
    void aSubmitWithContentEditsThenSubmitsInOneRequest() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String versionId = SecmasterApi.createVersion(tenant, SecmasterApi.createWorkflow(tenant, "submit-with-content"));

        as(tenant).body(Map.of("status", "pending_approval", "name", "renamed on submit", "description", "",
                        "taskconfig", "{\"test\":\"submitted\"}"))
                .put(tenant.versions() + "/" + versionId).then().statusCode(200)
                .body("data.status", equalTo("pending_approval")).body("data.version", equalTo("V1"))
                .body("data.name", equalTo("renamed on submit")).body("data.taskconfig", equalTo("{\"test\":\"submitted\"}"));
        assertVersion(tenant, versionId, State.PENDING_APPROVAL);
        assertThat(Sql.rows("select content ->> 'taskconfig' as c from workflow_version where public_id = ?", versionId)
                .get(0).get("c")).isEqualTo("{\"test\":\"submitted\"}");
    }

    private static void assertVersion(SecmasterApi.Tenant tenant, String versionId, State state) {
        as(tenant).get(tenant.versions() + "/" + versionId).then().statusCode(200)
                .body("data.status", equalTo(state.wire))
                .body("data.version", equalTo(state == State.PENDING_SUBMIT ? "" : "V1"));
        Map<String, Object> row = Sql.rows("select state, exclusive_state, label from workflow_version where public_id = ?",
                versionId).get(0);
        assertThat(row.get("state")).isEqualTo(state.wire);
        boolean exclusive = state == State.ACTIVATED || state == State.PENDING_APPROVAL;
        assertThat(row.get("exclusive_state")).isEqualTo(exclusive ? state.wire : null);
    }

    /** The workflow's bookkeeping for its only version in {@code state} (null: the version is gone). */
    private static void assertBookkeeping(SecmasterApi.Tenant tenant, String workflowId, String versionId, State state) {
        Map<String, Object> workflow = SecmasterApi.workflow(tenant, workflowId);
        assertThat(workflow.get("version_id")).isEqualTo(state == State.ACTIVATED ? versionId : "");
        assertThat(workflow.get("version")).isEqualTo(state == State.ACTIVATED ? "V1" : "");
        assertThat(workflow.get("current_approval_version_id")).isEqualTo(state == State.PENDING_APPROVAL ? versionId : "");
        assertThat(workflow.get("current_rejected_version_id")).isEqualTo(state == State.REJECTED ? versionId : "");
        assertThat(workflow.get("current_rejected_versoin_id")).isEqualTo(workflow.get("current_rejected_version_id"));
    }
}
