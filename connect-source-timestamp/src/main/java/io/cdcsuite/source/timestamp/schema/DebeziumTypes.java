package io.cdcsuite.source.timestamp.schema;

import org.apache.kafka.connect.data.SchemaBuilder;

/** Names and parameters of Debezium's logical types, which the connector reproduces without depending on Debezium. */
public final class DebeziumTypes {
    public static final String ENUM = "io.debezium.data.Enum";
    public static final String ENUM_SET = "io.debezium.data.EnumSet";
    public static final String ALLOWED = "allowed";
    public static final String JSON = "io.debezium.data.Json";
    public static final String BITS = "io.debezium.data.Bits";
    public static final String BITS_LENGTH = "length";
    public static final String YEAR = "io.debezium.time.Year";
    public static final String DATE = "io.debezium.time.Date";
    public static final String MICRO_TIME = "io.debezium.time.MicroTime";
    public static final String TIMESTAMP = "io.debezium.time.Timestamp";
    public static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    public static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    /** The parameter Debezium adds to a Connect Decimal to carry the column's precision. */
    public static final String DECIMAL_PRECISION = "connect.decimal.precision";

    private DebeziumTypes() {
    }

    /** A Debezium logical type: every one of them is at schema version 1. */
    static SchemaBuilder logical(SchemaBuilder base, String name) {
        return base.name(name).version(1);
    }
}
