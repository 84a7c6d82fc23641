package io.workflowversions.dialect.patchworks;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PatchworksListsTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class PatchworksListsIT extends PatchworksListsTest {
}
