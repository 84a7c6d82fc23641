package io.workflowversions.dialect.fortanix;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link EmClientReplayTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class EmClientReplayIT extends EmClientReplayTest {
}
