package io.workflowversions.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key handling and tokens, without the service: what several instances need to agree on. */
class ServiceKeysAndTokensTest {

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    private static final Principal ALICE = new Principal(UUID.randomUUID(), "fortanix", CredentialType.PASSWORD, "alice",
            "acct-1", "", Role.WRITER, "Alice");

    @Test
    void twoInstancesConfiguredWithTheSameKeyAcceptEachOthersTokens() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        String privatePem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        String credentialKey = Base64.getEncoder().encodeToString(new byte[32]);

        TokenService instanceA = new TokenService(new ServiceKeys(dataA, Optional.of(privatePem), Optional.empty(),
                Optional.of(credentialKey)), "workflow-versions");
        TokenService instanceB = new TokenService(new ServiceKeys(dataB, Optional.of(privatePem), Optional.empty(),
                Optional.of(credentialKey)), "workflow-versions");

        TokenService.IssuedToken token = instanceA.issue(ALICE, Duration.ofHours(1), Map.of("account", "acct-1"));
        JsonWebToken verified = instanceB.verify(token.token(), "fortanix");

        assertThat(TokenService.credentialId(verified)).isEqualTo(ALICE.credentialId());
        assertThat((String) verified.getClaim("account")).isEqualTo("acct-1");
        assertThat(token.expiresAt() - token.issuedAt()).isEqualTo(3600);
        assertThat(Files.exists(dataA.resolve("keys"))).as("configured keys write nothing").isFalse();
    }

    @Test
    void instancesWithDifferentKeysRejectEachOthersTokens() {
        TokenService instanceA = new TokenService(development(dataA), "workflow-versions");
        TokenService instanceB = new TokenService(development(dataB), "workflow-versions");

        String token = instanceA.issue(ALICE, Duration.ofHours(1), Map.of()).token();

        assertUnauthenticated(() -> instanceB.verify(token, "fortanix"));
    }

    @Test
    void theDevelopmentKeyIsGeneratedOnceAndKeptUnderTheDataDirectory() {
        ServiceKeys first = development(dataA);
        ServiceKeys second = development(dataA);

        assertThat(second.signingKey()).isEqualTo(first.signingKey());
        assertThat(second.credentialKey()).isEqualTo(first.credentialKey());
        assertThat(dataA.resolve("keys/jwt-private.pem")).exists();
        String token = new TokenService(first, "workflow-versions").issue(ALICE, Duration.ofMinutes(5), Map.of()).token();
        assertThat(new TokenService(second, "workflow-versions").verify(token, "fortanix").getSubject())
                .isEqualTo(ALICE.credentialId().toString());
    }

    @Test
    void aTokenOfAnotherDialectIsRefused() {
        TokenService tokens = new TokenService(development(dataA), "workflow-versions");
        String token = tokens.issue(ALICE, Duration.ofHours(1), Map.of()).token();

        assertUnauthenticated(() -> tokens.verify(token, "patchworks"));
    }

    @Test
    void expiredAndTamperedTokensAreRefused() {
        TokenService tokens = new TokenService(development(dataA), "workflow-versions");
        String expired = tokens.issue(ALICE, Duration.ofSeconds(-10), Map.of()).token();
        String valid = tokens.issue(ALICE, Duration.ofHours(1), Map.of()).token();
        String[] parts = valid.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"writer\"", "\"admin\"").getBytes());

        assertUnauthenticated(() -> tokens.verify(expired, "fortanix"));
        assertUnauthenticated(() -> tokens.verify(parts[0] + "." + forgedPayload + "." + parts[2], "fortanix"));
        assertUnauthenticated(() -> tokens.verify("not-a-token", "fortanix"));
    }

    @Test
    void aShortCredentialKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new ServiceKeys(dataA, Optional.empty(), Optional.empty(),
                Optional.of(Base64.getEncoder().encodeToString(new byte[8]))))
                .hasMessageContaining("at least 32 bytes");
    }

    private static ServiceKeys development(Path dir) {
        return new ServiceKeys(dir, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void assertUnauthenticated(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.failure().kind()).isEqualTo(FailureKind.UNAUTHENTICATED));
    }
}
