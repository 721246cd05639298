package io.cdcsuite.sink.cassandra.mapping;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A record with JSON text key and value (StringConverter, ByteArrayConverter) parsed into maps, so that
 * every later step sees Structs or Maps. The original record is kept for the dead-letter queue.
 */
public record NormalizedRecord(SinkRecord record, Object key, Schema keySchema, Object value, Schema valueSchema) {

    /** Parses JSON text; throws a RecordMappingException for malformed JSON. */
    public static NormalizedRecord of(SinkRecord record) {
        Object key = record.key();
        Schema keySchema = record.keySchema();
        if (JsonValues.isJsonObject(key)) {
            key = JsonValues.parseObject(key, "record key");
            keySchema = null;
        }
        Object value = record.value();
        Schema valueSchema = record.valueSchema();
        if (JsonValues.isJsonObject(value)) {
            value = JsonValues.parseObject(value, "record value");
            valueSchema = null;
        }
        return new NormalizedRecord(record, key, keySchema, value, valueSchema);
    }
}
