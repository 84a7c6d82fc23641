package io.workflowversions.dialect.patchworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.workflowversions.support.Sql;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Schedules of a flow version and the strict 5-field cron rule, with the exact 422 texts. */
@QuarkusTest
class PatchworksSchedulesTest {

    private static final String FIELDS = "The cron string field must have exactly 5 fields (minute, hour, day of month,"
            + " month and day of week); it has ";

    private PatchworksCompany company;
    private long version;

    @BeforeEach
    void flowWithADraft() {
        company = new PatchworksCompany();
        version = company.createDraft(company.createFlow("scheduled"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"* * * * *", "*/15 * * * *", "0 2 * * MON-FRI", "0 0 1 jan *", "5,10,15 0-23/2 1-31 1-12 0-7",
            "59 23 31 12 7", "0 0 * * sun", "0 12 * JAN-DEC/3 *", "00 06 * * 1", "  0 0 * * *  ", "0\t0 * * *"})
    void validExpressionsAreStored(String cron) {
        company.key().body(Map.of("cron_string", cron)).post("/api/v1/flow-versions/{v}/schedules", version)
                .then().statusCode(201)
                .body("data.cron_string", equalTo(cron.trim()))
                .body("data.flow_version_id", equalTo((int) version))
                .body("data.deployed_at", nullValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 0 * * * *|" + FIELDS + "6.",
            "0 0 * * * * 2025|" + FIELDS + "7.",
            "* * * *|" + FIELDS + "4.",
            "@daily|The cron string field must not be a macro such as @daily; use the 5 fields minute, hour, day of month, month and day of week.",
            "@reboot|The cron string field must not be a macro such as @daily; use the 5 fields minute, hour, day of month, month and day of week.",
            "60 * * * *|The cron string field has an invalid minute field `60`; allowed values are 0-59.",
            "* 24 * * *|The cron string field has an invalid hour field `24`; allowed values are 0-23.",
            "* * 0 * *|The cron string field has an invalid day of month field `0`; allowed values are 1-31.",
            "* * 32 * *|The cron string field has an invalid day of month field `32`; allowed values are 1-31.",
            "* * * 13 *|The cron string field has an invalid month field `13`; allowed values are 1-12 or JAN-DEC.",
            "* * * JANUARY *|The cron string field has an invalid month field `JANUARY`; allowed values are 1-12 or JAN-DEC.",
            "* * * * 8|The cron string field has an invalid day of week field `8`; allowed values are 0-7 or SUN-SAT.",
            "* * * * MOON|The cron string field has an invalid day of week field `MOON`; allowed values are 0-7 or SUN-SAT.",
            "* * ? * *|The cron string field has an invalid day of month field `?`; allowed values are 1-31.",
            "* * L * *|The cron string field has an invalid day of month field `L`; allowed values are 1-31.",
            "* * 15W * *|The cron string field has an invalid day of month field `15W`; allowed values are 1-31.",
            "* * * * 5#3|The cron string field has an invalid day of week field `5#3`; allowed values are 0-7 or SUN-SAT.",
            "*/0 * * * *|The cron string field has an invalid minute field `*/0`; allowed values are 0-59.",
            "5/10 * * * *|The cron string field has an invalid minute field `5/10`; allowed values are 0-59.",
            "10-5 * * * *|The cron string field has an invalid minute field `10-5`; allowed values are 0-59.",
            "1,,2 * * * *|The cron string field has an invalid minute field `1,,2`; allowed values are 0-59.",
            "-1 * * * *|The cron string field has an invalid minute field `-1`; allowed values are 0-59.",
            "* * * * MON-|The cron string field has an invalid day of week field `MON-`; allowed values are 0-7 or SUN-SAT."})
    void invalidExpressionsAre422WithTheExactText(String cron, String text) {
        company.keyLoose().contentType(ContentType.JSON).body(Map.of("cron_string", cron))
                .post("/api/v1/flow-versions/{v}/schedules", version)
                .then().statusCode(422)
                .body("message", equalTo(text))
                .body("errors.cron_string", hasSize(1))
                .body("errors.cron_string[0]", equalTo(text));
        assertThat(Sql.count("select count(*) from version_schedule s join workflow_version v on v.id = s.version_id"
                + " where v.public_id = ?", Long.toString(version))).isZero();
    }

    @Test
    void missingWrongTypeAndTooLongCronStrings() {
        reject("{}", "cron_string", "The cron string field is required.");
        reject("{\"cron_string\":null}", "cron_string", "The cron string field is required.");
        reject("{\"cron_string\":\"   \"}", "cron_string", "The cron string field is required.");
        reject("{\"cron_string\":5}", "cron_string", "The cron string field must be a string.");
        reject("{\"cron_string\":[\"* * * * *\"]}", "cron_string", "The cron string field must be a string.");
        reject("{\"cron_string\":\"" + "1,".repeat(200) + "1 * * * *\"}", "cron_string",
                "The cron string field must not be greater than 255 characters.");
        company.keyLoose().contentType(ContentType.JSON).body("{\"cron_string\":\"* * * *\",\"deployed_at\":\"soon\"}")
                .post("/api/v1/flow-versions/{v}/schedules", version).then().statusCode(422)
                .body("message", equalTo(FIELDS + "4. (and 1 more error)"))
                .body("errors.deployed_at[0]", equalTo("The deployed at field must be a valid date."));
    }

    @Test
    void aScheduleWithNoBodyAtAllLacksItsCronString() {
        company.keyLoose().contentType(ContentType.JSON).post("/api/v1/flow-versions/{v}/schedules", version)
                .then().statusCode(422)
                .body("message", equalTo("The cron string field is required."))
                .body("errors.cron_string[0]", equalTo("The cron string field is required."));
    }

    private void reject(String body, String field, String text) {
        company.keyLoose().contentType(ContentType.JSON).body(body).post("/api/v1/flow-versions/{v}/schedules", version)
                .then().statusCode(422).body("message", equalTo(text)).body("errors." + field + "[0]", equalTo(text));
    }

    @Test
    void createListUpdateAndDelete() {
        long first = company.key().body(Map.of("cron_string", "0 * * * *", "deployed_at", "2025-05-05T05:05:05Z"))
                .post("/api/v1/flow-versions/{v}/schedules", version).then().statusCode(201)
                .body("data.deployed_at", equalTo("2025-05-05T05:05:05.000000Z"))
                .extract().jsonPath().getLong("data.id");
        long second = company.key().body(Map.of("cron_string", "30 1 * * *"))
                .post("/api/v1/flow-versions/{v}/schedules", version).then().statusCode(201)
                .extract().jsonPath().getLong("data.id");

        company.key().get("/api/v1/flow-versions/{v}/schedules", version).then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.contains((int) first, (int) second))
                .body("meta.total", equalTo(2));

        // Only the fields sent change; an explicit null clears deployed_at.
        company.key().body(Map.of("cron_string", "15 3 * * SAT")).put("/api/v1/flow-versions/{v}/schedules/{s}", version, first)
                .then().statusCode(200)
                .body("data.cron_string", equalTo("15 3 * * SAT"))
                .body("data.deployed_at", equalTo("2025-05-05T05:05:05.000000Z"));
        company.key().body("{\"deployed_at\":null}").put("/api/v1/flow-versions/{v}/schedules/{s}", version, first)
                .then().statusCode(200)
                .body("data.cron_string", equalTo("15 3 * * SAT"))
                .body("data.deployed_at", nullValue());
        company.keyLoose().contentType(ContentType.JSON).body("{\"cron_string\":\"0 0 0 * *\"}")
                .put("/api/v1/flow-versions/{v}/schedules/{s}", version, first).then().statusCode(422)
                .body("errors.cron_string[0]", equalTo("The cron string field has an invalid day of month field `0`;"
                        + " allowed values are 1-31."));
        assertThat(Sql.rows("select cron_expression from version_schedule where id = ?", first).get(0).get("cron_expression"))
                .isEqualTo("15 3 * * SAT");

        company.key().delete("/api/v1/flow-versions/{v}/schedules/{s}", version, first).then().statusCode(200)
                .body("message", equalTo("Flow version schedule deleted."));
        company.key().delete("/api/v1/flow-versions/{v}/schedules/{s}", version, first).then().statusCode(404)
                .body("message", equalTo("Not Found"));

        // A schedule under another version is not found.
        long otherFlowVersion = company.createDraft(company.createFlow("other"));
        company.key().body(Map.of("cron_string", "* * * * *"))
                .put("/api/v1/flow-versions/{v}/schedules/{s}", otherFlowVersion, second).then().statusCode(404);
        company.key().delete("/api/v1/flow-versions/{v}/schedules/{s}", otherFlowVersion, second).then().statusCode(404);
        assertThat(Sql.count("select count(*) from version_schedule where id = ?", second)).isEqualTo(1);
    }
}
