package io.cdcsuite.stack.console;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;

import io.cdcsuite.stack.LocalStack;

/**
 * {@code bin/pipeline sql "..."} and {@code bin/pipeline cql "..."}: one statement against the MySQL server (as root)
 * or the Cassandra node of the stack that {@code bin/pipeline --reuse} left running, printed as a table.
 */
public final class StackQueries {
    private StackQueries() {
    }

    public static void sql(LocalStack stack, String statement, PrintStream out) throws SQLException {
        try (Connection connection = stack.mysql().connect(null); Statement sql = connection.createStatement()) {
            if (!sql.execute(statement)) {
                out.printf("%d row(s) affected%n", sql.getUpdateCount());
                return;
            }
            try (java.sql.ResultSet rows = sql.getResultSet()) {
                ResultSetMetaData columns = rows.getMetaData();
                List<String> header = new ArrayList<>();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    header.add(columns.getColumnLabel(i));
                }
                List<List<String>> table = new ArrayList<>();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= header.size(); i++) {
                        row.add(String.valueOf(rows.getString(i)));
                    }
                    table.add(row);
                }
                TextTable.print(header, table, out);
            }
        }
    }

    public static void cql(LocalStack stack, String statement, PrintStream out) {
        try (CqlSession session = stack.cassandra().session()) {
            ResultSet rows = session.execute(statement);
            List<String> header = new ArrayList<>();
            for (ColumnDefinition column : rows.getColumnDefinitions()) {
                header.add(column.getName().asInternal());
            }
            if (header.isEmpty()) {
                out.println("done");
                return;
            }
            List<List<String>> table = new ArrayList<>();
            for (Row row : rows) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.add(row.isNull(i) ? "null" : String.valueOf(row.getObject(i)));
                }
                table.add(cells);
            }
            TextTable.print(header, table, out);
        }
    }
}
