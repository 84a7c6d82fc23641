package io.workflowversions.dialect.secmaster;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SecmasterAuthTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class SecmasterAuthIT extends SecmasterAuthTest {
}
