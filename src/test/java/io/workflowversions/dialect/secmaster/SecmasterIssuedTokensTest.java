package io.workflowversions.dialect.secmaster;

import static io.restassured.RestAssured.given;
import static io.workflowversions.dialect.secmaster.SecmasterAuthTest.gatewayError;

import io.quarkus.test.junit.QuarkusTest;
import io.workflowversions.security.CredentialType;
import io.workflowversions.security.Principal;
import io.workflowversions.security.Role;
import io.workflowversions.security.TokenService;
import io.workflowversions.support.SpecValidation;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Tokens the service itself signed but must still refuse (expired, for another dialect): issued in process with the
 * service's own token service, so this class runs in the JVM suite only.
 */
@QuarkusTest
class SecmasterIssuedTokensTest {

    @Inject
    TokenService tokens;

    @Test
    void missingInvalidAndExpiredTokensAre401() {
        SecmasterApi.Tenant tenant = SecmasterApi.newTenant();
        Principal principal = new Principal(UUID.fromString(tenant.credentialId()), "secmaster", CredentialType.PASSWORD,
                tenant.user(), tenant.project(), null, Role.WRITER, null);
        String expired = tokens.issue(principal, Duration.ofSeconds(-60),
                Map.of(SecmasterMechanism.PROJECT_CLAIM, tenant.project())).token();
        String otherDialect = tokens.issue(new Principal(principal.credentialId(), "fortanix", CredentialType.PASSWORD,
                tenant.user(), tenant.project(), null, Role.WRITER, null), Duration.ofHours(1), Map.of()).token();

        gatewayError(given().filter(SpecValidation.responsesOnly(SecmasterApi.SPEC)).get(tenant.workflows()), 401, "APIG.0301");
        for (String token : new String[] {"garbage", tenant.token() + "x", expired, otherDialect}) {
            gatewayError(given().filter(SpecValidation.responsesOnly(SecmasterApi.SPEC)).header("X-Auth-Token", token)
                    .get(tenant.workflows()), 401, "APIG.0301");
        }
    }

}
