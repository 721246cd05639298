package io.cdcsuite.sink.cassandra.mapping;

import io.cdcsuite.common.envelope.ChangeEvent;

/**
 * The MySQL table a record comes from: the envelope's {@code source.db} / {@code source.table}, or, without an
 * envelope, the last two parts of the topic name {@code <prefix>.<db>.<table>}. Either part may be null when
 * neither tells it.
 */
public record SourceTable(String database, String table) {
    public static SourceTable of(String topic, ChangeEvent event) {
        String database = null;
        String table = null;
        if (event != null) {
            Object sourceDb = event.sourceField("db");
            Object sourceTable = event.sourceField("table");
            database = sourceDb == null ? null : sourceDb.toString();
            table = sourceTable == null ? null : sourceTable.toString();
        }
        if (database != null && table != null) {
            return new SourceTable(database, table);
        }
        String[] parts = topic.split("\\.");
        if (database == null && parts.length >= 2) {
            database = parts[parts.length - 2];
        }
        if (table == null) {
            table = parts[parts.length - 1];
        }
        return new SourceTable(database, table);
    }
}
