package io.workflowversions.admin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link AdminApiTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class AdminApiIT extends AdminApiTest {
}
