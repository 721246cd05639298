package io.cdcsuite.sink.cassandra.cql;

/** A Cassandra table, {@code keyspace.table}, with both names validated. Names are case-sensitive. */
public record TableId(String keyspace, String table) {
    public TableId {
        CqlNames.requireSchemaName(keyspace, "keyspace");
        CqlNames.requireSchemaName(table, "table");
    }

    /** Parses {@code keyspace.table}. */
    public static TableId parse(String qualifiedName) {
        String text = qualifiedName == null ? "" : qualifiedName.trim();
        int dot = text.indexOf('.');
        if (dot <= 0 || dot != text.lastIndexOf('.') || dot == text.length() - 1) {
            throw new IllegalArgumentException("Invalid table '" + text + "': expected keyspace.table");
        }
        return new TableId(text.substring(0, dot), text.substring(dot + 1));
    }

    /** {@code "keyspace"."table"}, for CQL statements. */
    public String cql() {
        return CqlNames.quote(keyspace) + "." + CqlNames.quote(table);
    }

    @Override
    public String toString() {
        return keyspace + "." + table;
    }
}
