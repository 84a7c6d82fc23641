package io.workflowversions.dialect.secmaster;

import static io.workflowversions.dialect.secmaster.SecmasterApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.workflowversions.support.Sql;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hostile but valid text is stored verbatim, and unknown routes answer in the gateway envelope. The client mistakes
 * themselves (answered 400 SecMaster.20040625, or 20040624 for a taskflow that is not Base64 of JSON) are the data
 * of the bad-input corpus, {@code corpus/secmaster/cases.json}, run by {@code reliability.SecmasterCorpusTest}.
 */
@QuarkusTest
class SecmasterBadInputTest {

    @Test
    void hostileTextIsStoredAndEchoedVerbatim() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        String hostile = "Robert'); DROP TABLE workflow;-- <script>alert(1)</script> ${jndi:ldap://x} \u202e\uD83D\uDE00 \\\"";
        String workflowId = as(tenant).body(Map.of("name", hostile, "description", hostile, "engine_type", "public_engine",
                "aop_type", "EASE", "dataclass_id", hostile)).post(tenant.workflows())
                .then().statusCode(200).body("data.name", equalTo(hostile)).extract().path("data.id");
        as(tenant).get(tenant.workflows() + "/" + workflowId).then().statusCode(200)
                .body("data.description", equalTo(hostile)).body("data.dataclass_id", equalTo(hostile));
        assertThat(Sql.count("select count(*) from workflow where name = ?", hostile)).isEqualTo(1);
    }

    @Test
    void unknownRoutesAndMethodsAnswerInTheGatewayEnvelope() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        for (Response response : List.of(
                io.restassured.RestAssured.given().header("X-Auth-Token", tenant.token()).get(tenant.workflows() + "/versions"),
                io.restassured.RestAssured.given().header("X-Auth-Token", tenant.token()).get(tenant.workflows() + "/a/b/c/d"),
                io.restassured.RestAssured.given().header("X-Auth-Token", tenant.token()).patch(tenant.workflows()))) {
            response.then().statusCode(404).contentType("application/json")
                    .body("error_code", equalTo(ErrorCodes.APIG_NO_API))
                    .header("X-request-id", equalTo(response.<String>path("request_id")));
        }
    }
}
