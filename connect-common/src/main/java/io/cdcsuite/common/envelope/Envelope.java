package io.cdcsuite.common.envelope;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Field and schema names of the Debezium 3.x change-event envelope, the contract every module of the suite
 * agrees on: key {@code <prefix>.<db>.<table>.Key}, value {@code <prefix>.<db>.<table>.Envelope} holding
 * {@code before}/{@code after} ({@code ...Value}), {@code source}, {@code op} and the {@code ts_*} fields.
 */
public final class Envelope {
    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String SOURCE = "source";
    public static final String OP = "op";
    public static final String TS_MS = "ts_ms";
    public static final String TS_US = "ts_us";
    public static final String TS_NS = "ts_ns";
    public static final String TRANSACTION = "transaction";

    public static final String KEY_SUFFIX = ".Key";
    public static final String VALUE_SUFFIX = ".Value";
    public static final String ENVELOPE_SUFFIX = ".Envelope";

    /** Debezium versions its envelope schema; consumers may check it. */
    public static final int SCHEMA_VERSION = 2;

    private Envelope() {
    }

    /** {@code <prefix>.<db>.<table>}: the topic name and the stem of every schema name. */
    public static String dataCollectionName(String topicPrefix, String database, String table) {
        return topicPrefix + "." + database + "." + table;
    }

    public static String keySchemaName(String dataCollection) {
        return dataCollection + KEY_SUFFIX;
    }

    public static String valueSchemaName(String dataCollection) {
        return dataCollection + VALUE_SUFFIX;
    }

    public static String envelopeSchemaName(String dataCollection) {
        return dataCollection + ENVELOPE_SUFFIX;
    }

    /** Builds the envelope schema around a row schema and a source-block schema, in Debezium's field order. */
    public static Schema schema(String dataCollection, Schema rowSchema, Schema sourceSchema) {
        if (!rowSchema.isOptional()) {
            throw new IllegalArgumentException("The row schema must be optional: before and after may be null");
        }
        return SchemaBuilder.struct()
                .name(envelopeSchemaName(dataCollection))
                .version(SCHEMA_VERSION)
                .field(BEFORE, rowSchema)
                .field(AFTER, rowSchema)
                .field(SOURCE, sourceSchema)
                .field(TRANSACTION, TransactionBlock.SCHEMA)
                .field(OP, Schema.STRING_SCHEMA)
                .field(TS_MS, Schema.OPTIONAL_INT64_SCHEMA)
                .field(TS_US, Schema.OPTIONAL_INT64_SCHEMA)
                .field(TS_NS, Schema.OPTIONAL_INT64_SCHEMA)
                .build();
    }

    /** True when a value schema has the envelope's shape (name suffix aside, which routing may change). */
    public static boolean isEnvelope(Schema valueSchema) {
        return valueSchema != null
                && valueSchema.type() == Schema.Type.STRUCT
                && valueSchema.field(OP) != null
                && valueSchema.field(AFTER) != null
                && valueSchema.field(BEFORE) != null;
    }
}
