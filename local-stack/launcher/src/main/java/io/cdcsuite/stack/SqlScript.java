package io.cdcsuite.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plain SQL file over JDBC (these machines have no mysql client): statements end with a semicolon at the
 * end of a line; lines starting with {@code --} are comments.
 */
public final class SqlScript {
    private SqlScript() {
    }

    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    public static void run(Connection connection, Path file) {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(Files.readString(file))) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new StackException(file + ": " + e.getMessage() + " in: " + sql, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new StackException(file + ": " + e.getMessage(), e);
        }
    }
}
