package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Fortanix bad-input corpus ({@code corpus/fortanix/cases.json}): every case answers its 4xx as one plain-text
 * sentence containing the case's {@code code} text, and writes nothing.
 */
@QuarkusTest
class FortanixCorpusTest {

    private static Tenants tenant;

    static List<Corpus.Case> cases() {
        return Corpus.load("fortanix");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedInPlainTextAndWritesNothing(Corpus.Case c) {
        if (tenant == null) {
            tenant = Tenants.fortanix();
        }
        CorpusCheck.run(c, tenant, "fortanix-ccm.yaml", (kase, response) -> {
            assertThat(response.contentType()).as(kase.name()).startsWith("text/plain");
            assertThat(response.asString()).as(kase.name()).isNotBlank().doesNotStartWith("{").doesNotStartWith("\"");
            if (kase.code() != null) {
                assertThat(response.asString()).as(kase.name()).containsIgnoringCase(kase.code());
            }
        });
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastSixtyCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases().stream().map(Corpus.Case::name).distinct().count()).isEqualTo(cases().size());
    }
}
