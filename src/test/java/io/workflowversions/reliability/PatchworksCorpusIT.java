package io.workflowversions.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PatchworksCorpusTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class PatchworksCorpusIT extends PatchworksCorpusTest {
}
