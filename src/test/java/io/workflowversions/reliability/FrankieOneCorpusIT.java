package io.workflowversions.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link FrankieOneCorpusTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class FrankieOneCorpusIT extends FrankieOneCorpusTest {
}
