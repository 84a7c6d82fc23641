package io.workflowversions.admin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SnapshotsTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class SnapshotsIT extends SnapshotsTest {
}
