package io.workflowversions.dialect.secmaster;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TerraformProviderReplayTest} against the packaged service: the native executable after a native build. */
@QuarkusIntegrationTest
class TerraformProviderReplayIT extends TerraformProviderReplayTest {
}
