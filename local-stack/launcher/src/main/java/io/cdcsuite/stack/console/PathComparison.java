package io.cdcsuite.stack.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;

import io.cdcsuite.stack.LocalStack;

/**
 * {@code bin/pipeline compare}: the polling path's tables against the binlog path's, row by row. The demo's sinks
 * write the same source tables into {@code <keyspace>} (binlog, {@code config/connectors/30-*.json}) and
 * {@code <keyspace>_polling} (timestamp source, {@code 40-cassandra-polling-demo.json}); every table of a
 * {@code *_polling} keyspace is compared with its namesake, except the aggregates' internal tables ({@code __} in the
 * name), whose bookkeeping differs by design.
 */
public final class PathComparison {
    static final String POLLING_SUFFIX = "_polling";

    private PathComparison() {
    }

    /** Prints one line per table pair; returns whether every pair is identical. */
    public static boolean print(LocalStack stack, PrintStream out) {
        boolean identical = true;
        try (CqlSession session = stack.cassandra().session()) {
            Map<CqlIdentifier, KeyspaceMetadata> keyspaces = session.getMetadata().getKeyspaces();
            List<String> lines = new ArrayList<>();
            for (KeyspaceMetadata polling : keyspaces.values()) {
                String name = polling.getName().asInternal();
                if (!name.endsWith(POLLING_SUFFIX)) {
                    continue;
                }
                String binlogName = name.substring(0, name.length() - POLLING_SUFFIX.length());
                Optional<KeyspaceMetadata> binlog = session.getMetadata().getKeyspace(binlogName);
                for (TableMetadata table : polling.getTables().values()) {
                    String tableName = table.getName().asInternal();
                    if (tableName.contains("__")) {
                        continue;
                    }
                    String pair = String.format("%-32s %-40s", binlogName + "." + tableName, name + "." + tableName);
                    if (binlog.flatMap(k -> k.getTable(table.getName())).isEmpty()) {
                        lines.add(pair + "missing on the binlog side");
                        identical = false;
                        continue;
                    }
                    Map<String, String> left = rows(session, binlogName, table);
                    Map<String, String> right = rows(session, name, table);
                    TreeSet<String> differing = new TreeSet<>(left.keySet());
                    differing.addAll(right.keySet());
                    differing.removeIf(key -> Objects.equals(left.get(key), right.get(key)));
                    identical &= differing.isEmpty();
                    lines.add(pair + String.format("%,9d | %,9d rows   %s", left.size(), right.size(),
                            differing.isEmpty() ? "identical" : differing.size() + " key(s) differ, e.g. "
                                    + differing.first()));
                }
            }
            out.printf("%-32s %-40s %s%n", "binlog path", "polling path", "rows, result");
            if (lines.isEmpty()) {
                out.println("(no " + POLLING_SUFFIX + " keyspace yet: is 40-cassandra-polling-demo registered?)");
            }
            lines.forEach(out::println);
        }
        if (!identical) {
            out.println("\nThe polling path trails the binlog path by its commit lag plus a poll interval: while the "
                    + "workload runs, recent keys differ. Stop it (--rate 0) and compare again for a still picture.");
        }
        return identical;
    }

    /** Primary key text → whole row text, in the polling table's column order (the same columns on both sides). */
    private static Map<String, String> rows(CqlSession session, String keyspace, TableMetadata table) {
        List<ColumnMetadata> key = table.getPrimaryKey();
        List<ColumnMetadata> columns = new ArrayList<>(table.getColumns().values());
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(columns.get(i).getName().asCql(true));
        }
        select.append(" FROM ").append(CqlIdentifier.fromInternal(keyspace).asCql(true)).append('.')
                .append(table.getName().asCql(true));
        Map<String, String> rows = new TreeMap<>();
        for (Row row : session.execute(select.toString())) {
            StringBuilder keyText = new StringBuilder();
            for (ColumnMetadata column : key) {
                keyText.append(keyText.isEmpty() ? "" : ", ").append(column.getName().asInternal()).append('=')
                        .append(row.getObject(column.getName()));
            }
            StringBuilder rowText = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                rowText.append(i == 0 ? "" : ", ").append(row.getObject(i));
            }
            rows.put(keyText.toString(), rowText.toString());
        }
        return rows;
    }
}
