package io.workflowversions.dialect.patchworks;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.workflowversions.support.Concurrently;
import io.workflowversions.support.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "only one" rules of a flow under concurrent requests over HTTP, checked in the database. */
@QuarkusTest
class PatchworksConcurrencyTest {

    @Test
    void twentyParallelDeploysOfDifferentVersionsLeaveExactlyOneDeployed() {
        PatchworksCompany company = new PatchworksCompany();
        long flow = company.createFlow("parallel deploys");
        long[] ids = company.flowWithDeployedHistory(flow, 20);

        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(20, i -> () -> company.key()
                .body(Map.of("deployed_at", "2025-06-01T00:00:" + String.format("%02d", i) + "Z"))
                .put("/api/v1/flows/{flow}/versions/{version}", flow, ids[i]).statusCode());

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(outcomes).extracting(Concurrently.Outcome::value).containsOnly(200);
        String key = Long.toString(flow);
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and w.dialect = 'patchworks' and v.state = 'Deployed'", key)).isEqualTo(1);
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and w.dialect = 'patchworks' and v.state = 'Inactive'", key)).isEqualTo(19);
        // deployed_at is set exactly on the Deployed version.
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and w.dialect = 'patchworks' and (v.deployed_at is not null) <> (v.state = 'Deployed')",
                key)).isZero();
        assertThat(company.versions(flow)).extracting(v -> v.get("status")).filteredOn("Deployed"::equals).hasSize(1);
    }

    @Test
    void twentyParallelCopiesLeaveExactlyOneDraft() {
        PatchworksCompany company = new PatchworksCompany();
        long flow = company.createFlow("parallel copies");
        long[] ids = company.flowWithDeployedHistory(flow, 2);

        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(20, i -> () -> company.key()
                .post("/api/v1/flows/{flow}/versions/{version}/copy", flow, ids[i % 2]).statusCode());

        assertThat(outcomes).allMatch(Concurrently.Outcome::succeeded);
        assertThat(outcomes).extracting(Concurrently.Outcome::value).containsOnly(201);
        String key = Long.toString(flow);
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and w.dialect = 'patchworks' and v.state = 'Draft'", key)).isEqualTo(1);
        assertThat(Sql.count("select count(*) from workflow_version v join workflow w on w.id = v.workflow_id"
                + " where w.external_key = ? and w.dialect = 'patchworks'", key)).isEqualTo(3);
        List<Map<String, Object>> versions = company.versions(flow);
        assertThat(versions).extracting(v -> v.get("status")).containsExactly("Inactive", "Deployed", "Draft");
        assertThat(versions).extracting(v -> v.get("iteration")).containsExactly(1, 2, 3);
    }

    @Test
    void parallelFirstVersionsGiveOneDraftAndTheRest422() {
        PatchworksCompany company = new PatchworksCompany();
        long flow = company.createFlow("parallel first versions");

        List<Concurrently.Outcome<Integer>> outcomes = Concurrently.run(10, i -> () -> company.key()
                .post("/api/v1/flows/{flow}/versions", flow).statusCode());

        assertThat(outcomes).extracting(Concurrently.Outcome::value).containsOnly(201, 422).containsOnlyOnce(201);
        assertThat(company.versions(flow)).hasSize(1);
    }
}
