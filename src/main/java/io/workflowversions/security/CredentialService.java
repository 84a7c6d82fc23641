package io.workflowversions.security;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.Failure;
import io.workflowversions.http.FailureKind;
import io.workflowversions.store.ChangeTopics;
import io.workflowversions.store.ReadCache;
import io.workflowversions.store.StoreException;
import io.workflowversions.store.VersionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creates, lists and deletes credentials, and authenticates callers against them. */
@ApplicationScoped
public class CredentialService {

    private static final String UNAUTHENTICATED = "Invalid credentials";
    static final String TOO_MANY_FAILURES = "Too many failed login attempts; try again later";

    private final CredentialRepository credentials;
    private final SecretProtection secrets;
    private final Vertx vertx;
    private final LoginThrottle throttle;
    private final ReadCache cache;

    CredentialService(CredentialRepository credentials, SecretProtection secrets, Vertx vertx, LoginThrottle throttle,
            ReadCache cache) {
        this.credentials = credentials;
        this.cache = cache;
        this.secrets = secrets;
        this.vertx = vertx;
        this.throttle = throttle;
    }

    /** Stores a credential; an existing user name, access key or API key of the same dialect fails with CONFLICT. */
    @WithTransaction
    public Uni<Credential> create(NewCredential spec) {
        checkShape(spec);
        return protect(spec)
                .call(this::ensureUnique)
                .call(credentials::persist);
    }

    @WithSession
    public Uni<List<Credential>> list(Optional<String> dialect, Optional<String> tenant) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        dialect.ifPresent(d -> {
            query.append(" and dialect = :dialect");
            params.and("dialect", d);
        });
        tenant.ifPresent(t -> {
            query.append(" and tenant = :tenant");
            params.and("tenant", t);
        });
        return credentials.list(query.toString(), Sort.descending("createdAt").and("id"), params);
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return credentials.deleteById(id)
                .flatMap(deleted -> deleted ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(StoreException.notFound("credential " + id)));
    }

    /** Deletes every credential of one tenant of a dialect (their sessions go with them); how many there were. */
    @WithTransaction
    public Uni<Long> deleteTenant(String dialect, String tenant) {
        return credentials.delete("dialect = ?1 and tenant = ?2", dialect, tenant);
    }

    /** Whether a credential with this user name or access key exists (for idempotent seeding). */
    @WithSession
    public Uni<Boolean> exists(String dialect, CredentialType type, String identifier) {
        String field = type == CredentialType.ACCESS_KEY ? "accessKey" : "username";
        return credentials.count("dialect = ?1 and " + field + " = ?2", dialect, identifier).map(n -> n > 0);
    }

    // ---- authentication -------------------------------------------------------------------------------------

    /**
     * The user with this name and password, or UNAUTHENTICATED (the same answer for an unknown user). A user with
     * too many recent failures is refused without the password being checked (see {@link LoginThrottle}).
     */
    @WithSession
    public Uni<Principal> authenticatePassword(String dialect, String username, String password) {
        return throttle.blocked(dialect, username).flatMap(blocked -> {
            if (blocked) {
                return Uni.createFrom().failure(new ApiException(FailureKind.UNAUTHENTICATED, TOO_MANY_FAILURES));
            }
            return credentials.find("dialect = ?1 and lower(username) = lower(?2) and type = ?3",
                            dialect, username, CredentialType.PASSWORD.wireName())
                    .firstResult()
                    .flatMap(credential -> blocking(() -> credential != null
                            && secrets.passwordMatches(password, credential.secretHash) ? credential.principal() : null))
                    .call(principal -> principal == null ? throttle.failed(dialect, username)
                            : throttle.succeeded(dialect, username))
                    .onItem().ifNull().failWith(() -> new ApiException(FailureKind.UNAUTHENTICATED, UNAUTHENTICATED));
        });
    }

    /**
     * The owner of this API key, or UNAUTHENTICATED. Answered from the read cache when it can be: a deleted credential
     * empties it on every instance.
     */
    public Uni<Principal> authenticateApiKey(String dialect, String apiKey) {
        String digest = secrets.digestApiKey(apiKey);
        return cache.read(new ApiKeyOwner(dialect, digest), () -> Panache.withSession(() -> credentials
                        .find("dialect = ?1 and type = ?2 and secretHash = ?3", dialect, CredentialType.API_KEY.wireName(), digest)
                        .firstResult()
                        .map(credential -> credential == null ? null
                                : new ReadCache.Loaded<>(ChangeTopics.credential(credential.id), credential.principal()))))
                .onItem().ifNull().failWith(() -> new ApiException(FailureKind.UNAUTHENTICATED, UNAUTHENTICATED));
    }

    private record ApiKeyOwner(String dialect, String digest) {
    }

    /** The secret key behind an access key id, for checking a request signature; UNAUTHENTICATED when unknown. */
    @WithSession
    public Uni<SigningSecret> signingSecret(String dialect, String accessKey) {
        return credentials.find("dialect = ?1 and type = ?2 and accessKey = ?3",
                        dialect, CredentialType.ACCESS_KEY.wireName(), accessKey)
                .firstResult()
                .onItem().ifNull().failWith(() -> new ApiException(FailureKind.UNAUTHENTICATED, UNAUTHENTICATED))
                .map(credential -> new SigningSecret(credential.principal(), secrets.unseal(credential.secretSealed)));
    }

    /**
     * The principal of a credential that still exists: tokens of a deleted credential stop working at once (the read
     * cache this is answered from is emptied on every instance when a credential is deleted).
     */
    public Uni<Principal> principal(UUID credentialId) {
        return cache.read(new CredentialOwner(credentialId), () -> Panache.withSession(() -> credentials.findById(credentialId)
                        .map(credential -> credential == null ? null
                                : new ReadCache.Loaded<>(ChangeTopics.credential(credential.id), credential.principal()))))
                .onItem().ifNull().failWith(() -> new ApiException(FailureKind.UNAUTHENTICATED, UNAUTHENTICATED));
    }

    private record CredentialOwner(UUID credentialId) {
    }

    private static void checkShape(NewCredential spec) {
        boolean password = spec.type() == CredentialType.PASSWORD;
        boolean accessKey = spec.type() == CredentialType.ACCESS_KEY;
        if (password != (spec.username() != null)) {
            throw new ApiException(Failure.invalid("username", password
                    ? "is required for a password credential" : "is only allowed for a password credential"));
        }
        if (accessKey != (spec.accessKey() != null)) {
            throw new ApiException(Failure.invalid("access_key", accessKey
                    ? "is required for an access_key credential" : "is only allowed for an access_key credential"));
        }
    }

    /** Builds the entity; bcrypt runs on a worker thread and the pipeline comes back to the caller's context. */
    private Uni<Credential> protect(NewCredential spec) {
        return blocking(() -> {
            Credential credential = new Credential();
            credential.id = UUID.randomUUID();
            credential.dialect = spec.dialect();
            credential.type = spec.type().wireName();
            credential.username = spec.username();
            credential.accessKey = spec.accessKey();
            credential.tenant = spec.tenant();
            credential.subTenant = spec.subTenant();
            credential.role = spec.role().wireName();
            credential.displayName = spec.displayName();
            credential.createdAt = VersionStore.now();
            switch (spec.type()) {
                case PASSWORD -> credential.secretHash = secrets.hashPassword(spec.secret());
                case API_KEY -> credential.secretHash = secrets.digestApiKey(spec.secret());
                case ACCESS_KEY -> credential.secretSealed = secrets.seal(spec.secret());
            }
            return credential;
        });
    }

    private Uni<Void> ensureUnique(Credential credential) {
        Uni<Long> clashes = switch (CredentialType.fromWire(credential.type)) {
            case PASSWORD -> credentials.count("dialect = ?1 and lower(username) = lower(?2)",
                    credential.dialect, credential.username);
            case ACCESS_KEY -> credentials.count("dialect = ?1 and accessKey = ?2", credential.dialect, credential.accessKey);
            case API_KEY -> credentials.count("dialect = ?1 and type = ?2 and secretHash = ?3",
                    credential.dialect, credential.type, credential.secretHash);
        };
        return clashes.flatMap(n -> n == 0 ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ApiException(FailureKind.CONFLICT,
                        "A " + credential.type + " credential with the same identity already exists for " + credential.dialect)));
    }

    private <T> Uni<T> blocking(java.util.function.Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(work), false);
    }
}
