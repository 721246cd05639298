package io.cdcsuite.sink.cassandra.cql;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.datastax.oss.driver.api.core.type.DataType;

/**
 * The CQL text the sink generates. Every identifier is validated and double-quoted; the only other inputs
 * are CQL types rendered by the driver and the validated replication settings.
 */
public final class CqlStatements {
    private CqlStatements() {
    }

    /**
     * {@code INSERT INTO "ks"."t" ("a","b") VALUES (?,?) USING TTL ? AND TIMESTAMP ?}: the bind markers are the
     * columns in order, then the TTL (0 = none), then the write timestamp in microseconds.
     */
    public static String insert(TableId table, List<String> columns) {
        return "INSERT INTO " + table.cql() + " (" + quotedList(columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(",")) + ") USING TTL ? AND TIMESTAMP ?";
    }

    /** {@code DELETE FROM "ks"."t" USING TIMESTAMP ? WHERE "k1"=? AND "k2"=?}: timestamp first, then the key. */
    public static String delete(TableId table, List<String> primaryKey) {
        return "DELETE FROM " + table.cql() + " USING TIMESTAMP ? WHERE "
                + primaryKey.stream().map(c -> CqlNames.quote(c) + "=?").collect(Collectors.joining(" AND "));
    }

    public static String createKeyspace(String keyspace, String replicationLiteral) {
        return "CREATE KEYSPACE IF NOT EXISTS " + CqlNames.quote(CqlNames.requireSchemaName(keyspace, "keyspace"))
                + " WITH replication = " + replicationLiteral;
    }

    /** The table with the given columns; the partition key is made of all primary key columns. */
    public static String createTable(TableId table, Map<String, DataType> columns, List<String> primaryKey) {
        String columnList = columns.entrySet().stream()
                .map(e -> CqlNames.quote(e.getKey()) + " " + e.getValue().asCql(true, true))
                .collect(Collectors.joining(", "));
        return "CREATE TABLE IF NOT EXISTS " + table.cql() + " (" + columnList
                + ", PRIMARY KEY ((" + quotedList(primaryKey) + ")))";
    }

    public static String addColumn(TableId table, String column, DataType type) {
        return "ALTER TABLE " + table.cql() + " ADD " + CqlNames.quote(column) + " " + type.asCql(true, true);
    }

    private static String quotedList(List<String> names) {
        return names.stream().map(CqlNames::quote).collect(Collectors.joining(","));
    }
}
