package io.workflowversions.dialect.frankieone;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link FrankieOneErrorsTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class FrankieOneErrorsIT extends FrankieOneErrorsTest {
}
