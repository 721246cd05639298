package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import io.cdcsuite.transforms.MySqlEvents.Path;

class UnwrapTest {

    @Test
    void timestampPathUpdatesWithoutBeforeImageUnwrapToTheRow() {
        SourceRecord unwrapped = apply(Map.of(), Path.TIMESTAMP_SOURCE.update(3));

        assertThat(unwrapped.value()).isEqualTo(copyUnder(unwrapped.valueSchema(), MySqlEvents.row(3, "shipped")));
        assertThat(unwrapped.valueSchema().name()).isEqualTo(MySqlEvents.TOPIC + ".Value");
        assertThat(unwrapped.key()).isEqualTo(MySqlEvents.key(3));
    }

    @Test
    void namesAddedFieldsAndHeadersAsDebeziumDoes() {
        SourceRecord unwrapped = apply(Map.of("add.fields", "op,table,source.ts_ms,ts_ms:EVENT_TS",
                "add.headers", "op,db", "add.headers.prefix", "cdc_"), Path.TIMESTAMP_SOURCE.create(2));

        Struct value = (Struct) unwrapped.value();
        assertThat(unwrapped.valueSchema().fields().stream().map(Field::name).toList())
                .endsWith("model_year", "__op", "__table", "__source_ts_ms", "__EVENT_TS");
        assertThat(value.get("__op")).isEqualTo("c");
        assertThat(value.get("__table")).isEqualTo("orders");
        assertThat(value.get("__source_ts_ms")).isEqualTo(MySqlEvents.CHANGED_AT.toEpochMilli());
        assertThat(value.get("__EVENT_TS")).isEqualTo(MySqlEvents.CAPTURED_AT.toEpochMilli());
        assertThat(unwrapped.valueSchema().field("__op").schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        assertThat(unwrapped.headers()).extracting(Header::key).containsExactly("trace", "cdc_op", "cdc_db");
        assertThat(unwrapped.headers().lastWithName("cdc_db").value()).isEqualTo("inventory");
    }

    @Test
    void rewritesDeletes() {
        SourceRecord deleted = apply(Map.of("delete.tombstone.handling.mode", "rewrite"), Path.TIMESTAMP_SOURCE.delete(6));
        SourceRecord upserted = apply(Map.of("delete.tombstone.handling.mode", "rewrite"), Path.TIMESTAMP_SOURCE.create(6));

        assertThat(((Struct) deleted.value()).get("__deleted")).isEqualTo("true");
        assertThat(((Struct) deleted.value()).get("status")).isEqualTo("shipped");
        assertThat(((Struct) upserted.value()).get("__deleted")).isEqualTo("false");
        assertThat(apply(Map.of("delete.tombstone.handling.mode", "rewrite"), Path.TIMESTAMP_SOURCE.tombstone(6))).isNull();
    }

    @Test
    void unwrapsSchemalessEnvelopes() {
        Map<String, Object> before = Map.of("id", 6, "status", "shipped");
        Map<String, Object> source = Map.of("db", "inventory", "table", "orders", "ts_ms", 5L);
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("before", before);
        envelope.put("after", null);
        envelope.put("source", source);
        envelope.put("op", "d");
        envelope.put("ts_ms", 7L);
        envelope.put("transaction", null);

        SourceRecord tombstoned = apply(Map.of(), schemaless(envelope));
        SourceRecord rewritten = apply(Map.of("delete.tombstone.handling.mode", "rewrite",
                "add.fields", "op,source.ts_ms,id,gtid", "add.headers", "op,table"), schemaless(envelope));

        assertThat(tombstoned.value()).isNull();
        assertThat(tombstoned.valueSchema()).isNull();
        assertThat(rewritten.valueSchema()).isNull();
        Map<String, Object> expected = new HashMap<>(before);
        expected.put("__deleted", "true");
        expected.put("__op", "d");
        expected.put("__source_ts_ms", 5L);
        expected.put("__id", null); // transaction is null; gtid is absent, so not added
        assertThat(rewritten.value()).isEqualTo(expected);
        assertThat(rewritten.headers().lastWithName("__op").value()).isEqualTo("d");
        assertThat(rewritten.headers().lastWithName("__table").value()).isEqualTo("orders");
        assertThat(apply(Map.of("delete.tombstone.handling.mode", "drop"), schemaless(envelope))).isNull();

        envelope.put("after", Map.of("id", 6, "status", "new"));
        envelope.put("op", "c");
        assertThat(apply(Map.of(), schemaless(envelope)).value()).isEqualTo(Map.of("id", 6, "status", "new"));
    }

    @Test
    void passesRecordsThatAreNotEnvelopes() {
        SourceRecord heartbeat = MySqlEvents.heartbeat();
        assertThat(apply(Map.of("add.headers", "op"), heartbeat)).isSameAs(heartbeat);
        SourceRecord flat = new SourceRecord(Map.of(), Map.of(), "t", 0, null, null, null, Map.of("id", 1));
        assertThat(apply(Map.of(), flat)).isSameAs(flat);
    }

    @Test
    void worksOnSinkRecords() {
        SourceRecord source = Path.DEBEZIUM.update(3);
        SinkRecord sink = new SinkRecord(source.topic(), 0, source.keySchema(), source.key(), source.valueSchema(),
                source.value(), 42L);

        SinkRecord unwrapped = new UnwrapHarness<SinkRecord>().apply(Map.of(), sink);

        assertThat(unwrapped.kafkaOffset()).isEqualTo(42L);
        assertThat(((Struct) unwrapped.value()).get("status")).isEqualTo("shipped");
    }

    @Test
    void wrongShapesAreDataErrorsNamingTheTopic() {
        Schema envelope = SchemaBuilder.struct().name("x.Envelope")
                .field("before", Schema.OPTIONAL_STRING_SCHEMA).field("after", Schema.OPTIONAL_STRING_SCHEMA)
                .field("op", Schema.STRING_SCHEMA).build();
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "weird.topic", 0, null, null, envelope,
                new Struct(envelope).put("after", "{}").put("op", "c"));
        assertThatThrownBy(() -> apply(Map.of(), record))
                .isInstanceOf(DataException.class).hasMessageContaining("not a struct").hasMessageContaining("weird.topic");

        assertThatThrownBy(() -> apply(Map.of("route.by.field", "customer_id"), Path.DEBEZIUM.create(1)))
                .isInstanceOf(DataException.class).hasMessageContaining(MySqlEvents.TOPIC);
    }

    @Test
    void badConfigNamesTheKey() {
        for (Map<String, String> config : List.of(
                Map.of("delete.tombstone.handling.mode", "keep"),
                Map.of("add.fields", "source.ts_ms:a:b"),
                Map.of("add.fields", "op,op"),
                Map.of("add.headers", "a.b.c"),
                Map.of("drop.fields.header.name", "changed"))) {
            String key = config.keySet().iterator().next();
            assertThatThrownBy(() -> new Unwrap<SourceRecord>().configure(config))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(key);
        }
    }

    private static Struct copyUnder(Schema schema, Struct row) {
        Struct copy = new Struct(schema);
        row.schema().fields().forEach(field -> copy.put(field.name(), row.getWithoutDefault(field.name())));
        return copy;
    }

    private static SourceRecord schemaless(Map<String, Object> envelope) {
        return new SourceRecord(Map.of(), Map.of(), MySqlEvents.TOPIC, 0, null, Map.of("id", 6), null, new HashMap<>(envelope));
    }

    static SourceRecord apply(Map<String, String> config, SourceRecord record) {
        return new UnwrapHarness<SourceRecord>().apply(config, record);
    }

    private static final class UnwrapHarness<R extends org.apache.kafka.connect.connector.ConnectRecord<R>> {
        R apply(Map<String, String> config, R record) {
            try (Unwrap<R> unwrap = new Unwrap<>()) {
                unwrap.configure(config);
                return unwrap.apply(record);
            }
        }
    }
}
