package io.cdcsuite.source.timestamp.schema;

import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.source.timestamp.catalog.TableId;

/**
 * The topic and Connect schemas of one table, named like Debezium's: {@code <prefix>.<db>.<table>.Key} (the key
 * columns), {@code ...Value} (every column, optional struct) and {@code ...Envelope}.
 */
public record TableSchemas(String topic, Schema keySchema, Schema valueSchema, Schema envelopeSchema) {
    private static final int MAX_TOPIC_LENGTH = 249;

    public static TableSchemas of(String topicPrefix, TableId table, List<ColumnMapping> columns,
            List<ColumnMapping> keyColumns) {
        String dataCollection = Envelope.dataCollectionName(topicPrefix, table.database(), table.table());
        SchemaBuilder key = SchemaBuilder.struct().name(Envelope.keySchemaName(dataCollection));
        keyColumns.forEach(column -> key.field(column.name(), column.schema()));
        SchemaBuilder value = SchemaBuilder.struct().name(Envelope.valueSchemaName(dataCollection)).optional();
        columns.forEach(column -> value.field(column.name(), column.schema()));
        Schema valueSchema = value.build();
        return new TableSchemas(topicName(dataCollection), key.build(), valueSchema,
                Envelope.schema(dataCollection, valueSchema, SourceBlock.SCHEMA));
    }

    /** Debezium's topic sanitizing: characters Kafka does not allow become {@code _}; at most 249 characters. */
    static String topicName(String dataCollection) {
        StringBuilder topic = new StringBuilder(dataCollection.length());
        for (char c : dataCollection.toCharArray()) {
            boolean valid = c == '.' || c == '_' || c == '-' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9');
            topic.append(valid ? c : '_');
        }
        return topic.length() > MAX_TOPIC_LENGTH ? topic.substring(0, MAX_TOPIC_LENGTH) : topic.toString();
    }
}
