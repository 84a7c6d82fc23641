package io.workflowversions;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link OperationsTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class OperationsIT extends OperationsTest {
}
