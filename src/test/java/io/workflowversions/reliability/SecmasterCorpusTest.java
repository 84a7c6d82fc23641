package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SecMaster bad-input corpus ({@code corpus/secmaster/cases.json}): every case answers its 4xx in the business
 * envelope ({@code code}, {@code success: false}, the request id echoed) or, for routes the gateway does not know,
 * the gateway envelope ({@code error_code}), and writes nothing.
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
            if (kase.code().startsWith("APIG.")) {
                assertThat(response.<String>path("error_code")).as(kase.name()).isEqualTo(kase.code());
                assertThat(response.<String>path("request_id")).as(kase.name()).isEqualTo(response.header("X-request-id"));
            } else {
                assertThat(response.<String>path("code")).as(kase.name()).isEqualTo(kase.code());
                assertThat(response.<Boolean>path("success")).as(kase.name()).isFalse();
                assertThat(response.<String>path("request_id")).as(kase.name()).isEqualTo(response.header("X-request-id"));
            }
        });
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastSixtyCases() {
        assertThat(cases()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases().stream().map(Corpus.Case::name).distinct().count()).isEqualTo(cases().size());
    }
}
