package io.workflowversions.dialect.patchworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.workflowversions.support.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Laravel paginator, filters and sorts of every list, and metrics seeded through the admin API. */
@QuarkusTest
class PatchworksListsTest {

    @Test
    void pagesOfFlows() {
        PatchworksCompany company = new PatchworksCompany();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(company.createFlow("flow " + i));
        }

        JsonPath first = company.key().queryParam("per_page", 3).get("/api/v1/flows").then().statusCode(200)
                .body("data", hasSize(3))
                .body("meta.current_page", equalTo(1))
                .body("meta.from", equalTo(1))
                .body("meta.to", equalTo(3))
                .body("meta.last_page", equalTo(3))
                .body("meta.per_page", equalTo(3))
                .body("meta.total", equalTo(7))
                .body("meta.path", endsWith("/api/v1/flows"))
                .body("links.prev", nullValue())
                .body("links.first", endsWith("/api/v1/flows?per_page=3&page=1"))
                .body("links.last", endsWith("/api/v1/flows?per_page=3&page=3"))
                .body("links.next", endsWith("/api/v1/flows?per_page=3&page=2"))
                .extract().jsonPath();
        assertThat(first.getList("data.id", Long.class)).containsExactlyElementsOf(ids.subList(0, 3));

        // The last page is partial and has no next.
        company.key().queryParam("page", 3).queryParam("per_page", 3).get("/api/v1/flows").then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].id", equalTo(ids.get(6).intValue()))
                .body("meta.from", equalTo(7)).body("meta.to", equalTo(7))
                .body("links.next", nullValue())
                .body("links.prev", endsWith("?page=2&per_page=3"));
        // Beyond the last page: empty, from/to null.
        company.key().queryParam("page", 9).queryParam("per_page", 3).get("/api/v1/flows").then().statusCode(200)
                .body("data", hasSize(0))
                .body("meta.from", nullValue()).body("meta.to", nullValue())
                .body("meta.total", equalTo(7)).body("meta.last_page", equalTo(3))
                .body("links.next", nullValue());
        // per_page 1 and 100; the default is 15.
        company.key().queryParam("per_page", 1).get("/api/v1/flows").then().statusCode(200)
                .body("data", hasSize(1)).body("meta.last_page", equalTo(7));
        company.key().queryParam("per_page", 100).get("/api/v1/flows").then().statusCode(200)
                .body("data", hasSize(7)).body("meta.last_page", equalTo(1)).body("links.next", nullValue());
        company.key().get("/api/v1/flows").then().statusCode(200).body("meta.per_page", equalTo(15));
    }

    @Test
    void badPagingIs422() {
        PatchworksCompany company = new PatchworksCompany();
        company.keyLoose().queryParam("per_page", 101).get("/api/v1/flows").then().statusCode(422)
                .body("message", equalTo("The per page field must not be greater than 100."))
                .body("errors.per_page[0]", equalTo("The per page field must not be greater than 100."));
        company.keyLoose().queryParam("per_page", 0).get("/api/v1/flows").then().statusCode(422)
                .body("errors.per_page[0]", equalTo("The per page field must be at least 1."));
        company.keyLoose().queryParam("page", 0).get("/api/v1/flows").then().statusCode(422)
                .body("errors.page[0]", equalTo("The page field must be at least 1."));
        company.keyLoose().queryParam("page", "two").queryParam("per_page", "1.5").get("/api/v1/flows").then().statusCode(422)
                .body("message", equalTo("The page field must be an integer. (and 1 more error)"))
                .body("errors.page[0]", equalTo("The page field must be an integer."))
                .body("errors.per_page[0]", equalTo("The per page field must be an integer."));
        long flow = company.createFlow("paged");
        long version = company.createDraft(flow);
        company.keyLoose().queryParam("per_page", 101).get("/api/v1/flows/{flow}/versions", flow).then().statusCode(422);
        company.keyLoose().queryParam("page", "x").get("/api/v1/flow-versions/{v}/schedules", version).then().statusCode(422)
                .body("errors.page[0]", equalTo("The page field must be an integer."));
        company.keyLoose().queryParam("per_page", 500).get("/api/v1/flows/{flow}/version-metrics", flow).then().statusCode(422);
    }

    @Test
    void versionsFilterAndSort() {
        PatchworksCompany company = new PatchworksCompany();
        long flow = company.createFlow("versions");
        long[] ids = company.flowWithDeployedHistory(flow, 3);
        long draft = company.copy(flow, ids[2]);

        company.key().queryParam("filter[status]", "Inactive").get("/api/v1/flows/{flow}/versions", flow)
                .then().statusCode(200)
                .body("data.id", contains((int) ids[0], (int) ids[1]))
                .body("data.iteration", contains(1, 2))
                .body("links.first", endsWith("?filter%5Bstatus%5D=Inactive&page=1"));
        company.key().queryParam("filter[status]", "Draft,Deployed").get("/api/v1/flows/{flow}/versions", flow)
                .then().statusCode(200).body("data.id", contains((int) ids[2], (int) draft));
        company.key().queryParam("sort", "-id").get("/api/v1/flows/{flow}/versions", flow).then().statusCode(200)
                .body("data.id", contains((int) draft, (int) ids[2], (int) ids[1], (int) ids[0]))
                .body("data.iteration", contains(4, 3, 2, 1));
        company.key().queryParam("sort", "id").queryParam("per_page", 2).queryParam("page", 2)
                .get("/api/v1/flows/{flow}/versions", flow).then().statusCode(200)
                .body("data.id", contains((int) ids[2], (int) draft));
        company.key().queryParam("sort", "-created_at").get("/api/v1/flows/{flow}/versions", flow).then().statusCode(200)
                .body("data.id", contains((int) draft, (int) ids[2], (int) ids[1], (int) ids[0]));
        company.key().queryParam("sort", "created_at").get("/api/v1/flows/{flow}/versions", flow).then().statusCode(200)
                .body("data.id", contains((int) ids[0], (int) ids[1], (int) ids[2], (int) draft));

        company.keyLoose().queryParam("filter[name]", "x").get("/api/v1/flows/{flow}/versions", flow).then().statusCode(400)
                .body("message", equalTo("Requested filter(s) `name` are not allowed. Allowed filter(s) are `status`."));
        company.keyLoose().queryParam("sort", "-iteration").get("/api/v1/flows/{flow}/versions", flow).then().statusCode(400)
                .body("message", equalTo("Requested sort(s) `iteration` is not allowed. Allowed sort(s) are `id, created_at`."));
        company.keyLoose().queryParam("include", "flow").get("/api/v1/flows/{flow}/versions", flow).then().statusCode(400)
                .body("message", equalTo("Requested include(s) `flow` are not allowed. There are no allowed includes."));
        company.keyLoose().queryParam("fields[flow_versions]", "id,status").get("/api/v1/flows/{flow}/versions", flow)
                .then().statusCode(400)
                .body("message", equalTo("Requested field(s) `flow_versions.id, flow_versions.status` are not allowed."
                        + " There are no allowed fields."));
        company.keyLoose().queryParam("filter[status]", "Draft").get("/api/v1/flows").then().statusCode(400)
                .body("message", equalTo("Requested filter(s) `status` are not allowed. There are no allowed filters."));
        company.keyLoose().queryParam("sort", "id").get("/api/v1/flow-versions/{v}/schedules", draft).then().statusCode(400)
                .body("message", equalTo("Requested sort(s) `id` is not allowed. There are no allowed sorts."));
    }

    @Test
    void metricsSeededThroughTheAdminApiAreFilteredSortedAndPaged() {
        PatchworksCompany company = new PatchworksCompany();
        long flow = company.createFlow("metrics");
        long[] ids = company.flowWithDeployedHistory(flow, 2);
        long otherFlow = company.createFlow("other metrics");
        long otherVersion = company.createDraft(otherFlow);

        seed(flow, ids[0], List.of(
                metric("runs", "count", 5, "2025-01-01T00:00:00Z", "2025-01-01T01:00:00Z"),
                metric("errors", "count", 1, "2025-01-01T01:00:00Z", "2025-01-01T02:00:00Z")));
        List<Integer> secondIds = PatchworksCompany.admin()
                .body(Map.of("items", List.of(
                        metric("runs", "count", 9, "2025-01-02T00:00:00Z", "2025-01-02T01:00:00Z"),
                        metric("duration", "gauge", 2.5, "2025-01-03T00:00:00Z", "2025-01-03T01:00:00Z"))))
                .queryParam("tenant", company.id)
                .post("/admin/v1/patchworks/flows/{flow}/versions/{version}/metrics", flow, ids[1])
                .then().statusCode(201)
                .body("items", hasSize(2))
                .body("items[0].flow_version_id", equalTo((int) ids[1]))
                .body("items[1].value", equalTo(2.5f))
                .extract().jsonPath().getList("items.id");
        seed(otherFlow, otherVersion, List.of(metric("runs", "count", 100, "2025-01-01T00:00:00Z", "2025-01-01T01:00:00Z")));

        String path = "/api/v1/flows/{flow}/version-metrics";
        company.key().get(path, flow).then().statusCode(200)
                .body("data", hasSize(4))
                .body("data.key", contains("runs", "errors", "runs", "duration"))
                .body("data[0].interval_start", equalTo("2025-01-01T00:00:00.000000Z"))
                .body("data[0].flow_version_id", equalTo((int) ids[0]))
                .body("data[3].id", equalTo(secondIds.get(1)))
                .body("meta.total", equalTo(4));
        company.key().queryParam("filter[key]", "runs").get(path, flow).then().statusCode(200)
                .body("data.value", contains(5.0f, 9.0f));
        company.key().queryParam("filter[key]", "runs,errors").queryParam("filter[type]", "count").get(path, flow)
                .then().statusCode(200).body("data", hasSize(3));
        company.key().queryParam("filter[type]", "gauge").get(path, flow).then().statusCode(200)
                .body("data.key", contains("duration"));
        company.key().queryParam("filter[interval_start]", "2025-01-01T01:00:00Z").get(path, flow).then().statusCode(200)
                .body("data.key", contains("errors", "runs", "duration"));
        company.key().queryParam("filter[interval_end]", "2025-01-02T01:00:00Z").get(path, flow).then().statusCode(200)
                .body("data.key", contains("runs", "errors", "runs"));
        company.key().queryParam("filter[interval_start]", "2025-01-01T01:00:00Z")
                .queryParam("filter[interval_end]", "2025-01-02T01:00:00Z").get(path, flow).then().statusCode(200)
                .body("data.key", contains("errors", "runs"));
        company.key().queryParam("sort", "-value").get(path, flow).then().statusCode(200)
                .body("data.value", contains(9.0f, 5.0f, 2.5f, 1.0f));
        company.key().queryParam("sort", "value").get(path, flow).then().statusCode(200)
                .body("data.value", contains(1.0f, 2.5f, 5.0f, 9.0f));
        company.key().queryParam("sort", "-interval_start").queryParam("per_page", 1).queryParam("page", 2)
                .get(path, flow).then().statusCode(200)
                .body("data.key", contains("runs"))
                .body("meta.last_page", equalTo(4))
                .body("links.next", endsWith("?sort=-interval_start&per_page=1&page=3"));
        company.key().queryParam("filter[key]", "nothing").get(path, flow).then().statusCode(200)
                .body("data", hasSize(0)).body("meta.from", nullValue()).body("meta.last_page", equalTo(1));

        company.keyLoose().queryParam("filter[version]", "1").get(path, flow).then().statusCode(400)
                .body("message", equalTo("Requested filter(s) `version` are not allowed."
                        + " Allowed filter(s) are `type, key, interval_start, interval_end`."));
        company.keyLoose().queryParam("sort", "key").get(path, flow).then().statusCode(400)
                .body("message", equalTo("Requested sort(s) `key` is not allowed. Allowed sort(s) are `interval_start, value`."));
        company.keyLoose().queryParam("filter[interval_start]", "last week").get(path, flow).then().statusCode(400)
                .body("message", equalTo("The filter[interval_start] value `last week` is not a valid date."));

        // Deleting a version deletes its metrics.
        company.key().delete("/api/v1/flows/{flow}/versions/{version}", flow, ids[0]).then().statusCode(200);
        company.key().get(path, flow).then().statusCode(200).body("data.key", contains("runs", "duration"));
        assertThat(Sql.count("select count(*) from version_metric m join workflow_version v on v.id = m.version_id"
                + " where v.public_id = ?", Long.toString(ids[0]))).isZero();
    }

    @Test
    void metricSeedingRefusesUnknownOrForeignVersionsAndBadIntervals() {
        PatchworksCompany company = new PatchworksCompany();
        long flow = company.createFlow("seeding");
        long version = company.createDraft(flow);
        long other = company.createFlow("not the parent");
        Map<String, Object> batch = Map.of("items", List.of(metric("k", "t", 1, "2025-01-01T00:00:00Z", "2025-01-01T01:00:00Z")));

        PatchworksCompany.admin().body(batch).post("/admin/v1/patchworks/flows/{f}/versions/{v}/metrics", other, version)
                .then().statusCode(404).contentType("application/problem+json");
        PatchworksCompany.admin().body(batch).queryParam("tenant", "someone-else")
                .post("/admin/v1/patchworks/flows/{f}/versions/{v}/metrics", flow, version).then().statusCode(404);
        PatchworksCompany.admin().body(Map.of("items", List.of(metric("k", "t", 1, "2025-01-02T00:00:00Z", "2025-01-01T00:00:00Z"))))
                .post("/admin/v1/patchworks/flows/{f}/versions/{v}/metrics", flow, version).then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].interval_end"));
        assertThat(Sql.count("select count(*) from version_metric m join workflow_version v on v.id = m.version_id"
                + " where v.public_id = ?", Long.toString(version))).isZero();
    }

    private static void seed(long flow, long version, List<Map<String, Object>> items) {
        PatchworksCompany.admin().body(Map.of("items", items))
                .post("/admin/v1/patchworks/flows/{flow}/versions/{version}/metrics", flow, version).then().statusCode(201);
    }

    private static Map<String, Object> metric(String key, String type, double value, String start, String end) {
        return Map.of("key", key, "type", type, "value", value, "interval_start", start, "interval_end", end);
    }
}
