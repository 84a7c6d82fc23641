package io.workflowversions.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.workflowversions.http.ApiException;
import io.workflowversions.http.FailureKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Snapshots of the whole store or of one dialect's tenant (migration V110): every row of the covered tables copied
 * into the table's snapshot table, and written back with its ids by a restore. Each table is copied with one
 * statement, in SQL rather than through the ORM, so that a restore of 10,000 versions takes a few statements, not
 * 10,000 entities.
 */
@ApplicationScoped
public class StoreSnapshots {

    /** What a snapshot holds: rows of each table, by its name in the answer. */
    public record Counts(long workflows, long versions, long schedules, long uploads, long metrics, long credentials) {
    }

    public record Snapshot(UUID id, String dialect, String tenant, boolean credentials, Counts counts,
            OffsetDateTime createdAt) {
    }

    public record Restore(Counts removed, Counts restored) {
    }

    /** A covered table: its name, the rows of the scope ($1 dialect and $2 tenant, both null for everything). */
    private record Table(String name, String rows) {
    }

    private static final String SCOPE = " where ($1::text is null or (w.dialect = $1 and w.tenant = $2))";
    private static final List<Table> TABLES = List.of(
            new Table("workflow", "select w.* from workflow w" + SCOPE),
            new Table("workflow_version", "select v.* from workflow_version v join workflow w on w.id = v.workflow_id" + SCOPE),
            new Table("version_schedule", "select s.* from version_schedule s join workflow_version v on v.id = s.version_id"
                    + " join workflow w on w.id = v.workflow_id" + SCOPE),
            new Table("version_upload", "select s.* from version_upload s join workflow_version v on v.id = s.version_id"
                    + " join workflow w on w.id = v.workflow_id" + SCOPE),
            new Table("version_metric", "select s.* from version_metric s join workflow_version v on v.id = s.version_id"
                    + " join workflow w on w.id = v.workflow_id" + SCOPE));
    private static final Table CREDENTIALS = new Table("credential",
            "select w.* from credential w" + SCOPE);
    /** The sequences a whole-store restore puts back: each table's identity, and the serial of integer ids. */
    private static final String SEQUENCES = "select coalesce(jsonb_object_agg(name, last_value), '{}'::jsonb) from ("
            + " select sequencename as name, last_value from pg_sequences where schemaname = current_schema()"
            + " and sequencename in ('public_serial', 'workflow_id_seq', 'workflow_version_id_seq', 'version_schedule_id_seq',"
            + " 'version_upload_id_seq', 'version_metric_id_seq')) s";
    private static final String COLUMNS = "id, dialect, tenant, credentials, counts, created_at";
    /** Per covered table, the columns its snapshot table has too, in the table's order. */
    private static final String SHARED_COLUMNS = "select t.relname, string_agg(quote_ident(a.attname), ', ' order by a.attnum)"
            + " from pg_class t join pg_attribute a on a.attrelid = t.oid"
            + " where t.relnamespace = current_schema()::regnamespace and t.relname = any($1) and a.attnum > 0"
            + " and not a.attisdropped and exists (select 1 from pg_attribute s where s.attrelid = to_regclass('snapshot_'"
            + " || t.relname) and s.attname = a.attname and not s.attisdropped) group by t.relname";

    private final Pool pool;
    private volatile Map<String, String> sharedColumns;

    StoreSnapshots(Pool pool) {
        this.pool = pool;
    }

    /** Copies the scope (both empty: the whole store) as one consistent view. */
    public Uni<Snapshot> create(Optional<String> dialect, Optional<String> tenant, boolean credentials) {
        UUID id = UUID.randomUUID();
        Tuple scope = Tuple.of(dialect.orElse(null), tenant.orElse(null), id);
        return sharedColumns().chain(columns -> pool.withTransaction(connection -> connection
                .query("set transaction isolation level repeatable read").execute()
                .chain(() -> connection.preparedQuery(dialect.isEmpty() ? SEQUENCES : "select null::jsonb").execute())
                .map(rows -> rows.iterator().next().getValue(0))
                .chain(sequences -> connection.preparedQuery("insert into snapshot (id, dialect, tenant, credentials, sequences,"
                        + " counts) values ($1, $2, $3, $4, $5, '{}')").execute(Tuple.of(id, dialect.orElse(null),
                        tenant.orElse(null), credentials, sequences)))
                .chain(() -> copy(connection, tables(credentials), columns, scope))
                .chain(perTable -> connection.preparedQuery("update snapshot set counts = $2 where id = $1 returning " + COLUMNS)
                        .execute(Tuple.of(id, new JsonObject(json(counts(perTable))))))
                .map(rows -> snapshot(rows.iterator().next()))));
    }

    private static Uni<List<Long>> copy(SqlConnection connection, List<Table> tables, Map<String, String> columns,
            Tuple scope) {
        return Multi.createFrom().iterable(tables)
                .onItem().transformToUniAndConcatenate(table -> connection.preparedQuery("insert into snapshot_" + table.name()
                                + " (snapshot_id, " + columns.get(table.name()) + ") select $3, " + columns.get(table.name())
                                + " from (" + table.rows() + ") r")
                        .execute(scope).map(rows -> (long) rows.rowCount()))
                .collect().asList();
    }

    /** Read once: the columns change only with a migration, which runs before the service starts. */
    private Uni<Map<String, String>> sharedColumns() {
        if (sharedColumns != null) {
            return Uni.createFrom().item(sharedColumns);
        }
        String[] names = tables(true).stream().map(Table::name).toArray(String[]::new);
        return pool.preparedQuery(SHARED_COLUMNS).execute(Tuple.tuple().addArrayOfString(names)).map(rows -> {
            Map<String, String> columns = new LinkedHashMap<>();
            rows.forEach(row -> columns.put(row.getString(0), row.getString(1)));
            if (columns.size() != names.length) {
                throw new IllegalStateException("Snapshot tables missing for some of " + List.of(names) + ": " + columns.keySet());
            }
            sharedColumns = columns;
            return columns;
        });
    }

    public Uni<List<Snapshot>> list() {
        return pool.query("select " + COLUMNS + " from snapshot order by seq").execute().map(rows -> {
            List<Snapshot> snapshots = new ArrayList<>();
            rows.forEach(row -> snapshots.add(snapshot(row)));
            return snapshots;
        });
    }

    /** Whether there was such a snapshot. */
    public Uni<Boolean> delete(UUID id) {
        return pool.preparedQuery("delete from snapshot where id = $1").execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
    }

    /** Puts the snapshot's scope back, in one transaction; NOT_FOUND when there is no such snapshot. */
    public Uni<Restore> restore(UUID id) {
        return sharedColumns().chain(columns -> pool.withTransaction(connection -> connection
                .preparedQuery("select dialect, tenant, credentials, sequences from snapshot where id = $1 for share")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new ApiException(FailureKind.NOT_FOUND, "No snapshot " + id);
                    }
                    return rows.iterator().next();
                })
                .chain(found -> restore(connection, id, found, columns))));
    }

    private static Uni<Restore> restore(SqlConnection connection, UUID id, Row found, Map<String, String> columns) {
        List<Table> tables = tables(found.getBoolean("credentials"));
        Tuple scope = Tuple.of(found.getString("dialect"), found.getString("tenant"));
        JsonObject sequences = (JsonObject) found.getValue("sequences");
        return count(connection, tables, scope)
                .call(() -> connection.preparedQuery("delete from workflow w" + SCOPE).execute(scope))
                .call(() -> tables.contains(CREDENTIALS)
                        ? connection.preparedQuery("delete from credential w" + SCOPE).execute(scope)
                        : Uni.createFrom().voidItem())
                .chain(removed -> Multi.createFrom().iterable(tables)
                        .onItem().transformToUniAndConcatenate(table -> connection.preparedQuery("insert into " + table.name()
                                + " (" + columns.get(table.name()) + ") overriding system value select "
                                + columns.get(table.name()) + " from snapshot_" + table.name() + " where snapshot_id = $1")
                                .execute(Tuple.of(id)).map(rows -> (long) rows.rowCount()))
                        .collect().asList()
                        .call(() -> sequences(connection, sequences))
                        .map(restored -> new Restore(removed, counts(restored))))
                .onFailure(e -> SqlState.in(e, SqlState.UNIQUE_VIOLATION)).transform(e -> new ApiException(FailureKind.CONFLICT,
                        "The snapshot's rows collide with rows made since outside its scope: " + e.getMessage()));
    }

    /** A whole store's sequences go back to the snapshot's; a tenant's restore leaves each at least past its rows. */
    private static Uni<Void> sequences(SqlConnection connection, JsonObject sequences) {
        if (sequences == null) {
            return Multi.createFrom().items("workflow", "workflow_version", "version_schedule", "version_upload", "version_metric")
                    .onItem().transformToUniAndConcatenate(table -> connection.query("select setval(pg_get_serial_sequence('"
                            + table + "', 'id'), greatest((select max(id) from " + table + "), (select last_value from pg_sequences"
                            + " where schemaname = current_schema() and sequencename = '" + table + "_id_seq'), 1))").execute())
                    .collect().asList().replaceWithVoid();
        }
        return Multi.createFrom().iterable(sequences.getMap().entrySet())
                .onItem().transformToUniAndConcatenate(entry -> connection.preparedQuery("select setval($1, $2, $3)")
                        .execute(Tuple.of(entry.getKey(), entry.getValue() == null ? 1L : ((Number) entry.getValue()).longValue(),
                                entry.getValue() != null)))
                .collect().asList().replaceWithVoid();
    }

    private static Uni<Counts> count(SqlConnection connection, List<Table> tables, Tuple scope) {
        return Multi.createFrom().iterable(tables)
                .onItem().transformToUniAndConcatenate(table -> connection.preparedQuery("select count(*) from ("
                        + table.rows() + ") r").execute(scope).map(rows -> rows.iterator().next().getLong(0)))
                .collect().asList().map(StoreSnapshots::counts);
    }

    private static List<Table> tables(boolean credentials) {
        if (!credentials) {
            return TABLES;
        }
        List<Table> tables = new ArrayList<>(TABLES);
        tables.add(CREDENTIALS);
        return tables;
    }

    private static Counts counts(List<Long> perTable) {
        return new Counts(perTable.get(0), perTable.get(1), perTable.get(2), perTable.get(3), perTable.get(4),
                perTable.size() > 5 ? perTable.get(5) : 0);
    }

    /** By hand: a record is no bean to Jackson in the native executable, where it has no reflection metadata. */
    private static Map<String, Object> json(Counts counts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("workflows", counts.workflows());
        json.put("versions", counts.versions());
        json.put("schedules", counts.schedules());
        json.put("uploads", counts.uploads());
        json.put("metrics", counts.metrics());
        json.put("credentials", counts.credentials());
        return json;
    }

    private static Snapshot snapshot(Row row) {
        JsonObject counts = row.getJsonObject("counts");
        return new Snapshot(row.getUUID("id"), row.getString("dialect"), row.getString("tenant"), row.getBoolean("credentials"),
                new Counts(counts.getLong("workflows"), counts.getLong("versions"), counts.getLong("schedules"),
                        counts.getLong("uploads"), counts.getLong("metrics"), counts.getLong("credentials")),
                row.getOffsetDateTime("created_at"));
    }
}
