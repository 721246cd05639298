package io.cdcsuite.sink.cassandra.cql;

/** Schema names of the Connect and Debezium logical types the sink converts specially. */
final class LogicalTypes {
    static final String CONNECT_DECIMAL = "org.apache.kafka.connect.data.Decimal";
    static final String CONNECT_DATE = "org.apache.kafka.connect.data.Date";
    static final String CONNECT_TIME = "org.apache.kafka.connect.data.Time";
    static final String CONNECT_TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";

    static final String DATE = "io.debezium.time.Date";
    static final String TIME = "io.debezium.time.Time";
    static final String MICRO_TIME = "io.debezium.time.MicroTime";
    static final String NANO_TIME = "io.debezium.time.NanoTime";
    static final String TIMESTAMP = "io.debezium.time.Timestamp";
    static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    static final String NANO_TIMESTAMP = "io.debezium.time.NanoTimestamp";
    static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    static final String ZONED_TIME = "io.debezium.time.ZonedTime";
    static final String ISO_DATE = "io.debezium.time.IsoDate";
    static final String ISO_TIME = "io.debezium.time.IsoTime";
    static final String ISO_TIMESTAMP = "io.debezium.time.IsoTimestamp";
    static final String YEAR = "io.debezium.time.Year";
    static final String MICRO_DURATION = "io.debezium.time.MicroDuration";

    static final String VARIABLE_SCALE_DECIMAL = "io.debezium.data.VariableScaleDecimal";
    static final String JSON = "io.debezium.data.Json";
    static final String ENUM = "io.debezium.data.Enum";
    static final String ENUM_SET = "io.debezium.data.EnumSet";
    static final String BITS = "io.debezium.data.Bits";
    static final String UUID = "io.debezium.data.Uuid";
    static final String XML = "io.debezium.data.Xml";

    private LogicalTypes() {
    }
}
