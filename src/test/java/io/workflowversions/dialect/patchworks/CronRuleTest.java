package io.workflowversions.dialect.patchworks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The strict 5-field cron of Patchworks schedules, without the HTTP layer. */
class CronRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"* * * * *", "*/15 * * * *", "0 0 1 1 0", "59 23 31 12 7", "0-30/5 8-18 * JAN-dec mon-FRI",
            "1,2,3 1-2,5 */2 * SUN", "0 12 * * 1-5", "5 4 * * sat"})
    void validExpressionsHaveNoProblem(String expression) {
        assertThat(CronRule.problem(expression)).isEmpty();
    }

    @Test
    void theFieldCountIsExactlyFive() {
        assertThat(CronRule.problem("* * * *")).contains(
                "The cron string field must have exactly 5 fields (minute, hour, day of month, month and day of week); it has 4.");
        assertThat(CronRule.problem("0 * * * * *")).hasValueSatisfying(p -> assertThat(p).endsWith("it has 6."));
    }

    @Test
    void eachFieldNamesItsRange() {
        assertThat(CronRule.problem("60 * * * *")).contains(
                "The cron string field has an invalid minute field `60`; allowed values are 0-59.");
        assertThat(CronRule.problem("* 24 * * *")).hasValueSatisfying(p -> assertThat(p).contains("hour field `24`"));
        assertThat(CronRule.problem("* * 0 * *")).hasValueSatisfying(p -> assertThat(p).contains("day of month field `0`"));
        assertThat(CronRule.problem("* * * 13 *")).hasValueSatisfying(p -> assertThat(p).contains("1-12 or JAN-DEC"));
        assertThat(CronRule.problem("* * * * 8")).hasValueSatisfying(p -> assertThat(p).contains("0-7 or SUN-SAT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/0 * * * *", "5/5 * * * *", "*/60 * * * *", "10-5 * * * *", ",1 * * * *", "1, * * * *",
            "1,,2 * * * *", "? * * * *", "L * * * *", "* * * * 1#2", "-1 * * * *", "+1 * * * *", "001 * * * *",
            "* * * JANUARY *", "* * * * SUNDAY", "a * * * *"})
    void quartzTokensStepsAndMalformedItemsAreRefused(String expression) {
        assertThat(CronRule.problem(expression)).isPresent();
    }

    @Test
    void macrosAndOverlongExpressionsAreRefused() {
        assertThat(CronRule.problem("@daily")).hasValueSatisfying(p -> assertThat(p).contains("must not be a macro"));
        assertThat(CronRule.problem("*" + " ".repeat(CronRule.MAX_LENGTH) + "* * * *"))
                .contains("The cron string field must not be greater than 255 characters.");
    }
}
