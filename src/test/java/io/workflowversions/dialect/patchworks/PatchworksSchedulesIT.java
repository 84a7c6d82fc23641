package io.workflowversions.dialect.patchworks;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PatchworksSchedulesTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class PatchworksSchedulesIT extends PatchworksSchedulesTest {
}
