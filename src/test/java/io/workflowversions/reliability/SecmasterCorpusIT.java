package io.workflowversions.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SecmasterCorpusTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class SecmasterCorpusIT extends SecmasterCorpusTest {
}
