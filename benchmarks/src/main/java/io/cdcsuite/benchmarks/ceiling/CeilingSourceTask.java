package io.cdcsuite.benchmarks.ceiling;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * Emits {@code record.count} records, {@code batch.size} per poll, then nothing. The value is one envelope built at
 * start (the fields of the timestamp source's orders snapshot record, so of about its size) and shared by every record; only the key
 * and the source offset differ, so the task itself costs next to nothing.
 */
public final class CeilingSourceTask extends SourceTask {
    private static final Schema KEY_SCHEMA = SchemaBuilder.struct().name("ceiling.orders.Key")
            .field("id", Schema.INT64_SCHEMA).build();
    private static final Schema ROW_SCHEMA = SchemaBuilder.struct().name("ceiling.orders.Value").optional()
            .field("id", Schema.INT64_SCHEMA)
            .field("customer_id", Schema.INT32_SCHEMA)
            .field("amount", Decimal.builder(2).optional().build())
            .field("status", Schema.STRING_SCHEMA)
            .field("note", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created_at", SchemaBuilder.int64().name("io.debezium.time.Timestamp").version(1).build())
            .field("last_updated", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").version(1).build())
            .build();
    private static final Schema SOURCE_SCHEMA = SchemaBuilder.struct().name("ceiling.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", Schema.OPTIONAL_STRING_SCHEMA)
            .field("db", Schema.STRING_SCHEMA)
            .field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ts_us", Schema.INT64_SCHEMA)
            .field("ts_ns", Schema.INT64_SCHEMA)
            .field("table", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema ENVELOPE_SCHEMA = SchemaBuilder.struct().name("ceiling.orders.Envelope")
            .field("before", ROW_SCHEMA)
            .field("after", ROW_SCHEMA)
            .field("source", SOURCE_SCHEMA)
            .field("transaction", SchemaBuilder.struct().name("ceiling.Transaction").optional()
                    .field("id", Schema.STRING_SCHEMA).build())
            .field("op", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
            .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private Settings settings;
    private Map<String, String> sourcePartition;
    private Struct value;
    private long emitted;

    @Override
    public void start(Map<String, String> props) {
        settings = new Settings(props);
        sourcePartition = Map.of("topic", settings.topic());
        long now = System.currentTimeMillis();
        Struct row = new Struct(ROW_SCHEMA)
                .put("id", 123_456L)
                .put("customer_id", 4_321)
                .put("amount", new BigDecimal("2193.60"))
                .put("status", "SHIPPED")
                .put("note", "gift wrap, leave at the door")
                .put("created_at", now)
                .put("last_updated", "2026-11-21T01:57:46.123Z");
        value = new Struct(ENVELOPE_SCHEMA)
                .put("after", row)
                .put("source", new Struct(SOURCE_SCHEMA).put("version", "benchmark").put("connector", "ceiling")
                        .put("name", "ceiling").put("ts_ms", now).put("snapshot", "true").put("db", "bench")
                        .put("ts_us", now * 1_000).put("ts_ns", now * 1_000_000).put("table", "orders"))
                .put("op", "r")
                .put("ts_ms", now)
                .put("ts_us", now * 1_000)
                .put("ts_ns", now * 1_000_000);
        emitted = 0;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        long remaining = settings.recordCount() - emitted;
        if (remaining <= 0) {
            Thread.sleep(100); // done: do not spin the worker's thread
            return null;
        }
        int size = (int) Math.min(remaining, settings.batchSize());
        List<SourceRecord> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            long id = ++emitted;
            records.add(new SourceRecord(sourcePartition, Map.of("emitted", id), settings.topic(), null,
                    KEY_SCHEMA, new Struct(KEY_SCHEMA).put("id", id), ENVELOPE_SCHEMA, value));
        }
        return records;
    }

    @Override
    public void stop() {
        value = null;
    }

    @Override
    public String version() {
        return "benchmark";
    }

    static final class Settings extends AbstractConfig {
        static final String TOPIC = "topic";
        static final String RECORD_COUNT = "record.count";
        static final String BATCH_SIZE = "batch.size";
        static final ConfigDef CONFIG_DEF = new ConfigDef()
                .define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Topic to write to.")
                .define(RECORD_COUNT, Type.LONG, ConfigDef.NO_DEFAULT_VALUE, Range.atLeast(1), Importance.HIGH,
                        "Records to emit in all.")
                .define(BATCH_SIZE, Type.INT, 2_000, Range.atLeast(1), Importance.MEDIUM,
                        "Records returned per poll (the timestamp source's batch.max.rows default).");

        Settings(Map<String, String> props) {
            super(CONFIG_DEF, props);
        }

        String topic() {
            return getString(TOPIC);
        }

        long recordCount() {
            return getLong(RECORD_COUNT);
        }

        int batchSize() {
            return getInt(BATCH_SIZE);
        }
    }
}
