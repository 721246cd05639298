package io.cdcsuite.sink.cassandra.mapping;

import org.apache.kafka.connect.data.Schema;

/**
 * One value taken from a record, with its Connect schema when the record has one (null for schemaless
 * records). The schema carries the logical type (Decimal, io.debezium.time.MicroTimestamp, ...) that decides
 * how the value converts to CQL.
 */
public record FieldValue(Object value, Schema schema) {
    public static FieldValue of(Object value, Schema schema) {
        return new FieldValue(value, schema);
    }
}
