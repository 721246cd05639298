package io.cdcsuite.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.cdcsuite.it.env.TestEnvironment;

/** Runs SQL statements on the environment's MySQL as root. */
public final class MySql {
    private MySql() {
    }

    public static void execute(TestEnvironment env, String... statements) {
        try (Connection connection = env.mysqlRoot(null); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query, as text (null for SQL NULL). */
    public static String queryValue(TestEnvironment env, String query) {
        try (Connection connection = env.mysqlRoot(null); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row from: " + query);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }
}
