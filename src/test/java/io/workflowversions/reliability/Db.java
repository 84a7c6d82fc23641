package io.workflowversions.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the database the service processes share, to assert what was committed rather than what was answered. */
record Db(String jdbcUrl) {

    long count(String sql, Object... params) {
        return longs(sql, params).get(0);
    }

    List<Long> longs(String sql, Object... params) {
        List<Long> values = new ArrayList<>();
        for (String value : strings(sql, params)) {
            values.add(value == null ? null : Long.valueOf(value));
        }
        return values;
    }

    List<String> strings(String sql, Object... params) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (result.next()) {
                    values.add(result.getString(1));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
