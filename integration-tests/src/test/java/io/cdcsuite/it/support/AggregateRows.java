package io.cdcsuite.it.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.Row;

import io.cdcsuite.it.env.TestEnvironment;

/**
 * The rows of an aggregate, keyed by its group columns and window start, each row column name → canonical text:
 * numbers as plain decimals with their scale (an AVG of 734.536667 differs from 734.54), window starts as UTC
 * instants. Read from MySQL's own GROUP BY (the oracle) or from the sink's serving table, so that "the serving table
 * is right" is one comparison that also catches missing and extra rows.
 */
public final class AggregateRows {
    public static final String WINDOW_START = "window_start";
    private static final int SHOWN_DIFFERENCES = 10;

    private final Map<List<String>, Map<String, String>> rows;

    private AggregateRows(Map<List<String>, Map<String, String>> rows) {
        this.rows = rows;
    }

    /**
     * Runs the oracle query in a session whose time zone is UTC: a window start computed with UNIX_TIMESTAMP of a
     * DATETIME reads the wall clock as UTC, as both capture paths and the sink do. The query names its columns as the
     * serving table does; {@code window_start} is in epoch seconds.
     */
    public static AggregateRows fromMySql(TestEnvironment env, String query, List<String> keyColumns) {
        Map<List<String>, Map<String, String>> rows = new TreeMap<>(AggregateRows::compareKeys);
        try (Connection connection = env.mysqlRoot(null); Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = statement.executeQuery(query)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
                        Object value = rs.getObject(i);
                        row.put(column, WINDOW_START.equals(column) && value != null
                                ? Instant.ofEpochSecond(new BigDecimal(value.toString()).longValueExact()).toString()
                                : canonical(value));
                    }
                    put(rows, keyColumns, row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("oracle query failed: " + e.getMessage() + "\n" + query, e);
        }
        return new AggregateRows(rows);
    }

    /** Every row of the serving table {@code keyspace.table}, all its columns. */
    public static AggregateRows fromCassandra(CqlSession session, String keyspace, String table, List<String> keyColumns) {
        Map<List<String>, Map<String, String>> rows = new TreeMap<>(AggregateRows::compareKeys);
        for (Row cqlRow : session.execute("SELECT * FROM \"" + keyspace + "\".\"" + table + "\"")) {
            put(rows, keyColumns, row(cqlRow));
        }
        return new AggregateRows(rows);
    }

    /** A Cassandra row as column → canonical text. */
    public static Map<String, String> row(Row cqlRow) {
        Map<String, String> row = new LinkedHashMap<>();
        for (ColumnDefinition column : cqlRow.getColumnDefinitions()) {
            row.put(column.getName().asInternal(), canonical(cqlRow.getObject(column.getName())));
        }
        return row;
    }

    /** Polls until the serving table equals the oracle's rows; the assertion error lists the differences. */
    public static void awaitEqual(Supplier<AggregateRows> serving, AggregateRows expected, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "nothing read";
        while (true) {
            try {
                AggregateRows actual = serving.get();
                if (actual.equals(expected)) {
                    return;
                }
                last = actual.differencesFrom(expected);
            } catch (DriverException e) {
                last = e.toString(); // the sink has not created the table yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not become equal to MySQL's GROUP BY within "
                        + timeout.toSeconds() + " s: " + last);
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    public int size() {
        return rows.size();
    }

    /** Sum of one integer column over all rows. */
    public long total(String column) {
        return rows.values().stream().map(row -> row.get(column)).filter(Objects::nonNull).mapToLong(Long::parseLong)
                .sum();
    }

    /** Missing, extra and different rows (the first few of each) and how many. */
    public String differencesFrom(AggregateRows expected) {
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> extra = new TreeSet<>();
        List<String> different = new ArrayList<>();
        expected.rows.forEach((key, row) -> {
            Map<String, String> actual = rows.get(key);
            if (actual == null) {
                missing.add(key + "=" + row);
            } else if (!actual.equals(row)) {
                different.add(key + ": " + actual + " (expected " + row + ")");
            }
        });
        rows.forEach((key, row) -> {
            if (!expected.rows.containsKey(key)) {
                extra.add(key + "=" + row);
            }
        });
        return rows.size() + " row(s), expected " + expected.rows.size() + "; " + missing.size() + " missing "
                + first(missing) + "; " + extra.size() + " extra " + first(extra) + "; " + different.size()
                + " different " + different.subList(0, Math.min(SHOWN_DIFFERENCES, different.size()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AggregateRows that && rows.equals(that.rows);
    }

    @Override
    public int hashCode() {
        return rows.hashCode();
    }

    @Override
    public String toString() {
        return rows.size() + " aggregate row(s)";
    }

    private static void put(Map<List<String>, Map<String, String>> rows, List<String> keyColumns,
                            Map<String, String> row) {
        List<String> key = new ArrayList<>();
        for (String column : keyColumns) {
            if (!row.containsKey(column)) {
                throw new IllegalArgumentException("no key column " + column + " in " + row.keySet());
            }
            key.add(row.get(column));
        }
        if (rows.put(key, row) != null) {
            throw new IllegalArgumentException("two rows for " + key);
        }
    }

    private static String canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString(); // integers, text, Instant (UTC, ISO-8601)
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = Objects.compare(a.get(i), b.get(i), java.util.Comparator.nullsFirst(String::compareTo));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String first(TreeSet<String> keys) {
        return "[" + String.join(", ", keys.stream().limit(SHOWN_DIFFERENCES).toList()) + "]";
    }
}
