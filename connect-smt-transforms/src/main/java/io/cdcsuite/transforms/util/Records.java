package io.cdcsuite.transforms.util;

import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/** Copies of a record with one part replaced; headers are carried over as {@link ConnectRecord#newRecord} does. */
public final class Records {
    private Records() {
    }

    public static <R extends ConnectRecord<R>> R withValue(R record, Schema valueSchema, Object value) {
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                valueSchema, value, record.timestamp());
    }

    public static <R extends ConnectRecord<R>> R withKey(R record, Schema keySchema, Object key) {
        return record.newRecord(record.topic(), record.kafkaPartition(), keySchema, key,
                record.valueSchema(), record.value(), record.timestamp());
    }

    /** A {@link DataException} that names the record's topic, for the dead-letter queue's readers. */
    public static DataException dataError(ConnectRecord<?> record, String transform, String problem, Throwable cause) {
        return new DataException(transform + ": " + problem + " (topic '" + record.topic() + "', partition "
                + record.kafkaPartition() + ")", cause);
    }
}
