package io.cdcsuite.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;

/** What the Cassandra sink wrote: a table compared with MySQL, its cells' write times, its column types. */
public final class CassandraTables {
    private CassandraTables() {
    }

    /**
     * Polls until the Cassandra table holds exactly the rows of {@code mysql} (a {@link TableState#fromMySql} state,
     * compared with its timestamps in milliseconds, as Cassandra stores them). On timeout the assertion error lists
     * the differences.
     */
    public static void awaitEqual(CqlSession session, String keyspace, String table, TableState mysql,
                                  Duration timeout) {
        TableState expected = mysql.withTimestampsInMillis();
        Poll.until(keyspace + "." + table + " equal to the MySQL table", timeout, () -> {
            try {
                TableState actual = TableState.fromCassandra(session, keyspace, table, mysql);
                return actual.equals(expected) ? "equal" : actual.size() + " row(s), expected " + expected.size()
                        + "; " + actual.differencesFrom(expected);
            } catch (DriverException e) {
                return e.toString(); // the sink has not created the table yet
            }
        }, "equal"::equals);
    }

    /** WRITETIME of every regular cell (null for a null cell), by primary key values in key order. */
    public static Map<List<Object>, Map<String, Long>> writeTimes(CqlSession session, String keyspace, String table) {
        TableMetadata metadata = metadata(session, keyspace, table);
        List<String> key = new ArrayList<>();
        metadata.getPrimaryKey().forEach(column -> key.add(column.getName().asCql(true)));
        List<String> regular = new ArrayList<>();
        for (ColumnMetadata column : metadata.getColumns().values()) {
            if (!metadata.getPrimaryKey().contains(column)) {
                regular.add(column.getName().asCql(true));
            }
        }
        List<String> selectors = new ArrayList<>(key);
        regular.forEach(column -> selectors.add("WRITETIME(" + column + ")"));
        Map<List<Object>, Map<String, Long>> writeTimes = new LinkedHashMap<>();
        for (Row row : session.execute("SELECT " + String.join(", ", selectors) + " FROM "
                + metadata.getKeyspace().asCql(true) + "." + metadata.getName().asCql(true))) {
            List<Object> keyValues = new ArrayList<>();
            for (int i = 0; i < key.size(); i++) {
                keyValues.add(row.getObject(i));
            }
            Map<String, Long> cells = new TreeMap<>();
            for (int i = 0; i < regular.size(); i++) {
                cells.put(regular.get(i), row.isNull(key.size() + i) ? null : row.getLong(key.size() + i));
            }
            writeTimes.put(List.copyOf(keyValues), cells);
        }
        return writeTimes;
    }

    /** Column name to CQL type as Cassandra shows it (e.g. {@code decimal}, {@code frozen<list<int>>}). */
    public static Map<String, String> columnTypes(CqlSession session, String keyspace, String table) {
        Map<String, String> types = new TreeMap<>();
        for (Row row : session.execute("SELECT column_name, type FROM system_schema.columns "
                + "WHERE keyspace_name = ? AND table_name = ?", keyspace, table)) {
            types.put(row.getString("column_name"), row.getString("type"));
        }
        return types;
    }

    private static TableMetadata metadata(CqlSession session, String keyspace, String table) {
        session.refreshSchema();
        return session.getMetadata().getKeyspace(CqlIdentifier.fromInternal(keyspace))
                .flatMap(ks -> ks.getTable(CqlIdentifier.fromInternal(table)))
                .orElseThrow(() -> new AssertionError("no table " + keyspace + "." + table + " in Cassandra"));
    }
}
