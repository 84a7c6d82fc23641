package io.workflowversions.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link FortanixCorpusTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class FortanixCorpusIT extends FortanixCorpusTest {
}
