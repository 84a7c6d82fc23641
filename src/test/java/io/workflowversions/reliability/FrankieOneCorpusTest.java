package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FrankieOne bad-input corpus ({@code corpus/frankieone/cases.json}): every case answers its 4xx as an error
 * object with the case's {@code errorCode}, the same {@code httpStatusCode} and a ULID request id, and writes
 * nothing.
 */
@QuarkusTest
class FrankieOneCorpusTest {

    private static Tenants tenant;

    static List<Corpus.Case> cases() {
        return Corpus.load("frankieone");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithTheErrorObjectAndWritesNothing(Corpus.Case c) {
        if (tenant == null) {
            tenant = Tenants.frankieone();
        }
        CorpusCheck.run(c, tenant, "frankieone.yaml", (kase, response) -> {
            assertThat(response.contentType()).as(kase.name()).startsWith("application/json");
            assertThat(response.<String>path("errorCode")).as(kase.name()).isEqualTo(kase.code());
            assertThat(response.<Integer>path("httpStatusCode")).as(kase.name()).isEqualTo(kase.status());
            assertThat(response.<String>path("requestId")).as(kase.name()).matches("^[0-9A-HJKMNP-TV-Z]{26}$");
        });
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastSixtyCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases().stream().map(Corpus.Case::name).distinct().count()).isEqualTo(cases().size());
    }
}
