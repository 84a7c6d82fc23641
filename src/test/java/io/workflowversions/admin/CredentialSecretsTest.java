package io.workflowversions.admin;

import static io.workflowversions.admin.AdminApiTest.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.CredentialService;
import io.workflowversions.security.Principal;
import io.workflowversions.support.Sql;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Credentials made through the admin API are stored only as hashes or sealed, yet verify: checked with the service's
 * own credential service in process, so this class runs in the JVM suite only.
 */
@QuarkusTest
class CredentialSecretsTest {

    @Inject
    CredentialService credentialService;

    @Test
    void secretsCannotBeReadBackFromTheDatabaseButStillVerify() {
        String tenant = "proj-" + UUID.randomUUID();
        String password = "pw-" + UUID.randomUUID();
        String apiKey = "key-" + UUID.randomUUID();
        String secretKey = "sk-" + UUID.randomUUID();
        String accessKey = "AK" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        create("secmaster", "password", Map.of("username", "user-" + tenant, "secret", password), tenant);
        create("frankieone", "api_key", Map.of("secret", apiKey), tenant);
        create("secmaster", "access_key", Map.of("access_key", accessKey, "secret", secretKey), tenant);

        String everything = Sql.rows("select row_to_json(c)::text as row from credential c where tenant = ?", tenant)
                .stream().map(r -> r.get("row").toString()).reduce("", String::concat);
        for (String secret : List.of(password, apiKey, secretKey)) {
            assertThat(everything).doesNotContain(secret);
            assertThat(everything).doesNotContain(java.util.Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(Sql.rows("select secret_hash from credential where tenant = ? and type = 'password'", tenant)
                .get(0).get("secret_hash").toString()).startsWith("$2");

        Principal user = await(() -> credentialService.authenticatePassword("secmaster", "USER-" + tenant, password));
        Principal keyOwner = await(() -> credentialService.authenticateApiKey("frankieone", apiKey));
        byte[] unsealed = await(() -> credentialService.signingSecret("secmaster", accessKey)).secretKey();
        assertThat(user.tenant()).isEqualTo(tenant);
        assertThat(keyOwner.tenant()).isEqualTo(tenant);
        assertThat(new String(unsealed, StandardCharsets.UTF_8)).isEqualTo(secretKey);
        assertThat(failsWith401(() -> credentialService.authenticatePassword("secmaster", "user-" + tenant, "wrong"))).isTrue();
        assertThat(failsWith401(() -> credentialService.authenticateApiKey("frankieone", apiKey + "x"))).isTrue();
        assertThat(failsWith401(() -> credentialService.authenticateApiKey("patchworks", apiKey))).isTrue();
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean failsWith401(Supplier<Uni<?>> work) {
        try {
            await(work::get);
            return false;
        } catch (ApiException e) {
            return e.failure().kind() == FailureKind.UNAUTHENTICATED;
        }
    }
}
