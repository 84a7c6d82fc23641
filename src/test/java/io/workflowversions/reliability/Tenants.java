package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.workflowversions.support.Sql;
import io.workflowversions.support.Logins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh tenants of every dialect with real credentials made through the admin API, each with a workflow and a
 * version to aim at. {@link #values} are the corpus' template values, {@link #auth} the headers of an authenticated
 * request, {@link #counts} the tenant's rows in every table the dialect writes.
 */
record Tenants(String dialect, String tenant, String credentialId, Map<String, String> auth, Map<String, String> values) {

    static final String ADMIN = "Bearer test-admin-token";
    static final String PASSWORD = "tenant-password-1";

    static String credential(String dialect, Map<String, String> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("dialect", dialect);
        body.putIfAbsent("role", "writer");
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .post("/admin/v1/credentials").then().statusCode(201).extract().path("id");
    }

    static void deleteCredential(String id) {
        given().header("Authorization", ADMIN).delete("/admin/v1/credentials/" + id).then().statusCode(204);
    }

    // ---- Fortanix ----------------------------------------------------------------------------------------------

    static String fortanixLogin(String email, String password) {
        return Logins.fortanix(null, email, password);
    }

    static Tenants fortanix() {
        String account = UUID.randomUUID().toString();
        String email = "user-" + UUID.randomUUID() + "@ccm.test";
        String id = credential("fortanix", Map.of("type", "password", "username", email, "secret", PASSWORD,
                "tenant", account));
        Map<String, String> auth = Map.of("Authorization", "Bearer " + fortanixLogin(email, PASSWORD));
        String contents = "{\"objects\":{\"in\":{\"name\":\"Transactions\",\"ref\":{\"dataset\":{\"dataset_id\":"
                + "\"6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d\"}}},\"app\":{\"name\":\"Scoring secret-" + account + "\",\"ref\":"
                + "{\"app\":{\"image_id\":\"0e2e4c43-3a5b-4f5e-8b0e-6c7c9a1d2e3f\",\"config_id\":\"cfg1\"}}}},"
                + "\"edges\":{\"e1\":{\"source\":{\"id\":\"in\"},\"target\":{\"id\":\"app\"}}}}";
        String graph = given().headers(auth).contentType(ContentType.JSON)
                .body("{\"name\":\"Final " + account + "\",\"description\":\"d\",\"contents\":" + contents + "}")
                .post("/v1/workflows/final/graphs").then().statusCode(200).extract().path("graph_id");
        String draft = given().headers(auth).contentType(ContentType.JSON)
                .body("{\"name\":\"Draft " + account + "\",\"description\":\"d\"," + contents.substring(1))
                .post("/v1/workflows/draft/graphs").then().statusCode(200).extract().path("graph_id");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("account", account);
        values.put("graph", graph);
        values.put("draft", draft);
        values.put("version", "1");
        return new Tenants("fortanix", account, id, auth, values);
    }

    // ---- SecMaster ---------------------------------------------------------------------------------------------

    static String secmasterToken(String user, String password, String project) {
        return Logins.secmaster(null, user, password, project);
    }

    static Map<String, Object> secmasterTokenBody(String user, String password, String project) {
        return Logins.secmasterTokenBody(user, password, Map.of("id", project));
    }

    static Tenants secmaster() {
        String project = UUID.randomUUID().toString().replace("-", "");
        String user = "user-" + project.substring(0, 16);
        String id = credential("secmaster", Map.of("type", "password", "username", user, "secret", PASSWORD,
                "tenant", project));
        Map<String, String> auth = Map.of("X-Auth-Token", secmasterToken(user, PASSWORD, project));
        String workspace = "ws-" + project.substring(0, 8);
        String base = "/v1/" + project + "/workspaces/" + workspace + "/soc/workflows";
        String workflow = given().headers(auth).contentType(ContentType.JSON)
                .body(Map.of("name", "wf-" + project, "description", "secret-" + project, "engine_type", "public_engine",
                        "aop_type", "NORMAL", "dataclass_id", "dc-1", "labels", "IP"))
                .post(base).then().statusCode(200).extract().path("data.id");
        String version = given().headers(auth).contentType(ContentType.JSON).body(resource("/secmaster/create-workflow-version-request.json"))
                .post(base + "/" + workflow + "/versions").then().statusCode(200).extract().path("data.id");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("project", project);
        values.put("workspace", workspace);
        values.put("workflows", base);
        values.put("workflow", workflow);
        values.put("version", version);
        return new Tenants("secmaster", project, id, auth, values);
    }

    // ---- FrankieOne --------------------------------------------------------------------------------------------

    static Tenants frankieone() {
        String customer = "cust-" + UUID.randomUUID();
        String key = "fk-" + UUID.randomUUID();
        String id = credential("frankieone", Map.of("type", "api_key", "secret", key, "tenant", customer));
        Map<String, String> auth = Map.of("api_key", key, "X-Frankie-CustomerID", customer);
        String definition = "def-" + customer.substring(5, 13);
        given().headers(auth).contentType(ContentType.JSON)
                .body("{\"name\":\"Secret " + customer + "\",\"tasks\":[{\"id\":\"t1\",\"configuration\":{\"type\":\"HTTP\"}}]}")
                .put("/v2/workflowDefinitions/" + definition).then().statusCode(200);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("customer", customer);
        values.put("definition", definition);
        return new Tenants("frankieone", customer, id, auth, values);
    }

    // ---- Patchworks --------------------------------------------------------------------------------------------

    static String patchworksLogin(String user, String password) {
        return Logins.patchworks(null, user, password);
    }

    static Tenants patchworks() {
        String company = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String key = "pw-key-" + UUID.randomUUID();
        String id = credential("patchworks", Map.of("type", "api_key", "secret", key, "tenant", company, "role", "manager"));
        String adminUser = "admin-" + company + "@patchworks.test";
        credential("patchworks", Map.of("type", "password", "username", adminUser, "secret", PASSWORD,
                "tenant", company, "role", "admin"));
        Map<String, String> auth = Map.of("Authorization", "Bearer " + patchworksLogin(adminUser, PASSWORD));
        long flow = given().headers(auth).contentType(ContentType.JSON).body(Map.of("name", "Flow secret-" + company))
                .post("/api/v1/flows").then().statusCode(201).extract().jsonPath().getLong("data.id");
        long version = given().headers(auth).post("/api/v1/flows/" + flow + "/versions").then().statusCode(201)
                .extract().jsonPath().getLong("data.id");
        long schedule = given().headers(auth).contentType(ContentType.JSON).body(Map.of("cron_string", "*/15 * * * *"))
                .post("/api/v1/flow-versions/" + version + "/schedules").then().statusCode(201)
                .extract().jsonPath().getLong("data.id");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("company", company);
        values.put("apiKey", key);
        values.put("flow", Long.toString(flow));
        values.put("version", Long.toString(version));
        values.put("schedule", Long.toString(schedule));
        return new Tenants("patchworks", company, id, auth, values);
    }

    // ---- rows --------------------------------------------------------------------------------------------------

    /** The tenant's rows in the shared tables and in the dialect's own tables. */
    Map<String, Object> counts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("workflow", Sql.count("select count(*) from workflow where dialect = ? and tenant = ?", dialect, tenant));
        String versions = " from workflow_version v join workflow w on w.id = v.workflow_id where w.dialect = ? and w.tenant = ?";
        counts.put("workflow_version", Sql.count("select count(*)" + versions, dialect, tenant));
        // Any change to a row (a name, a state, a revision, a timestamp) changes the fingerprint.
        counts.put("workflow rows", fingerprint("select coalesce(md5(string_agg(row_to_json(w)::text, ',' order by w.id)), '')"
                + " from workflow w where w.dialect = ? and w.tenant = ?"));
        counts.put("version rows", fingerprint("select coalesce(md5(string_agg(row_to_json(v)::text, ',' order by v.id)), '')"
                + versions));
        if (dialect.equals("patchworks")) {
            for (String table : List.of("version_schedule", "version_upload", "version_metric")) {
                counts.put(table, Sql.count("select count(*) from " + table + " t join workflow_version v on v.id = t.version_id"
                        + " join workflow w on w.id = v.workflow_id where w.dialect = ? and w.tenant = ?", dialect, tenant));
            }
        }
        if (dialect.equals("fortanix")) {
            counts.put("fortanix_session", Sql.count("select count(*) from fortanix_session where credential_id = ?::uuid",
                    credentialId));
        }
        return counts;
    }

    private Object fingerprint(String sql) {
        return Sql.rows(sql, dialect, tenant).get(0).values().iterator().next();
    }

    static String resource(String name) {
        try (InputStream in = Tenants.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
