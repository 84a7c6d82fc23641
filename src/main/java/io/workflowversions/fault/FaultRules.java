package io.workflowversions.fault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.workflowversions.admin.api.model.FaultRuleRequest;
import io.workflowversions.store.ChangeTopics;
import io.workflowversions.store.ControlChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The fault rules (migration V100), kept in the database for every instance and in memory for the injector. The
 * rules in force are read again whenever the change log names {@link ChangeTopics#FAULTS} (a change by any
 * instance) and at once after a change through this one.
 */
@ApplicationScoped
public class FaultRules {

    private static final Logger LOG = Logger.getLogger(FaultRules.class);
    private static final String COLUMNS = "id, rule, remaining, created_at";
    private static final String IN_FORCE = "select " + COLUMNS + " from fault_rule where (remaining is null or remaining > 0)"
            + " and (expires_at is null or expires_at > now()) order by seq";
    private static final String SCOPED = "($1::text is null or dialect = $1) and ($2::text is null or rule->>'tenant' = $2)";

    /** A stored rule: as it was created, with its id, times left and creation time. */
    public record Stored(UUID id, FaultRuleRequest rule, Integer remaining, OffsetDateTime createdAt) {
    }

    private final Pool pool;
    private final ObjectMapper mapper;
    private final FaultRuleCompiler compiler;
    private final AtomicLong loads = new AtomicLong();
    private volatile List<FaultRule> inForce = List.of();

    FaultRules(Pool pool, ObjectMapper mapper, FaultRuleCompiler compiler) {
        this.pool = pool;
        this.mapper = mapper;
        this.compiler = compiler;
    }

    /** The rules that may apply, oldest first; empty most of the time, and then the injector does nothing. */
    List<FaultRule> inForce() {
        return inForce;
    }

    void start(@Observes StartupEvent started) {
        reload().subscribe().with(loaded -> { }, failure -> { });
    }

    void changed(@Observes ControlChanged change) {
        if (change.concerns(ChangeTopics.FAULTS)) {
            reload().subscribe().with(loaded -> { }, failure -> { });
        }
    }

    /** Reads the rules in force; of several reloads under way, the one that began last wins. */
    Uni<Void> reload() {
        long load = loads.incrementAndGet();
        return pool.query(IN_FORCE).execute()
                .map(rows -> {
                    List<FaultRule> rules = new ArrayList<>();
                    for (Row row : rows) {
                        Stored stored = stored(row);
                        rules.add(compiler.compile(stored.id(), stored.rule(), stored.remaining() != null));
                    }
                    return rules;
                })
                .invoke(rules -> {
                    if (load == loads.get()) {
                        inForce = List.copyOf(rules);
                        LOG.debugf("%d fault rules in force", rules.size());
                    }
                })
                .onFailure().invoke(failure -> LOG.warnf("Fault rules not read (%s); the previous ones stay in force",
                        failure.getMessage()))
                .replaceWithVoid();
    }

    public Uni<Stored> create(FaultRuleRequest rule) {
        UUID id = UUID.randomUUID();
        OffsetDateTime expires = rule.getExpiresAt();
        return pool.preparedQuery("insert into fault_rule (id, dialect, rule, remaining, expires_at)"
                        + " values ($1, $2, $3, $4, $5) returning " + COLUMNS)
                .execute(Tuple.of(id, rule.getDialect().toString(), new JsonObject(json(rule)), rule.getTimes(),
                        expires == null ? null : expires.withOffsetSameInstant(ZoneOffset.UTC)))
                .map(rows -> stored(rows.iterator().next()))
                .call(this::reload);
    }

    public Uni<List<Stored>> list(Optional<String> dialect, Optional<String> tenant) {
        return pool.preparedQuery("select " + COLUMNS + " from fault_rule where " + SCOPED + " order by seq")
                .execute(Tuple.of(dialect.orElse(null), tenant.orElse(null)))
                .map(rows -> {
                    List<Stored> stored = new ArrayList<>();
                    rows.forEach(row -> stored.add(stored(row)));
                    return stored;
                });
    }

    /** Whether there was such a rule. */
    public Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("delete from fault_rule where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0)
                .call(this::reload);
    }

    /** How many rules were deleted. */
    public Uni<Integer> clear(Optional<String> dialect, Optional<String> tenant) {
        return pool.preparedQuery("delete from fault_rule where " + SCOPED)
                .execute(Tuple.of(dialect.orElse(null), tenant.orElse(null)))
                .map(RowSet::rowCount)
                .call(this::reload);
    }

    /** Takes one of a limited rule's times; false when another request took the last one first. */
    Uni<Boolean> take(UUID id) {
        return pool.preparedQuery("update fault_rule set remaining = remaining - 1 where id = $1 and remaining > 0")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() > 0);
    }

    private Stored stored(Row row) {
        try {
            FaultRuleRequest rule = mapper.readValue(row.getJsonObject("rule").encode(), FaultRuleRequest.class);
            return new Stored(row.getUUID("id"), rule, row.getInteger("remaining"), row.getOffsetDateTime("created_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Fault rule " + row.getUUID("id") + " cannot be read", e);
        }
    }

    private String json(FaultRuleRequest rule) {
        try {
            return mapper.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
