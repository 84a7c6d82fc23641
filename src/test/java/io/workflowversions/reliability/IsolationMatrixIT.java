package io.workflowversions.reliability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link IsolationMatrixTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class IsolationMatrixIT extends IsolationMatrixTest {
}
