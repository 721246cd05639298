package io.cdcsuite.source.timestamp.schema;

import java.time.Instant;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

import io.cdcsuite.common.data.StructSlots;
import io.cdcsuite.source.timestamp.catalog.TableId;

/**
 * The envelope's {@code source} block: the fields of Debezium's MySQL {@code Source} that make sense without a
 * binlog, in Debezium's order and with Debezium's types (the binlog file, position, server id, GTID and thread are
 * left out). {@code ts_*} is the time of the change as the row's timestamp column records it.
 */
public final class SourceBlock {
    public static final String SCHEMA_NAME = "io.cdcsuite.source.timestamp.Source";
    /** {@code source.connector}; Debezium's MySQL connector says {@code mysql}. */
    public static final String CONNECTOR = "timestamp-mysql";

    public static final String VERSION = "version";
    public static final String CONNECTOR_FIELD = "connector";
    public static final String NAME = "name";
    public static final String TS_MS = "ts_ms";
    public static final String SNAPSHOT = "snapshot";
    public static final String DB = "db";
    public static final String SEQUENCE = "sequence";
    public static final String TS_US = "ts_us";
    public static final String TS_NS = "ts_ns";
    public static final String TABLE = "table";

    /** Debezium's {@code source.snapshot}: an optional io.debezium.data.Enum defaulting to {@code false}. */
    public static final Schema SNAPSHOT_SCHEMA = SchemaBuilder.string()
            .name(DebeziumTypes.ENUM)
            .version(1)
            .parameter(DebeziumTypes.ALLOWED, SnapshotMarker.allowedValues())
            .defaultValue(SnapshotMarker.FALSE.value())
            .optional()
            .build();

    public static final Schema SCHEMA = SchemaBuilder.struct()
            .name(SCHEMA_NAME)
            .version(1)
            .field(VERSION, Schema.STRING_SCHEMA)
            .field(CONNECTOR_FIELD, Schema.STRING_SCHEMA)
            .field(NAME, Schema.STRING_SCHEMA)
            .field(TS_MS, Schema.INT64_SCHEMA)
            .field(SNAPSHOT, SNAPSHOT_SCHEMA)
            .field(DB, Schema.STRING_SCHEMA)
            .field(SEQUENCE, Schema.OPTIONAL_STRING_SCHEMA)
            .field(TS_US, Schema.OPTIONAL_INT64_SCHEMA)
            .field(TS_NS, Schema.OPTIONAL_INT64_SCHEMA)
            .field(TABLE, Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static final Field VERSION_FIELD = SCHEMA.field(VERSION);
    private static final Field CONNECTOR_FIELD_REF = SCHEMA.field(CONNECTOR_FIELD);
    private static final Field NAME_FIELD = SCHEMA.field(NAME);
    private static final Field TS_MS_FIELD = SCHEMA.field(TS_MS);
    private static final Field SNAPSHOT_FIELD = SCHEMA.field(SNAPSHOT);
    private static final Field DB_FIELD = SCHEMA.field(DB);
    private static final Field TS_US_FIELD = SCHEMA.field(TS_US);
    private static final Field TS_NS_FIELD = SCHEMA.field(TS_NS);
    private static final Field TABLE_FIELD = SCHEMA.field(TABLE);

    private final String version;
    private final String serverName;

    public SourceBlock(String version, String serverName) {
        this.version = version;
        this.serverName = serverName;
    }

    /**
     * The block of one record. {@code snapshot} is null outside snapshots: like Debezium, the field is then left
     * unset and reads as its default {@code false}. {@code sequence} stays null, as in Debezium's MySQL connector.
     */
    public Struct struct(TableId table, Instant changeTime, SnapshotMarker snapshot) {
        // every value is of its field's type by construction: no need for Struct.put's validation
        Struct source = new Struct(SCHEMA);
        StructSlots.set(source, VERSION_FIELD, version);
        StructSlots.set(source, CONNECTOR_FIELD_REF, CONNECTOR);
        StructSlots.set(source, NAME_FIELD, serverName);
        StructSlots.set(source, TS_MS_FIELD, changeTime.toEpochMilli());
        StructSlots.set(source, DB_FIELD, table.database());
        StructSlots.set(source, TS_US_FIELD, changeTime.getEpochSecond() * 1_000_000L + changeTime.getNano() / 1_000);
        StructSlots.set(source, TS_NS_FIELD, changeTime.getEpochSecond() * 1_000_000_000L + changeTime.getNano());
        StructSlots.set(source, TABLE_FIELD, table.table());
        if (snapshot != null && snapshot != SnapshotMarker.FALSE) {
            StructSlots.set(source, SNAPSHOT_FIELD, snapshot.value());
        }
        return source;
    }
}
