package io.cdcsuite.sink.cassandra.mapping;

import java.util.Map;

import org.apache.kafka.connect.sink.SinkRecord;

import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * What one record asks of one table, before values are converted to the table's column types.
 *
 * @param keyColumns   columns taken from the record key (they make the primary key of auto-created tables)
 * @param valueColumns columns taken from the row; for a delete, the before image, used only to find
 *                     primary key values the key does not carry
 * @param primitiveKey the record key when it is a single value rather than a struct or map, else null
 * @param ttlSeconds   the record's own TTL from {@code ttl.field}, or null for the table's TTL
 * @param source       the MySQL table the record comes from (aggregates select their input by it)
 * @param newRow       the change inserted the row, which did not exist before it: a binlog insert ({@code op=c} of
 *                     Debezium's MySQL connector; the timestamp source's creates are inferred, so not these)
 */
public record RowChange(
        SinkRecord record,
        TableId table,
        SourceTable source,
        Kind kind,
        Origin origin,
        Map<String, FieldValue> keyColumns,
        Map<String, FieldValue> valueColumns,
        FieldValue primitiveKey,
        Integer ttlSeconds,
        boolean newRow) {

    public enum Kind { UPSERT, DELETE }

    /** The shape the record came in. */
    public enum Origin {
        /** a Debezium-style envelope (op c, r, u or d) */
        ENVELOPE,
        /** a flat row, possibly with the delete marker field */
        FLAT,
        /** a null value: a delete by key */
        TOMBSTONE
    }

    public RowChange {
        keyColumns = java.util.Collections.unmodifiableMap(keyColumns);
        valueColumns = java.util.Collections.unmodifiableMap(valueColumns);
    }
}
