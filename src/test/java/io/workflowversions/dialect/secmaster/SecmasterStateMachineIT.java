package io.workflowversions.dialect.secmaster;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SecmasterStateMachineTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class SecmasterStateMachineIT extends SecmasterStateMachineTest {
}
