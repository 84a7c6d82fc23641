package io.workflowversions.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.workflowversions.config.ServiceConfig;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Issues and verifies the service's JWTs. Every instance configured with the same key accepts the others' tokens.
 * A token names its credential and dialect; a dialect accepts only its own tokens.
 */
@ApplicationScoped
public class TokenService {

    public static final String DIALECT_CLAIM = "dialect";
    private static final String TENANT_CLAIM = "tenant";
    private static final String ROLE_CLAIM = "role";
    private static final int VERIFIED_TOKENS = 4096;

    private final ServiceKeys keys;
    private final String issuer;
    private final JWTParser parser;
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(VERIFIED_TOKENS).expireAfterWrite(Duration.ofHours(1)).build();

    /** With the SmallRye JWT extension's parser, configured by the {@code mp.jwt.verify} properties. */
    @Inject
    TokenService(ServiceKeys keys, ServiceConfig config, JWTParser parser) {
        this.keys = keys;
        this.issuer = config.jwt().issuer();
        this.parser = parser;
    }

    /** Outside the application (tests of several instances' keys): the same checks, the issuer given. */
    public TokenService(ServiceKeys keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
        JWTAuthContextInfo context = new JWTAuthContextInfo(keys.verificationKey(), issuer);
        context.setExpGracePeriodSecs(0);
        this.parser = new DefaultJWTParser(context);
    }

    /** A signed token for the principal, valid for {@code lifetime}, with the dialect's extra claims. */
    public IssuedToken issue(Principal principal, Duration lifetime, Map<String, Object> claims) {
        long issuedAt = System.currentTimeMillis() / 1000;
        long expiresAt = issuedAt + lifetime.toSeconds();
        JwtClaimsBuilder builder = Jwt.issuer(issuer)
                .subject(principal.credentialId().toString())
                .issuedAt(issuedAt)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .claim(DIALECT_CLAIM, principal.dialect())
                .claim(TENANT_CLAIM, principal.tenant())
                .claim(ROLE_CLAIM, principal.role().wireName());
        claims.forEach(builder::claim);
        return new IssuedToken(builder.jws().sign(keys.signingKey()), issuedAt, expiresAt);
    }

    /**
     * The token's claims when it is ours, unexpired and of this dialect; else UNAUTHENTICATED. A token whose signature
     * was checked once is remembered until it expires (a signature never becomes invalid; whether its credential still
     * exists is the caller's check).
     */
    public JsonWebToken verify(String token, String dialect) {
        JsonWebToken jwt = verified.getIfPresent(token);
        if (jwt == null || jwt.getExpirationTime() <= System.currentTimeMillis() / 1000) {
            jwt = parse(token);
            verified.put(token, jwt);
        }
        if (!dialect.equals(jwt.getClaim(DIALECT_CLAIM))) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "The token was not issued for this API");
        }
        return jwt;
    }

    private JsonWebToken parse(String token) {
        try {
            return parser.verify(token, keys.verificationKey());
        } catch (ParseException e) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "The token is invalid or expired");
        }
    }

    public static UUID credentialId(JsonWebToken jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    /** A token and its validity, in epoch seconds. */
    public record IssuedToken(String token, long issuedAt, long expiresAt) {
    }
}
