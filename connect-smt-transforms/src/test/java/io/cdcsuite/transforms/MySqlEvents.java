package io.cdcsuite.transforms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.common.envelope.TransactionBlock;
import io.debezium.schema.SchemaFactory;

/**
 * Change events of table {@code inventory.orders} on topic {@code dbserver1.inventory.orders}, built the way each
 * capture path emits them: Debezium 3.6.1's MySQL connector (its own envelope, source-block and logical-type
 * builders, the binlog fields of {@code io.debezium.connector.mysql.Source}) and the suite's timestamp source
 * (connect-common's envelope, {@code io.cdcsuite.source.timestamp.Source}, updates without before-image).
 */
public final class MySqlEvents {
    public static final String TOPIC = "dbserver1.inventory.orders";
    static final Instant CHANGED_AT = Instant.parse("2024-03-01T10:15:30.123456Z");
    static final Instant CAPTURED_AT = Instant.parse("2024-03-01T10:15:31.500000Z");

    static final Schema KEY = SchemaBuilder.struct().name(TOPIC + ".Key").field("id", Schema.INT32_SCHEMA).build();

    /** The columns as Debezium's MySQL connector maps them (default time.precision.mode, decimal.handling.mode). */
    static final Schema ROW = SchemaBuilder.struct().name(TOPIC + ".Value").optional()
            .field("id", Schema.INT32_SCHEMA)
            .field("customer_id", Schema.OPTIONAL_INT32_SCHEMA)
            .field("amount", Decimal.builder(2).parameter("connect.decimal.precision", "10").optional().build())
            .field("status", SchemaBuilder.string().optional().defaultValue("new").build())
            .field("created_at", io.debezium.time.MicroTimestamp.builder().optional().build())
            .field("updated_at", io.debezium.time.ZonedTimestamp.builder().optional().build())
            .field("ship_date", io.debezium.time.Date.builder().optional().build())
            .field("ship_time", io.debezium.time.MicroTime.builder().optional().build())
            .field("legacy_ts", io.debezium.time.Timestamp.builder().optional().build())
            .field("model_year", io.debezium.time.Year.builder().optional().build())
            .build();

    /** io.debezium.connector.mysql.Source as BinlogSourceInfoStructMaker builds it. */
    static final Schema DEBEZIUM_SOURCE = SchemaFactory.get().sourceInfoSchemaBuilder()
            .name("io.debezium.connector.mysql.Source")
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .field("server_id", Schema.INT64_SCHEMA)
            .field("gtid", Schema.OPTIONAL_STRING_SCHEMA)
            .field("file", Schema.STRING_SCHEMA)
            .field("pos", Schema.INT64_SCHEMA)
            .field("row", Schema.INT32_SCHEMA)
            .field("thread", Schema.OPTIONAL_INT64_SCHEMA)
            .field("query", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    /** The timestamp source's block: Debezium's fields that make sense without a binlog. */
    static final Schema TIMESTAMP_SOURCE = SchemaBuilder.struct().name("io.cdcsuite.source.timestamp.Source").version(1)
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", SchemaFactory.get().snapshotRecordSchema())
            .field("db", Schema.STRING_SCHEMA)
            .field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    static final io.debezium.data.Envelope DEBEZIUM_ENVELOPE = io.debezium.data.Envelope.defineSchema()
            .withName(TOPIC + ".Envelope")
            .withRecord(ROW)
            .withSource(DEBEZIUM_SOURCE)
            .build();

    static final Schema TIMESTAMP_ENVELOPE = Envelope.schema(TOPIC, ROW, TIMESTAMP_SOURCE);

    private MySqlEvents() {
    }

    static Struct row(int id, String status) {
        return new Struct(ROW)
                .put("id", id)
                .put("customer_id", 42)
                .put("amount", new BigDecimal("2193.60"))
                .put("status", status)
                .put("created_at", 1_709_288_130_123_456L)
                .put("updated_at", "2024-03-01T10:15:30.123456Z")
                .put("ship_date", 19_783)
                .put("ship_time", 36_930_123_456L)
                .put("legacy_ts", 1_709_288_130_123L)
                .put("model_year", 2024);
    }

    static Struct key(int id) {
        return new Struct(KEY).put("id", id);
    }

    /** The two capture paths; each builds the envelope of one change. */
    public enum Path {
        DEBEZIUM {
            @Override
            Struct envelope(String op, Struct before, Struct after, String snapshot) {
                Struct source = new Struct(DEBEZIUM_SOURCE)
                        .put("version", "3.6.1.Final").put("connector", "mysql").put("name", "dbserver1")
                        .put("ts_ms", CHANGED_AT.toEpochMilli()).put("db", "inventory")
                        .put("ts_us", 1_709_288_130_123_456L).put("ts_ns", 1_709_288_130_123_456_000L)
                        .put("table", "orders").put("server_id", 223344L).put("file", "mysql-bin.000003")
                        .put("pos", 1541L).put("row", 0).put("thread", 7L);
                if (snapshot != null) {
                    source.put("snapshot", snapshot);
                    source.put("pos", 157L);
                } else {
                    source.put("gtid", "3e11fa47-71ca-11e1-9e33-c80aa9429562:23");
                }
                return switch (op) {
                    case "r" -> DEBEZIUM_ENVELOPE.read(after, source, CAPTURED_AT);
                    case "c" -> DEBEZIUM_ENVELOPE.create(after, source, CAPTURED_AT);
                    case "u" -> DEBEZIUM_ENVELOPE.update(before, after, source, CAPTURED_AT);
                    case "d" -> DEBEZIUM_ENVELOPE.delete(before, source, CAPTURED_AT);
                    case "t" -> DEBEZIUM_ENVELOPE.truncate(source, CAPTURED_AT);
                    default -> throw new IllegalArgumentException(op);
                };
            }
        },
        TIMESTAMP_SOURCE {
            @Override
            Struct envelope(String op, Struct before, Struct after, String snapshot) {
                Struct source = new Struct(MySqlEvents.TIMESTAMP_SOURCE)
                        .put("version", "0.1.0-SNAPSHOT").put("connector", "timestamp-mysql").put("name", "dbserver1")
                        .put("ts_ms", CHANGED_AT.toEpochMilli()).put("db", "inventory")
                        .put("ts_us", 1_709_288_130_123_456L).put("ts_ns", 1_709_288_130_123_456_000L)
                        .put("table", "orders");
                if (snapshot != null) {
                    source.put("snapshot", snapshot);
                }
                // the polling path sees only the current row: updates come without before-image
                Struct envelope = new Struct(TIMESTAMP_ENVELOPE)
                        .put(Envelope.BEFORE, op.equals("u") ? null : before)
                        .put(Envelope.AFTER, after)
                        .put(Envelope.SOURCE, source)
                        .put(Envelope.OP, op)
                        .put(Envelope.TS_MS, CAPTURED_AT.toEpochMilli())
                        .put(Envelope.TS_US, 1_709_288_131_500_000L)
                        .put(Envelope.TS_NS, 1_709_288_131_500_000_000L);
                return envelope;
            }
        };

        abstract Struct envelope(String op, Struct before, Struct after, String snapshot);

        SourceRecord record(Struct envelope, int id) {
            ConnectHeaders headers = new ConnectHeaders();
            headers.addString("trace", "abc");
            return new SourceRecord(Map.of("server", "dbserver1"), Map.of("pos", 1541L), TOPIC, 0, KEY, key(id),
                    envelope.schema(), envelope, CAPTURED_AT.toEpochMilli(), headers);
        }

        public SourceRecord read(int id) {
            return record(envelope("r", null, row(id, "new"), "true"), id);
        }

        public SourceRecord create(int id) {
            return record(envelope("c", null, row(id, "new"), null), id);
        }

        public SourceRecord update(int id) {
            return record(envelope("u", row(id, "new"), row(id, "shipped"), null), id);
        }

        /** An update whose status is NULL although the column has a default. */
        SourceRecord updateToNull(int id) {
            return record(envelope("u", row(id, "new"), row(id, null), null), id);
        }

        /** An update inside a transaction (Debezium's provide.transaction.metadata). */
        SourceRecord updateInTransaction(int id) {
            Struct envelope = envelope("u", row(id, "new"), row(id, "paid"), null);
            envelope.put(Envelope.TRANSACTION, new Struct(TransactionBlock.SCHEMA)
                    .put(TransactionBlock.ID, "3e11fa47-71ca-11e1-9e33-c80aa9429562:23")
                    .put(TransactionBlock.TOTAL_ORDER, 3L)
                    .put(TransactionBlock.DATA_COLLECTION_ORDER, 2L));
            return record(envelope, id);
        }

        public SourceRecord delete(int id) {
            return record(envelope("d", row(id, "shipped"), null, null), id);
        }

        public SourceRecord tombstone(int id) {
            return new SourceRecord(Map.of("server", "dbserver1"), Map.of("pos", 1541L), TOPIC, 0, KEY, key(id),
                    null, null, CAPTURED_AT.toEpochMilli(), new ConnectHeaders());
        }
    }

    /** Debezium's truncate event: neither before nor after. */
    static SourceRecord truncate() {
        Struct envelope = Path.DEBEZIUM.envelope("t", null, null, null);
        return new SourceRecord(Map.of(), Map.of(), TOPIC, 0, null, null, envelope.schema(), envelope,
                CAPTURED_AT.toEpochMilli());
    }

    /** A record that is no change event: Debezium's heartbeat. */
    static SourceRecord heartbeat() {
        Schema key = SchemaBuilder.struct().name("io.debezium.connector.common.ServerNameKey")
                .field("serverName", Schema.STRING_SCHEMA).build();
        Schema value = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
                .field("ts_ms", Schema.INT64_SCHEMA).build();
        return new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.dbserver1", 0, key,
                new Struct(key).put("serverName", "dbserver1"), value, new Struct(value).put("ts_ms", 1L));
    }
}
