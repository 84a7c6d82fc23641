package io.workflowversions.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.workflowversions.clock.ServiceClock;
import io.workflowversions.config.ServiceConfig;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;
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
    /**
     * The parser's allowance for expiry and not-before, as {@code mp.jwt.verify.clock.skew}: wide, because a token's
     * times are by the service's clock, which a test suite may have moved up to 50 years ({@code clock.Clocks}), and
     * {@link #verify} checks them against that clock.
     */
    public static final int PARSER_CLOCK_SKEW_SECONDS = 2_000_000_000;

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
        context.setExpGracePeriodSecs(PARSER_CLOCK_SKEW_SECONDS);
        this.parser = new DefaultJWTParser(context);
    }

    /** A signed token for the principal, valid for {@code lifetime} by its tenant's clock, with the dialect's extra claims. */
    public IssuedToken issue(Principal principal, Duration lifetime, Map<String, Object> claims) {
        long issuedAt = ServiceClock.now(principal.dialect(), principal.tenant()).getEpochSecond();
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
     * The token's claims when it is ours, valid now by its tenant's clock, and of this dialect; else UNAUTHENTICATED.
     * A token whose signature was checked once is remembered (a signature never becomes invalid; whether its
     * credential still exists is the caller's check); its times are checked at every use.
     */
    public JsonWebToken verify(String token, String dialect) {
        JsonWebToken jwt = verified.getIfPresent(token);
        if (jwt == null) {
            jwt = parse(token);
            verified.put(token, jwt);
        }
        if (!dialect.equals(jwt.getClaim(DIALECT_CLAIM))) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "The token was not issued for this API");
        }
        long now = ServiceClock.now(dialect, jwt.getClaim(TENANT_CLAIM)).getEpochSecond();
        if (jwt.getExpirationTime() <= now || seconds(jwt.getClaim(Claims.nbf.name())) > now) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, "The token is invalid or expired");
        }
        return jwt;
    }

    private static long seconds(Object claim) {
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return claim instanceof Number number ? number.longValue() : Long.MIN_VALUE;
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
