package io.workflowversions.reliability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.workflowversions.security.ServiceKeys;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Forged and stale credentials are refused by every dialect that accepts them, in the dialect's 401 envelope; a
 * control request proves that the forging itself produces otherwise valid tokens. AK/SK signatures with a wrong
 * secret, a stale date or a changed body are covered by the SecMaster auth test with the vendor's own signer.
 */
@QuarkusTest
class AuthenticationAttacksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ServiceKeys keys;

    /** A dialect whose tokens are JWTs: how to get one, how to use one, and what its refusal looks like. */
    private record TokenDialect(String name, Supplier<String> login, Function<String, Response> read) {
    }

    private List<TokenDialect> tokenDialects() {
        Tenants fortanix = Tenants.fortanix();
        Tenants secmaster = Tenants.secmaster();
        Tenants patchworks = Tenants.patchworks();
        return List.of(
                new TokenDialect("fortanix", () -> fortanix.auth().get("Authorization").substring("Bearer ".length()),
                        token -> given().header("Authorization", "Bearer " + token).get("/v1/workflows/final/graphs")),
                new TokenDialect("secmaster", () -> secmaster.auth().get("X-Auth-Token"),
                        token -> given().header("X-Auth-Token", token).get(secmaster.values().get("workflows"))),
                new TokenDialect("patchworks", () -> patchworks.auth().get("Authorization").substring("Bearer ".length()),
                        token -> given().header("Authorization", "Bearer " + token).get("/api/v1/flows")));
    }

    @Test
    void forgedExpiredAndTamperedJwtsAreRefusedByEveryDialect() throws Exception {
        PrivateKey otherKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        long now = System.currentTimeMillis() / 1000;
        for (TokenDialect dialect : tokenDialects()) {
            String token = dialect.login().get();
            ObjectNode claims = payload(token);
            // Control: the same claims signed with the service's key are accepted.
            assertThat(dialect.read().apply(sign(claims, keys.signingKey())).statusCode()).as(dialect.name()).isEqualTo(200);

            Map<String, String> attacks = new LinkedHashMap<>();
            attacks.put("alg none", unsigned(claims));
            attacks.put("alg none with the original signature", unsigned(claims) + token.substring(token.lastIndexOf('.') + 1));
            attacks.put("signed with another key", sign(claims, otherKey));
            attacks.put("HS256 with the public key", Jwt.claims(map(claims)).jws().algorithm(SignatureAlgorithm.HS256)
                    .sign(new SecretKeySpec(keys.verificationKey().getEncoded(), "HmacSHA256")));
            attacks.put("HS256 with the public key's PEM", Jwt.claims(map(claims)).jws().algorithm(SignatureAlgorithm.HS256)
                    .sign(new SecretKeySpec(pem(keys.verificationKey().getEncoded()), "HmacSHA256")));
            attacks.put("expired", sign(with(claims, "iat", now - 7200, "exp", now - 3600), keys.signingKey()));
            attacks.put("not yet valid", sign(with(claims, "nbf", now + 3600), keys.signingKey()));
            attacks.put("issued in the future", sign(with(claims, "iat", now + 3600, "nbf", now + 3600), keys.signingKey()));
            attacks.put("wrong issuer", sign(with(claims, "iss", "someone-else"), keys.signingKey()));
            attacks.put("another dialect", sign(with(claims, "dialect", dialect.name().equals("patchworks") ? "fortanix" : "patchworks"),
                    keys.signingKey()));
            attacks.put("tampered tenant", tamper(token, with(claims, "tenant", "another-tenant")));
            attacks.put("tampered role", tamper(token, with(claims, "role", "admin".equals(claims.path("role").asText()) ? "reader" : "admin")));
            attacks.put("tampered expiry", tamper(token, with(claims, "exp", now + 10 * 365 * 24 * 3600L)));
            attacks.put("unknown credential", sign(with(claims, "sub", UUID.randomUUID().toString()), keys.signingKey()));
            attacks.put("truncated signature", token.substring(0, token.length() - 10));
            attacks.put("garbage", "not.a.jwt");
            attacks.forEach((attack, forged) -> {
                assertThat(forged).as(attack).isNotEqualTo(token);
                Response answer = dialect.read().apply(forged);
                assertThat(answer.statusCode()).as(dialect.name() + ": " + attack).isEqualTo(401);
                assertRefusal(dialect.name(), answer);
            });
        }
    }

    @Test
    void apiKeysOfADeletedCredentialAreRefused() {
        Tenants frankie = Tenants.frankieone();
        given().headers(frankie.auth()).get("/v2/workflowDefinitions").then().statusCode(200);
        Tenants.deleteCredential(frankie.credentialId());
        Response refused = given().headers(frankie.auth()).get("/v2/workflowDefinitions");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.<String>path("errorCode")).isEqualTo("AUTH-0002");

        Tenants patchworks = Tenants.patchworks();
        String key = patchworks.values().get("apiKey");
        given().header("Authorization", key).get("/api/v1/flows").then().statusCode(200);
        Tenants.deleteCredential(patchworks.credentialId());
        Response gone = given().header("Authorization", key).get("/api/v1/flows");
        assertThat(gone.statusCode()).isEqualTo(401);
        assertThat(gone.<String>path("message")).isEqualTo("Unauthenticated.");
    }

    // ---- login brute force ------------------------------------------------------------------------------------

    /** A login path: how to log in with a name and password, answering the status. */
    private record Login(String dialect, Function<String[], Response> attempt) {
    }

    private static List<Login> logins(String project) {
        return List.of(
                new Login("fortanix", up -> given().auth().preemptive().basic(up[0], up[1]).post("/v1/sys/auth")),
                new Login("secmaster", up -> given().contentType(ContentType.JSON)
                        .body(Tenants.secmasterTokenBody(up[0], up[1], project)).post("/v3/auth/tokens")),
                new Login("patchworks", up -> given().contentType(ContentType.JSON)
                        .body(Map.of("username", up[0], "password", up[1])).post("/fabric/api/login")));
    }

    @Test
    void afterTenFailuresWithinAMinuteEvenTheRightPasswordIsRefusedUntilTheCoolingPeriodEnds() {
        String project = UUID.randomUUID().toString().replace("-", "");
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.workflowversions.security.LoginThrottle");
        logger.addHandler(capture);
        try {
            for (Login login : logins(project)) {
                String user = "brute-" + UUID.randomUUID().toString().substring(0, 8) + "@" + login.dialect() + ".test";
                String bystander = "bystander-" + UUID.randomUUID().toString().substring(0, 8) + "@" + login.dialect() + ".test";
                for (String name : List.of(user, bystander)) {
                    Tenants.credential(login.dialect(), Map.of("type", "password", "username", name,
                            "secret", Tenants.PASSWORD, "tenant", login.dialect().equals("fortanix") ? UUID.randomUUID().toString() : project));
                }
                String[] right = {user, Tenants.PASSWORD};
                assertThat(login.attempt().apply(right).statusCode()).as(login.dialect()).isBetween(200, 201);
                for (int i = 1; i <= 10; i++) {
                    // The user name's case does not matter: it is one user.
                    String[] wrong = {i % 2 == 0 ? user.toUpperCase() : user, "wrong-" + i};
                    assertThat(login.attempt().apply(wrong).statusCode()).as(login.dialect() + " failure " + i).isEqualTo(401);
                }
                Response refused = login.attempt().apply(right);
                assertThat(refused.statusCode()).as(login.dialect() + ": right password while cooling down").isEqualTo(401);
                assertThat(refused.asString()).as(login.dialect()).doesNotContain("token");
                // Another user of the same API is not affected.
                assertThat(login.attempt().apply(new String[] {bystander, Tenants.PASSWORD}).statusCode())
                        .as(login.dialect() + " bystander").isBetween(200, 201);
                // The database holds the cooling period, so every instance sharing it applies it.
                assertThat(io.workflowversions.support.Sql.count("select count(*) from login_throttle where dialect = ?"
                        + " and username = ? and blocked_until > now()", login.dialect(), user.toLowerCase())).isEqualTo(1);
                synchronized (logged) {
                    assertThat(logged).as(login.dialect()).anyMatch(r -> r.getMessage() != null
                            && String.valueOf(formatted(r)).startsWith("Login refused for user '" + user.toLowerCase() + "'"));
                }
                // The test profile's cooling period is 10 seconds; afterwards the right password works again.
                await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                        .until(() -> login.attempt().apply(right).statusCode() / 100 == 2);
                assertThat(io.workflowversions.support.Sql.count("select count(*) from login_throttle where dialect = ?"
                        + " and username = ?", login.dialect(), user.toLowerCase())).isZero();
            }
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void failuresSpreadOverParallelRequestsAreAllCounted() {
        String user = "parallel-" + UUID.randomUUID().toString().substring(0, 8) + "@patchworks.test";
        Tenants.credential("patchworks", Map.of("type", "password", "username", user, "secret", Tenants.PASSWORD,
                "tenant", "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)));
        var outcomes = io.workflowversions.support.Concurrently.run(10, i -> () -> given().contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", "wrong-" + i)).post("/fabric/api/login").statusCode());
        assertThat(outcomes).allMatch(o -> o.succeeded() && o.value() == 401);
        assertThat(io.workflowversions.support.Sql.count("select failures from login_throttle where dialect = 'patchworks'"
                + " and username = ?", user)).isEqualTo(10);
        given().contentType(ContentType.JSON).body(Map.of("username", user, "password", Tenants.PASSWORD))
                .post("/fabric/api/login").then().statusCode(401);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        if (parameters == null) {
            return message;
        }
        try {
            return String.format(message, parameters);
        } catch (RuntimeException e) {
            return message + " " + java.util.Arrays.toString(parameters);
        }
    }

    private static void assertRefusal(String dialect, Response answer) {
        switch (dialect) {
            case "fortanix" -> assertThat(answer.contentType()).startsWith("text/plain");
            case "secmaster" -> assertThat(answer.<String>path("error_code")).isEqualTo("APIG.0301");
            case "patchworks" -> assertThat(answer.<String>path("message")).isEqualTo("Unauthenticated.");
            default -> throw new IllegalArgumentException(dialect);
        }
    }

    private static ObjectNode payload(String token) throws Exception {
        return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static ObjectNode with(ObjectNode claims, Object... pairs) {
        ObjectNode copy = claims.deepCopy();
        for (int i = 0; i < pairs.length; i += 2) {
            copy.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(ObjectNode claims) {
        return JSON.convertValue(claims, Map.class);
    }

    private static String sign(ObjectNode claims, PrivateKey key) {
        return Jwt.claims(map(claims)).jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    private static String unsigned(ObjectNode claims) throws Exception {
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64(JSON.writeValueAsBytes(claims)) + ".";
    }

    /** The original header and signature around a changed payload. */
    private static String tamper(String token, ObjectNode claims) {
        String[] parts = token.split("\\.");
        try {
            return parts[0] + "." + base64(JSON.writeValueAsBytes(claims)) + "." + parts[2];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] pem(byte[] der) {
        return ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }
}
