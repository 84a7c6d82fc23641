package io.workflowversions.reliability;

import io.workflowversions.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tenant's rows in every table a dialect writes, read in one statement over one kept connection (the fuzzer
 * reads them twice per case): a count per table, and a fingerprint per table that any change of any row changes.
 */
final class TenantRows implements AutoCloseable {

    /** The tables, each with the rows of a tenant (?, ? = dialect, tenant) that it holds. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        String workflows = " from workflow w where w.dialect = ? and w.tenant = ?";
        String versions = " from workflow_version v join workflow w on w.id = v.workflow_id where w.dialect = ? and w.tenant = ?";
        TABLES.put("workflow", "select %s" + workflows);
        TABLES.put("workflow_version", "select %s" + versions);
        for (String table : List.of("version_schedule", "version_upload", "version_metric")) {
            TABLES.put(table, "select %s from " + table + " t join workflow_version v on v.id = t.version_id"
                    + " join workflow w on w.id = v.workflow_id where w.dialect = ? and w.tenant = ?");
        }
        TABLES.put("fortanix_session", "select %s from fortanix_session t join credential c on c.id = t.credential_id"
                + " where c.dialect = ? and c.tenant = ?");
    }

    private final Connection connection;
    private final PreparedStatement statement;

    TenantRows() {
        try {
            connection = TestDatabase.connect();
            StringBuilder sql = new StringBuilder("select ");
            for (Map.Entry<String, String> table : TABLES.entrySet()) {
                String alias = switch (table.getKey()) {
                    case "workflow" -> "w";
                    case "workflow_version" -> "v";
                    default -> "t";
                };
                String fingerprint = "coalesce(md5(string_agg(row_to_json(" + alias + ")::text, ',' order by " + alias
                        + ".id)), '')";
                sql.append('(').append(table.getValue().formatted("count(*)")).append(") as \"").append(table.getKey())
                        .append("\", (").append(table.getValue().formatted(fingerprint)).append(") as \"")
                        .append(table.getKey()).append(" rows\", ");
            }
            statement = connection.prepareStatement(sql.substring(0, sql.length() - 2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts (under the table's name) and fingerprints (under "table rows") of the tenant's rows. */
    Map<String, Object> of(Tenants tenant) {
        try {
            for (int i = 0; i < TABLES.size() * 2; i++) {
                statement.setString(2 * i + 1, tenant.dialect());
                statement.setString(2 * i + 2, tenant.tenant());
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                Map<String, Object> rows = new LinkedHashMap<>();
                for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                    rows.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> tables() {
        return List.copyOf(TABLES.keySet());
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
