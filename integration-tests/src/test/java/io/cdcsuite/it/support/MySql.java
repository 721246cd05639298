package io.cdcsuite.it.support;

import java.sql.Connection;
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
}
