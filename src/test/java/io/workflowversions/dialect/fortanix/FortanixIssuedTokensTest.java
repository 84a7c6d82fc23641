package io.workflowversions.dialect.fortanix;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
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
 * Tokens the service itself signed but must still refuse (expired, for another dialect, for no session): issued in
 * process with the service's own token service, so this class runs in the JVM suite only.
 */
@QuarkusTest
class FortanixIssuedTokensTest {

    private static final String SPEC = FortanixClient.SPEC;

    @Inject
    TokenService tokens;

    @Test
    void everyOtherCallNeedsAValidBearerToken() {
        FortanixClient user = FortanixClient.user("writer");
        String path = "/v1/workflows/final/graphs";
        Principal principal = new Principal(UUID.fromString(user.credentialId), "fortanix", CredentialType.PASSWORD,
                user.email, user.account, null, Role.WRITER, null);
        String sid = FortanixAuthTest.sessionOf(user);
        String expired = tokens.issue(principal, Duration.ofSeconds(-30), Map.of("sid", sid)).token();
        String otherDialect = tokens.issue(new Principal(principal.credentialId(), "patchworks", CredentialType.PASSWORD,
                user.email, user.account, null, Role.WRITER, null), Duration.ofHours(1), Map.of("sid", sid)).token();
        String noSession = tokens.issue(principal, Duration.ofHours(1), Map.of("sid", UUID.randomUUID().toString())).token();
        String[] parts = user.token.split("\\.");
        String badSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        for (String authorization : new String[] {null, "Bearer", "Basic abc", "Bearer not.a.jwt", "Bearer " + badSignature,
                "Bearer " + expired, "Bearer " + otherDialect, "Bearer " + noSession}) {
            RequestSpecification request = given().filter(SpecValidation.responsesOnly(SPEC));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.get(path).then().statusCode(401).contentType(startsWith("text/plain"))
                    .header("WWW-Authenticate", "Bearer");
        }
        user.call().get(path).then().statusCode(200);
    }

}
