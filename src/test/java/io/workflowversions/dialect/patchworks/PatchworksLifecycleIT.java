package io.workflowversions.dialect.patchworks;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PatchworksLifecycleTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class PatchworksLifecycleIT extends PatchworksLifecycleTest {
}
