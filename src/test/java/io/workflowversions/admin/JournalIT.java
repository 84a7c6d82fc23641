package io.workflowversions.admin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link JournalTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class JournalIT extends JournalTest {
}
