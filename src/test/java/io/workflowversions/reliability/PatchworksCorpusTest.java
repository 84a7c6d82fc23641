package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Patchworks bad-input corpus ({@code corpus/patchworks/cases.json}): every case answers its 4xx as the
 * Laravel-style JSON {@code message} given as the case's {@code code} (for 422 also under {@code errors}), and
 * writes nothing.
 */
@QuarkusTest
class PatchworksCorpusTest {

    private static Tenants tenant;

    static List<Corpus.Case> cases() {
        return Corpus.load("patchworks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithTheLaravelMessageAndWritesNothing(Corpus.Case c) {
        if (tenant == null) {
            tenant = Tenants.patchworks();
        }
        CorpusCheck.run(c, tenant, "patchworks.yaml", (kase, response) -> {
            assertThat(response.contentType()).as(kase.name()).startsWith("application/json");
            assertThat(response.<String>path("message")).as(kase.name()).isEqualTo(kase.code());
            if (kase.status() == 422) {
                assertThat(response.<java.util.Map<String, Object>>path("errors")).as(kase.name()).isNotEmpty();
            }
        });
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastSixtyCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases().stream().map(Corpus.Case::name).distinct().count()).isEqualTo(cases().size());
    }
}
