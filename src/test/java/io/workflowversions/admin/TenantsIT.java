package io.workflowversions.admin;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TenantsTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class TenantsIT extends TenantsTest {
}
