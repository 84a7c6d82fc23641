package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SecMaster bad-input corpus ({@code corpus/secmaster/cases.json}): every case answers its 4xx in the business
 * envelope ({@code code}, {@code success: false}, the request id echoed) or, for routes the gateway does not know,
 * the gateway envelope ({@code error_code}), or on the token endpoint IAM's {@code error} object, and writes nothing.
 */
@QuarkusTest
class SecmasterCorpusTest {

    private static Tenants tenant;

    static List<Corpus.Case> cases() {
        return Corpus.load("secmaster");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedInTheSecmasterEnvelopeAndWritesNothing(Corpus.Case c) {
        if (tenant == null) {
            tenant = Tenants.secmaster();
        }
        CorpusCheck.run(c, tenant, "huawei-secmaster.yaml", (kase, response) -> {
            assertThat(response.contentType()).as(kase.name()).startsWith("application/json");
            if (kase.path().startsWith("/v3/auth/tokens")) {
                // IAM's own shape: {"error": {code, title, message}}
                assertThat(response.<Integer>path("error.code")).as(kase.name()).isEqualTo(kase.status());
                assertThat(response.<String>path("error.title")).as(kase.name()).isEqualTo(kase.code());
            } else if (kase.code().startsWith("APIG.")) {
                assertThat(response.<String>path("error_code")).as(kase.name()).isEqualTo(kase.code());
                assertThat(response.<String>path("request_id")).as(kase.name()).isEqualTo(response.header("X-request-id"));
            } else {
                assertThat(response.<String>path("code")).as(kase.name()).isEqualTo(kase.code());
                assertThat(response.<Boolean>path("success")).as(kase.name()).isFalse();
                assertThat(response.<String>path("request_id")).as(kase.name()).isEqualTo(response.header("X-request-id"));
            }
        });
    }

    /**
     * A body above the 10 KiB input buffer is read on a worker thread before the authentication filter runs; the
     * filter must still reach the database (it answered 500 before). A valid big version is accepted.
     */
    @org.junit.jupiter.api.Test
    void aValidBodyLargerThanTheInputBufferIsAccepted() throws Exception {
        Tenants big = Tenants.secmaster();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var version = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(
                Tenants.resource("/secmaster/create-workflow-version-request.json"));
        // Unknown body fields are ignored (contract), so a big one makes a big valid body; the spec does not list it,
        // so only the answer is checked against the spec.
        version.put("padding", "p".repeat(64 * 1024));
        io.restassured.RestAssured.given().filter(io.workflowversions.support.SpecValidation.responsesOnly("huawei-secmaster.yaml"))
                .headers(big.auth()).contentType("application/json;charset=UTF-8").body(json.writeValueAsString(version))
                .post(big.values().get("workflows") + "/" + big.values().get("workflow") + "/versions")
                .then().log().ifValidationFails().statusCode(200);
        assertThat(io.workflowversions.support.Sql.count("select count(*) from workflow_version v join workflow w"
                + " on w.id = v.workflow_id where w.tenant = ?", big.tenant())).isEqualTo(2);
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastSixtyCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases().stream().map(Corpus.Case::name).distinct().count()).isEqualTo(cases().size());
    }
}
