package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.Map;
import java.util.function.BiConsumer;

/** Runs one corpus case: the documented 4xx in the dialect's envelope, and not one row written or changed. */
final class CorpusCheck {

    private CorpusCheck() {
    }

    static void run(Corpus.Case c, Tenants tenant, String specFile, BiConsumer<Corpus.Case, Response> envelope) {
        Map<String, Object> before = tenant.counts();
        Response response = c.send(specFile, tenant.auth(), tenant.values());
        assertThat(response.statusCode()).as(c.name() + ": " + response.asString().substring(0,
                Math.min(300, response.asString().length()))).isEqualTo(c.status());
        assertThat(response.asString()).as(c.name()).doesNotContain("Exception").doesNotContain("\tat ");
        envelope.accept(c, response);
        assertThat(tenant.counts()).as(c.name() + ": rows").isEqualTo(before);
    }
}
