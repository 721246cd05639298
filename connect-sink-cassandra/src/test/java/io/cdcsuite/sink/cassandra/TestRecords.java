package io.cdcsuite.sink.cassandra;

import java.math.BigDecimal;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.common.record.TimestampType;

import io.cdcsuite.common.envelope.Envelope;

/**
 * Records shaped like Debezium's MySQL connector output for a table shop.orders(id INT PK, customer
 * VARCHAR, amount DECIMAL(10,2), note VARCHAR NULL), topic demo.shop.orders.
 */
public final class TestRecords {
    public static final String TOPIC = "demo.shop.orders";

    public static final Schema KEY_SCHEMA = SchemaBuilder.struct().name("demo.shop.orders.Key")
            .field("id", Schema.INT32_SCHEMA).build();

    public static final Schema ROW_SCHEMA = SchemaBuilder.struct().name("demo.shop.orders.Value").optional()
            .field("id", Schema.INT32_SCHEMA)
            .field("customer", Schema.STRING_SCHEMA)
            .field("amount", Decimal.builder(2).optional().build())
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema SOURCE_SCHEMA = SchemaBuilder.struct().name("io.debezium.connector.mysql.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
            .field("db", Schema.STRING_SCHEMA)
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    public static final Schema ENVELOPE_SCHEMA = Envelope.schema(TOPIC, ROW_SCHEMA, SOURCE_SCHEMA);

    private TestRecords() {
    }

    public static Struct key(int id) {
        return new Struct(KEY_SCHEMA).put("id", id);
    }

    public static Struct row(int id, String customer, String amount, String note) {
        return new Struct(ROW_SCHEMA).put("id", id).put("customer", customer)
                .put("amount", amount == null ? null : new BigDecimal(amount)).put("note", note);
    }

    public static Struct source(long tsMs) {
        return new Struct(SOURCE_SCHEMA).put("version", "3.6.1.Final").put("connector", "mysql").put("name", "demo")
                .put("ts_ms", tsMs).put("ts_us", tsMs * 1000).put("db", "shop").put("table", "orders");
    }

    /** An envelope with op c/r/u (after set) or d (before set); ts_us = tsMs * 1000. */
    public static Struct envelope(String op, Struct before, Struct after, long tsMs) {
        return new Struct(ENVELOPE_SCHEMA).put("before", before).put("after", after).put("source", source(tsMs))
                .put("op", op).put("ts_ms", tsMs).put("ts_us", tsMs * 1000);
    }

    public static SinkRecord record(int partition, long offset, Struct key, Struct value) {
        return new SinkRecord(TOPIC, partition, key == null ? null : KEY_SCHEMA, key,
                value == null ? null : ENVELOPE_SCHEMA, value, offset, 1_700_000_000_000L + offset,
                TimestampType.CREATE_TIME);
    }

    public static SinkRecord upsert(long offset, int id, String amount, long tsMs) {
        return record(0, offset, key(id), envelope("u", null, row(id, "alice", amount, null), tsMs));
    }

    public static SinkRecord delete(long offset, int id, long tsMs) {
        return record(0, offset, key(id), envelope("d", row(id, "alice", "1.00", null), null, tsMs));
    }

    public static SinkRecord tombstone(long offset, int id) {
        return record(0, offset, key(id), null);
    }
}
