package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.workflowversions.support.SpecValidation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation, operation by operation. The operations come from the specs in {@code openapi/}: every operation
 * must have an entry here (a new endpoint without one fails the test), and every entry must still be in the spec.
 * An entry either calls the operation with a second tenant's credentials against the first tenant's real ids and
 * expects the dialect's not-found (or forbidden where the contract says so), lists as the second tenant and expects
 * none of the first tenant's items, or says why the operation names no stored id. Every answer is checked for the
 * first tenant's data, and the first tenant's rows must be unchanged at the end.
 */
@QuarkusTest
class IsolationMatrixTest {

    /** How one operation is probed: the call as the second tenant, and what its answer must be. */
    private record Probe(BiFunction<Tenants, Tenants, Response> call, Consumer<Response> expect) {
    }

    private static final Probe NO_STORED_ID = null;

    // ---- Fortanix ---------------------------------------------------------------------------------------------

    @Test
    void fortanix() {
        Tenants a = Tenants.fortanix();
        Tenants b = Tenants.fortanix();
        Consumer<Response> notFound = r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.contentType()).startsWith("text/plain");
        };
        Map<String, Probe> matrix = new LinkedHashMap<>();
        matrix.put("POST /v1/sys/auth", NO_STORED_ID); // logs in with the caller's own password
        matrix.put("POST /v1/sys/session/select_account/{account-id}",
                probe((x, y) -> as(y, "fortanix-ccm.yaml").post("/v1/sys/session/select_account/" + x.tenant()), notFound));
        matrix.put("POST /v1/sys/session/refresh", NO_STORED_ID); // the caller's own session
        matrix.put("POST /v1/sys/session/terminate", NO_STORED_ID); // the caller's own session
        matrix.put("GET /v1/workflows/draft/graphs", probe((x, y) -> as(y, "fortanix-ccm.yaml").get("/v1/workflows/draft/graphs"),
                r -> assertThat(r.statusCode()).isEqualTo(200)));
        matrix.put("POST /v1/workflows/draft/graphs", NO_STORED_ID); // creates in the caller's own account
        String draft = "/v1/workflows/draft/graphs/" + a.values().get("draft");
        matrix.put("GET /v1/workflows/draft/graphs/{graph-id}", probe((x, y) -> as(y, "fortanix-ccm.yaml").get(draft), notFound));
        matrix.put("PUT /v1/workflows/draft/graphs/{graph-id}", probe((x, y) -> as(y, "fortanix-ccm.yaml")
                .body("{\"version\":1,\"name\":\"taken\",\"description\":\"d\",\"objects\":{},\"edges\":{}}").put(draft), notFound));
        matrix.put("DELETE /v1/workflows/draft/graphs/{graph-id}", probe((x, y) -> as(y, "fortanix-ccm.yaml").delete(draft), notFound));
        matrix.put("GET /v1/workflows/final/graphs", probe((x, y) -> as(y, "fortanix-ccm.yaml").get("/v1/workflows/final/graphs"),
                r -> assertThat(r.statusCode()).isEqualTo(200)));
        matrix.put("POST /v1/workflows/final/graphs", NO_STORED_ID); // creates in the caller's own account
        String graph = "/v1/workflows/final/graphs/" + a.values().get("graph");
        matrix.put("GET /v1/workflows/final/graphs/{graph-id}", probe((x, y) -> as(y, "fortanix-ccm.yaml").get(graph), notFound));
        matrix.put("POST /v1/workflows/final/graphs/{graph-id}", probe((x, y) -> as(y, "fortanix-ccm.yaml")
                .body("{\"objects\":{},\"edges\":{}}").post(graph), notFound));
        matrix.put("PATCH /v1/workflows/final/graphs/{graph-id}", probe((x, y) -> as(y, "fortanix-ccm.yaml")
                .body("{\"name\":\"taken\"}").patch(graph), notFound));
        matrix.put("GET /v1/workflows/final/graphs/{graph-id}/{version}", probe((x, y) -> as(y, "fortanix-ccm.yaml").get(graph + "/1"), notFound));
        matrix.put("PATCH /v1/workflows/final/graphs/{graph-id}/{version}", probe((x, y) -> as(y, "fortanix-ccm.yaml")
                .body("{\"deployment\":{\"aci_single_job\":{\"cluster_id\":\"11111111-2222-4333-8444-555555555555\"}},\"runtime_configs\":{}}")
                .patch(graph + "/1"), notFound));
        matrix.put("DELETE /v1/workflows/final/graphs/{graph-id}/{version}", probe((x, y) -> as(y, "fortanix-ccm.yaml").delete(graph + "/1"), notFound));
        run("fortanix-ccm.yaml", matrix, a, b);
    }

    // ---- SecMaster --------------------------------------------------------------------------------------------

    @Test
    void secmaster() {
        Tenants a = Tenants.secmaster();
        Tenants b = Tenants.secmaster();
        String spec = "huawei-secmaster.yaml";
        // The second tenant uses its own project and the same workspace name, with the first tenant's ids.
        String theirs = "/v1/" + b.tenant() + "/workspaces/" + a.values().get("workspace") + "/soc/workflows";
        String mine = a.values().get("workflows");
        String workflow = a.values().get("workflow");
        String version = a.values().get("version");
        Consumer<Response> workflowNotFound = code(400, "SecMaster.20040611");
        Consumer<Response> versionNotFound = code(400, "SecMaster.20040605");
        Map<String, Probe> matrix = new LinkedHashMap<>();
        matrix.put("POST /v3/auth/tokens", NO_STORED_ID); // logs in with the caller's own password
        matrix.put("GET /v1/{project_id}/workspaces/{workspace_id}/soc/workflows", probe((x, y) -> as(y, spec).get(theirs),
                r -> assertThat(r.statusCode()).isEqualTo(200)));
        matrix.put("POST /v1/{project_id}/workspaces/{workspace_id}/soc/workflows", probe((x, y) -> as(y, spec)
                .body(Map.of("name", "taken", "engine_type", "public_engine", "aop_type", "NORMAL", "dataclass_id", "d"))
                .post(mine), gateway(403, "APIG.1005")));
        matrix.put("POST /v1/{project_id}/workspaces/{workspace_id}/soc/workflows/validation", probe((x, y) -> as(y, spec)
                .body(Map.of("mode", "BASIC", "taskconfig", "", "taskflow", "", "aopworkflow_id", workflow))
                .post(mine + "/validation"), gateway(403, "APIG.1005")));
        matrix.put("GET /v1/{project_id}/workspaces/{workspace_id}/soc/workflows/{workflow_id}",
                probe((x, y) -> as(y, spec).get(theirs + "/" + workflow), workflowNotFound));
        matrix.put("PUT /v1/{project_id}/workspaces/{workspace_id}/soc/workflows/{workflow_id}",
                probe((x, y) -> as(y, spec).body(Map.of("name", "taken")).put(theirs + "/" + workflow), workflowNotFound));
        matrix.put("DELETE /v1/{project_id}/workspaces/{workspace_id}/soc/workflows/{workflow_id}",
                probe((x, y) -> as(y, spec).delete(theirs + "/" + workflow), workflowNotFound));
        matrix.put("GET /v1/{project_id}/workspaces/{workspace_id}/soc/workflows/{workflow_id}/versions",
                probe((x, y) -> as(y, spec).get(theirs + "/" + workflow + "/versions"), workflowNotFound));
        matrix.put("POST /v1/{project_id}/workspaces/{workspace_id}/soc/workflows/{workflow_id}/versions",
                probe((x, y) -> as(y, spec).body(Tenants.resource("/secmaster/create-workflow-version-request.json"))
                        .post(theirs + "/" + workflow + "/versions"), workflowNotFound));
        matrix.put("GET /v1/{project_id}/workspaces/{workspace_id}/soc/workflows/versions/{version_id}",
                probe((x, y) -> as(y, spec).get(theirs + "/versions/" + version), versionNotFound));
        matrix.put("PUT /v1/{project_id}/workspaces/{workspace_id}/soc/workflows/versions/{version_id}",
                probe((x, y) -> as(y, spec).body(Map.of("status", "pending_approval")).put(theirs + "/versions/" + version), versionNotFound));
        matrix.put("DELETE /v1/{project_id}/workspaces/{workspace_id}/soc/workflows/versions/{version_id}",
                probe((x, y) -> as(y, spec).delete(theirs + "/versions/" + version), versionNotFound));
        matrix.put("POST /v1/{project_id}/workspaces/{workspace_id}/soc/workflows/versions/{version_id}/approval",
                probe((x, y) -> as(y, spec).body(Map.of("result", "PASS", "content", "ok"))
                        .post(theirs + "/versions/" + version + "/approval"), versionNotFound));
        run(spec, matrix, a, b);

        // The project id is an id too: the first tenant's project in the path is forbidden to the second tenant.
        for (String path : new String[] {mine, mine + "/" + workflow, mine + "/" + workflow + "/versions", mine + "/versions/" + version}) {
            Response answer = as(b, spec).get(path);
            gateway(403, "APIG.1005").accept(answer);
            assertNoTraceOf(a, answer, path, false);
        }
    }

    // ---- FrankieOne -------------------------------------------------------------------------------------------

    @Test
    void frankieone() {
        Tenants a = Tenants.frankieone();
        Tenants b = Tenants.frankieone();
        String spec = "frankieone.yaml";
        String definition = "/v2/workflowDefinitions/" + a.values().get("definition");
        Consumer<Response> notFound = r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.<String>path("errorCode")).isEqualTo("API-1010");
        };
        Map<String, Probe> matrix = new LinkedHashMap<>();
        matrix.put("GET /v2/workflowDefinitions", probe((x, y) -> as(y, spec).get("/v2/workflowDefinitions"), r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.<java.util.List<String>>path("workflowDefinitions.name")).containsExactly("Secret " + b.tenant());
        }));
        matrix.put("GET /v2/workflowDefinitions/{workflowDefinitionId}", probe((x, y) -> as(y, spec).get(definition), notFound));
        matrix.put("DELETE /v2/workflowDefinitions/{workflowDefinitionId}", probe((x, y) -> as(y, spec).delete(definition), notFound));
        matrix.put("GET /v2/workflowDefinitions/{workflowDefinitionId}/versions",
                probe((x, y) -> as(y, spec).get(definition + "/versions"), notFound));
        // Last, since it creates: the upsert writes into the caller's own customer, so the same slug is a new definition.
        matrix.put("PUT /v2/workflowDefinitions/{workflowDefinitionId}", probe((x, y) -> as(y, spec)
                .body("{\"name\":\"Mine\",\"tasks\":[]}").put(definition), r -> {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.<Integer>path("workflowDefinition.version")).isEqualTo(1);
                    assertThat(r.<java.util.List<Integer>>path("workflowDefinition.versions")).containsExactly(1);
                }));
        run(spec, matrix, a, b);
        // The second tenant's delete of the slug removes only its own definition.
        as(b, spec).delete(definition).then().statusCode(200);
        as(a, spec).get(definition).then().statusCode(200);
    }

    // ---- Patchworks -------------------------------------------------------------------------------------------

    @Test
    void patchworks() {
        Tenants a = Tenants.patchworks();
        Tenants b = Tenants.patchworks();
        String spec = "patchworks.yaml";
        String flow = "/api/v1/flows/" + a.values().get("flow");
        String version = flow + "/versions/" + a.values().get("version");
        String flowVersion = "/api/v1/flow-versions/" + a.values().get("version");
        String schedule = flowVersion + "/schedules/" + a.values().get("schedule");
        Consumer<Response> notFound = r -> {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.<String>path("message")).isEqualTo("Not Found");
        };
        Map<String, Probe> matrix = new LinkedHashMap<>();
        matrix.put("POST /fabric/api/login", NO_STORED_ID); // logs in with the caller's own password
        matrix.put("GET /api/v1/flows", probe((x, y) -> as(y, spec).get("/api/v1/flows"), r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.<java.util.List<Object>>path("data")).hasSize(1); // the second company's own flow only
        }));
        matrix.put("POST /api/v1/flows", NO_STORED_ID); // creates in the caller's own company
        matrix.put("GET /api/v1/flows/{flow}", probe((x, y) -> as(y, spec).get(flow), notFound));
        matrix.put("DELETE /api/v1/flows/{flow}", probe((x, y) -> as(y, spec).delete(flow), notFound));
        matrix.put("GET /api/v1/flows/{flow}/versions", probe((x, y) -> as(y, spec).get(flow + "/versions"), notFound));
        matrix.put("POST /api/v1/flows/{flow}/versions", probe((x, y) -> as(y, spec).post(flow + "/versions"), notFound));
        matrix.put("GET /api/v1/flows/{flow}/versions/{version}", probe((x, y) -> as(y, spec).get(version), notFound));
        matrix.put("PUT /api/v1/flows/{flow}/versions/{version}", probe((x, y) -> as(y, spec)
                .body(Map.of("deployed_at", "2025-01-31T10:15:00Z")).put(version), notFound));
        matrix.put("DELETE /api/v1/flows/{flow}/versions/{version}", probe((x, y) -> as(y, spec).delete(version), notFound));
        matrix.put("POST /api/v1/flows/{flow}/versions/{version}/copy", probe((x, y) -> as(y, spec).post(version + "/copy"), notFound));
        matrix.put("POST /api/v1/flow-versions/{flow_version}/upload", probe((x, y) -> as(y, spec)
                .body(Map.of("private", true)).post(flowVersion + "/upload"), notFound));
        matrix.put("GET /api/v1/flows/{flow}/version-metrics", probe((x, y) -> as(y, spec).get(flow + "/version-metrics"), notFound));
        matrix.put("GET /api/v1/flow-versions/{flow_version}/schedules", probe((x, y) -> as(y, spec).get(flowVersion + "/schedules"), notFound));
        matrix.put("POST /api/v1/flow-versions/{flow_version}/schedules", probe((x, y) -> as(y, spec)
                .body(Map.of("cron_string", "0 * * * *")).post(flowVersion + "/schedules"), notFound));
        matrix.put("PUT /api/v1/flow-versions/{flow_version}/schedules/{schedule}", probe((x, y) -> as(y, spec)
                .body(Map.of("cron_string", "0 * * * *")).put(schedule), notFound));
        matrix.put("DELETE /api/v1/flow-versions/{flow_version}/schedules/{schedule}", probe((x, y) -> as(y, spec).delete(schedule), notFound));
        run(spec, matrix, a, b);
    }

    // ---- the matrix -------------------------------------------------------------------------------------------

    private static void run(String specFile, Map<String, Probe> matrix, Tenants a, Tenants b) {
        assertThat(new TreeSet<>(matrix.keySet())).as("operations of " + specFile + " (add every new one to this matrix)")
                .isEqualTo(operations(specFile));
        Map<String, Object> before = a.counts();
        matrix.forEach((operation, probe) -> {
            if (probe == NO_STORED_ID) {
                assertThat(operation).as(operation + " names no stored id, so it needs a probe").doesNotContain("{");
                return;
            }
            Response answer = probe.call().apply(a, b);
            assertThat(answer.statusCode()).as(operation + ": " + answer.asString()).isLessThan(500);
            try {
                probe.expect().accept(answer);
            } catch (AssertionError e) {
                throw new AssertionError(operation + ": " + e.getMessage() + "\n" + answer.asString(), e);
            }
            // A not-found sentence may repeat the id the caller itself sent (the account of select_account).
            assertNoTraceOf(a, answer, operation, !operation.contains("{account-id}"));
        });
        assertThat(a.counts()).as("the first tenant's rows").isEqualTo(before);
    }

    /** "METHOD /path" of every operation in the spec. */
    static TreeSet<String> operations(String specFile) {
        OpenAPI api = new OpenAPIV3Parser().read(Path.of("openapi", specFile).toAbsolutePath().toString());
        TreeSet<String> operations = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .keySet().forEach(method -> operations.add(method.name() + " " + path)));
        return operations;
    }

    private static void assertNoTraceOf(Tenants a, Response answer, String what, boolean tenantId) {
        String body = answer.asString();
        assertThat(body).as(what + ": the first tenant's data").doesNotContain("secret-" + a.tenant())
                .doesNotContain("Secret " + a.tenant()).doesNotContain("Final " + a.tenant()).doesNotContain("Draft " + a.tenant());
        if (tenantId && !a.dialect().equals("secmaster")) {
            assertThat(body).as(what + ": the first tenant's id").doesNotContain(a.tenant());
        }
    }

    private static Probe probe(BiFunction<Tenants, Tenants, Response> call, Consumer<Response> expect) {
        return new Probe(call, expect);
    }

    private static RequestSpecification as(Tenants tenant, String specFile) {
        return given().filter(SpecValidation.strict(specFile)).headers(tenant.auth()).contentType(ContentType.JSON);
    }

    private static Consumer<Response> code(int status, String code) {
        return r -> {
            assertThat(r.statusCode()).isEqualTo(status);
            assertThat(r.<String>path("code")).isEqualTo(code);
        };
    }

    private static Consumer<Response> gateway(int status, String code) {
        return r -> {
            assertThat(r.statusCode()).isEqualTo(status);
            assertThat(r.<String>path("error_code")).isEqualTo(code);
        };
    }
}
