package io.workflowversions.admin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ClockTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class ClockIT extends ClockTest {
}
