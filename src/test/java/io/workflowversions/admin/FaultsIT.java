package io.workflowversions.admin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link FaultsTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class FaultsIT extends FaultsTest {
}
