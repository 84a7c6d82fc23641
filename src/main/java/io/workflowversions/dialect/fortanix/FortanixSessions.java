package io.workflowversions.dialect.fortanix;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import io.workflowversions.security.Principal;
import io.workflowversions.store.ChangeTopics;
import io.workflowversions.store.ReadCache;
import io.workflowversions.clock.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Opens, finds, changes and ends sessions. Every instance sees the same rows, so a terminate acts everywhere. */
@ApplicationScoped
public class FortanixSessions implements PanacheRepositoryBase<FortanixSession, UUID> {

    private final ReadCache cache;

    FortanixSessions(ReadCache cache) {
        this.cache = cache;
    }

    /** Idle lifetime of a session; a refresh starts it again. */
    static final Duration IDLE = Duration.ofHours(24);
    /** Lifetime of the bearer token; no session outlives its token. */
    static final Duration TOKEN = Duration.ofDays(7);
    /** Ended or expired sessions are kept this long, then removed at a later login. */
    private static final Duration KEEP = Duration.ofDays(1);

    static final String EXPIRED = "The session has expired or was terminated; log in again";

    /** A new session for the user, with the user's account selected when it is a valid account id. */
    @WithTransaction
    public Uni<FortanixSession> open(UUID id, Principal user, Instant tokenExpiresAt) {
        FortanixSession session = new FortanixSession();
        session.id = id;
        session.credentialId = user.credentialId();
        session.selectedAccount = Accounts.accountOf(user).map(UUID::toString).orElse(null);
        Instant now = now(session);
        session.createdAt = now;
        session.tokenExpiresAt = tokenExpiresAt;
        session.expiresAt = earlier(now.plus(IDLE), tokenExpiresAt);
        return delete("expiresAt < ?1 or endedAt < ?1", now.minus(KEEP))
                .chain(() -> persist(session));
    }

    /**
     * The active session with this id, or UNAUTHENTICATED. Answered from the read cache when it can be (every change
     * to a session is named in the change log, see migration V90); expiry is checked at each use.
     */
    public Uni<FortanixSession> active(UUID id) {
        return cache.read(new CachedSession(id), () -> Panache.withSession(() -> findById(id))
                        .map(session -> session == null ? null : new ReadCache.Loaded<>(ChangeTopics.session(session.id), session)))
                .map(FortanixSessions::mustBeActive);
    }

    private record CachedSession(UUID id) {
    }

    @WithTransaction
    public Uni<FortanixSession> select(UUID id, String account) {
        return lockedActive(id).invoke(session -> session.selectedAccount = account);
    }

    @WithTransaction
    public Uni<FortanixSession> refresh(UUID id) {
        return lockedActive(id).invoke(session -> session.expiresAt = earlier(now(session).plus(IDLE),
                session.tokenExpiresAt));
    }

    @WithTransaction
    public Uni<Void> end(UUID id) {
        return lockedActive(id).invoke(session -> session.endedAt = now(session)).replaceWithVoid();
    }

    private Uni<FortanixSession> lockedActive(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE).map(FortanixSessions::mustBeActive);
    }

    private static FortanixSession mustBeActive(FortanixSession session) {
        if (session == null || !session.activeAt(now(session))) {
            throw new ApiException(FailureKind.UNAUTHENTICATED, EXPIRED);
        }
        return session;
    }

    /**
     * By the clock of the session's account: sessions are checked while the request is authenticated, before it is
     * known to be the account's.
     */
    private static Instant now(FortanixSession session) {
        return ServiceClock.now(FortanixPaths.DIALECT, session.selectedAccount).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
