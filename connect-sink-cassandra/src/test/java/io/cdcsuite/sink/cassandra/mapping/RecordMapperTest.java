package io.cdcsuite.sink.cassandra.mapping;

import static io.cdcsuite.sink.cassandra.TestRecords.TOPIC;
import static io.cdcsuite.sink.cassandra.TestRecords.envelope;
import static io.cdcsuite.sink.cassandra.TestRecords.key;
import static io.cdcsuite.sink.cassandra.TestRecords.record;
import static io.cdcsuite.sink.cassandra.TestRecords.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import io.cdcsuite.sink.cassandra.TestRecords;
import io.cdcsuite.sink.cassandra.config.ColumnMappings;
import io.cdcsuite.sink.cassandra.cql.TableId;

class RecordMapperTest {
    private static final TableId ORDERS = new TableId("shop", "orders");

    private static RecordMapper mapper(String... columnMappings) {
        return mapper(Map.of(), columnMappings);
    }

    private static RecordMapper mapper(Map<String, TableId> tableMappings, String... columnMappings) {
        return new RecordMapper(new TableRouter(tableMappings, TableNameTemplate.parse("${db}.${table}")),
                ColumnMappings.parse("column.mapping", List.of(columnMappings)), DeleteMarkers.marker("__deleted"), null);
    }

    private static RowChange map(RecordMapper mapper, SinkRecord record) {
        return mapper.map(NormalizedRecord.of(record));
    }

    private static Map<String, Object> values(Map<String, FieldValue> columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        columns.forEach((column, field) -> values.put(column, field.value()));
        return values;
    }

    @Test
    void debeziumCreateReadUpdateUpsertTheAfterImage() {
        for (String op : List.of("c", "r", "u")) {
            Struct before = op.equals("u") ? row(1, "alice", "1.00", null) : null;
            RowChange change = map(mapper(), record(0, 5, key(1), envelope(op, before, row(1, "bob", "2193.60", "x"), 1000)));
            assertThat(change.kind()).as(op).isEqualTo(RowChange.Kind.UPSERT);
            assertThat(change.origin()).isEqualTo(RowChange.Origin.ENVELOPE);
            assertThat(change.table()).isEqualTo(ORDERS);
            assertThat(values(change.keyColumns())).containsExactly(Map.entry("id", 1));
            assertThat(values(change.valueColumns())).containsExactly(Map.entry("customer", "bob"),
                    Map.entry("amount", new BigDecimal("2193.60")), Map.entry("note", "x"));
            assertThat(change.valueColumns().get("amount").schema().name()).isEqualTo("org.apache.kafka.connect.data.Decimal");
        }
    }

    @Test
    void timestampSourceUpdateWithoutBeforeImage() {
        RowChange change = map(mapper(), record(0, 5, key(1), envelope("u", null, row(1, "bob", "3.00", null), 1000)));
        assertThat(change.kind()).isEqualTo(RowChange.Kind.UPSERT);
        assertThat(values(change.valueColumns())).containsEntry("note", null).containsEntry("amount", new BigDecimal("3.00"));
    }

    @Test
    void debeziumDeleteIsADeleteByKey() {
        RowChange change = map(mapper(), record(0, 5, key(1), envelope("d", row(1, "bob", "3.00", null), null, 1000)));
        assertThat(change.kind()).isEqualTo(RowChange.Kind.DELETE);
        assertThat(values(change.keyColumns())).containsExactly(Map.entry("id", 1));
    }

    @Test
    void missingKeyTakesNothingFromTheKeyAndLeavesThePrimaryKeyToTheRow() {
        RowChange upsert = map(mapper(), record(0, 5, null, envelope("c", null, row(7, "bob", "3.00", null), 1000)));
        assertThat(upsert.keyColumns()).isEmpty();
        assertThat(upsert.primitiveKey()).isNull();
        assertThat(values(upsert.valueColumns())).containsEntry("id", 7);
        RowChange delete = map(mapper(), record(0, 6, null, envelope("d", row(7, "bob", "3.00", null), null, 1000)));
        assertThat(delete.kind()).isEqualTo(RowChange.Kind.DELETE);
        assertThat(values(delete.valueColumns())).as("before image").containsEntry("id", 7);
    }

    @Test
    void truncateAndMessageEventsCarryNoRowChange() {
        assertThat(map(mapper(), record(0, 5, null, envelope("t", null, null, 1000)))).isNull();
        assertThat(map(mapper(), record(0, 5, null, envelope("m", null, null, 1000)))).isNull();
    }

    @Test
    void tombstoneIsADeleteRoutedByTopic() {
        RowChange change = map(mapper(), record(0, 5, key(1), null));
        assertThat(change.kind()).isEqualTo(RowChange.Kind.DELETE);
        assertThat(change.origin()).isEqualTo(RowChange.Origin.TOMBSTONE);
        assertThat(change.table()).isEqualTo(ORDERS);
        assertThat(values(change.keyColumns())).containsExactly(Map.entry("id", 1));
        assertThatThrownBy(() -> map(mapper(), record(0, 5, null, null))).hasMessageContaining("neither key nor value");
    }

    @Test
    void flatRowsUpsertAndTheDeleteMarkerDeletes() {
        Schema flat = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("customer", Schema.STRING_SCHEMA)
                .field("__deleted", Schema.OPTIONAL_STRING_SCHEMA).build();
        SinkRecord upsert = new SinkRecord(TOPIC, 0, TestRecords.KEY_SCHEMA, key(1), flat,
                new Struct(flat).put("id", 1).put("customer", "bob").put("__deleted", "false"), 3);
        RowChange change = map(mapper(), upsert);
        assertThat(change.kind()).isEqualTo(RowChange.Kind.UPSERT);
        assertThat(change.origin()).isEqualTo(RowChange.Origin.FLAT);
        assertThat(values(change.valueColumns())).as("the marker is no column").containsExactly(Map.entry("customer", "bob"));
        SinkRecord deleted = new SinkRecord(TOPIC, 0, TestRecords.KEY_SCHEMA, key(1), flat,
                new Struct(flat).put("id", 1).put("customer", "bob").put("__deleted", "true"), 4);
        assertThat(map(mapper(), deleted).kind()).isEqualTo(RowChange.Kind.DELETE);
        Map<String, Object> schemaless = new LinkedHashMap<>(Map.of("id", 1L, "__deleted", true));
        assertThat(map(mapper(), new SinkRecord(TOPIC, 0, null, Map.of("id", 1L), null, schemaless, 5)).kind())
                .isEqualTo(RowChange.Kind.DELETE);
    }

    @Test
    void aSoftDeletedAfterImageDeletesItsKeyAndALiveOneIsWrittenWithTheField() {
        RecordMapper mapper = new RecordMapper(new TableRouter(Map.of(), TableNameTemplate.parse("${db}.${table}")),
                ColumnMappings.parse("column.mapping", List.of()), new DeleteMarkers("__deleted", "note", "gone"), null);
        RowChange deleted = map(mapper, record(0, 5, key(1), envelope("u", row(1, "bob", "3.00", null),
                row(1, "bob", "3.00", "gone"), 1000)));
        assertThat(deleted.kind()).isEqualTo(RowChange.Kind.DELETE);
        assertThat(values(deleted.keyColumns())).containsExactly(Map.entry("id", 1));
        RowChange live = map(mapper, record(0, 6, key(1), envelope("u", null, row(1, "bob", "3.00", "kept"), 1000)));
        assertThat(live.kind()).isEqualTo(RowChange.Kind.UPSERT);
        assertThat(values(live.valueColumns())).containsEntry("note", "kept");
    }

    @Test
    void schemalessEnvelopesAndJsonTextKeepDecimalsExact() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("id", 1L);
        after.put("amount", 2193.6d);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("before", null);
        value.put("after", after);
        value.put("source", Map.of("db", "shop", "table", "orders"));
        value.put("op", "c");
        RowChange fromMap = map(mapper(), new SinkRecord(TOPIC, 0, null, Map.of("id", 1L), null, value, 1));
        assertThat(values(fromMap.keyColumns())).containsExactly(Map.entry("id", 1L));
        assertThat(values(fromMap.valueColumns())).containsExactly(Map.entry("amount", 2193.6d));

        String json = "{\"schema\":{\"type\":\"struct\"},\"payload\":{\"before\":null,\"after\":{\"id\":1,"
                + "\"amount\":2193.60,\"big\":12345678901234567890},\"source\":{\"db\":\"shop\",\"table\":\"orders\"},\"op\":\"u\"}}";
        SinkRecord text = new SinkRecord(TOPIC, 0, Schema.STRING_SCHEMA, "{\"id\":1}", Schema.STRING_SCHEMA, json, 2);
        RowChange fromJson = map(mapper(), text);
        assertThat(fromJson.kind()).isEqualTo(RowChange.Kind.UPSERT);
        assertThat(fromJson.valueColumns().get("amount").value()).isEqualTo(new BigDecimal("2193.60"));
        assertThat(((BigDecimal) fromJson.valueColumns().get("amount").value()).scale()).isEqualTo(2);
        assertThat(fromJson.valueColumns().get("big").value()).isEqualTo(new java.math.BigInteger("12345678901234567890"));
        SinkRecord bytes = new SinkRecord(TOPIC, 0, null, null, null, "{\"id\":1,\"amount\":1.50}".getBytes(StandardCharsets.UTF_8), 3);
        assertThat(map(mapper(), bytes).valueColumns().get("amount").value()).isEqualTo(new BigDecimal("1.50"));
        SinkRecord broken = new SinkRecord(TOPIC, 0, null, null, null, "{\"id\":", 4);
        assertThatThrownBy(() -> map(mapper(), broken)).isInstanceOf(RecordMappingException.class)
                .hasMessageContaining("not valid JSON");
        SinkRecord notARow = new SinkRecord(TOPIC, 0, null, null, Schema.INT32_SCHEMA, 5, 4);
        assertThatThrownBy(() -> map(mapper(), notARow)).hasMessageContaining("neither a change event nor a row");
    }

    @Test
    void primitiveKeysAreKeptForASingleColumnKey() {
        SinkRecord record = new SinkRecord(TOPIC, 0, Schema.STRING_SCHEMA, "k1", TestRecords.ENVELOPE_SCHEMA,
                envelope("c", null, row(1, "bob", null, null), 1000), 1);
        RowChange change = map(mapper(), record);
        assertThat(change.keyColumns()).isEmpty();
        assertThat(change.primitiveKey().value()).isEqualTo("k1");
        RowChange mapped = map(mapper("shop.orders:order_key=key"), record);
        assertThat(values(mapped.keyColumns())).containsExactly(Map.entry("order_key", "k1"));
        assertThat(mapped.primitiveKey()).isNull();
    }

    @Test
    void columnMappingRenamesAddsAndSkips() {
        SinkRecord record = new SinkRecord(TOPIC, 2, TestRecords.KEY_SCHEMA, key(1), TestRecords.ENVELOPE_SCHEMA,
                envelope("c", null, row(1, "bob", "2.50", "n"), 1000), 42, 99L, TimestampType.CREATE_TIME);
        record.headers().addString("trace", "abc");
        RecordMapper mapper = mapper("shop.orders:order_id=key.id", "shop.orders:buyer=value.customer",
                "shop.orders:note=", "shop.orders:trace_id=header.trace", "shop.orders:committed_ms=envelope.source.ts_ms",
                "shop.orders:kafka_offset=kafka.offset", "shop.orders:kafka_topic=kafka.topic");
        RowChange change = mapper.map(NormalizedRecord.of(record));
        assertThat(values(change.keyColumns())).containsExactly(Map.entry("order_id", 1));
        assertThat(values(change.valueColumns())).containsExactly(
                Map.entry("amount", new BigDecimal("2.50")), Map.entry("buyer", "bob"), Map.entry("trace_id", "abc"),
                Map.entry("committed_ms", 1000L), Map.entry("kafka_offset", 42L), Map.entry("kafka_topic", TOPIC));
    }

    @Test
    void nestedPathsAndMistypedPaths() {
        Schema address = SchemaBuilder.struct().optional().field("city", Schema.STRING_SCHEMA).build();
        Schema flat = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("address", address).build();
        Struct value = new Struct(flat).put("id", 1).put("address", new Struct(address).put("city", "Oslo"));
        SinkRecord record = new SinkRecord(TOPIC, 0, TestRecords.KEY_SCHEMA, key(1), flat, value, 1);
        RowChange change = map(mapper("shop.orders:city=value.address.city"), record);
        assertThat(change.valueColumns().get("city").value()).isEqualTo("Oslo");
        assertThat(change.valueColumns()).as("a nested path is no rename").containsKey("address");
        Struct nullAddress = new Struct(flat).put("id", 1);
        RowChange withNull = map(mapper("shop.orders:city=value.address.city"),
                new SinkRecord(TOPIC, 0, TestRecords.KEY_SCHEMA, key(1), flat, nullAddress, 2));
        assertThat(withNull.valueColumns().get("city").value()).isNull();
        assertThat(withNull.valueColumns().get("city").schema()).isEqualTo(Schema.STRING_SCHEMA);
        assertThatThrownBy(() -> map(mapper("shop.orders:city=value.adress.city"), record))
                .isInstanceOf(RecordMappingException.class).hasMessageContaining("no field 'adress'");
        Schema withMap = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA)
                .field("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA).build()).build();
        SinkRecord mapRecord = new SinkRecord(TOPIC, 0, TestRecords.KEY_SCHEMA, key(1), withMap,
                new Struct(withMap).put("id", 1).put("attrs", Map.of("color", "red")), 4);
        RowChange fromMap = map(mapper("shop.orders:color=value.attrs.color", "shop.orders:size=value.attrs.size"), mapRecord);
        assertThat(fromMap.valueColumns().get("color")).isEqualTo(FieldValue.of("red", Schema.STRING_SCHEMA));
        assertThat(fromMap.valueColumns()).as("a key the map lacks").doesNotContainKey("size");
        // schemaless: a missing field leaves the column out
        SinkRecord schemaless = new SinkRecord(TOPIC, 0, null, Map.of("id", 1L), null, Map.of("id", 1L), 3);
        assertThat(map(mapper("shop.orders:city=value.address.city"), schemaless).valueColumns()).doesNotContainKey("city");
    }

    @Test
    void routingUsesTableMappingThenSourceBlockThenTopic() {
        SinkRecord envelopeRecord = record(0, 1, key(1), envelope("c", null, row(1, "a", null, null), 1));
        assertThat(map(mapper(Map.of(TOPIC, new TableId("ks", "t"))), envelopeRecord).table()).isEqualTo(new TableId("ks", "t"));
        SinkRecord renamed = new SinkRecord("routed", 0, TestRecords.KEY_SCHEMA, key(1), TestRecords.ENVELOPE_SCHEMA,
                envelope("c", null, row(1, "a", null, null), 1), 1);
        assertThat(map(mapper(), renamed).table()).as("db and table from the source block").isEqualTo(ORDERS);
        SinkRecord flatOnRenamed = new SinkRecord("routed", 0, null, Map.of("id", 1L), null, Map.of("id", 1L), 1);
        assertThatThrownBy(() -> map(mapper(), flatOnRenamed)).isInstanceOf(RecordMappingException.class)
                .hasMessageContaining("cannot derive a table for topic 'routed'").hasMessageContaining("table.mapping");
        TableRouter router = new TableRouter(Map.of(), TableNameTemplate.parse("sink.${topic}"));
        assertThat(router.route("demo.shop.order-items", SourceTable.of("demo.shop.order-items", null))).isEqualTo(new TableId("sink", "demo_shop_order_items"));
    }

    @Test
    void ttlFieldGivesARecordItsOwnTtl() {
        Schema flat = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).field("ttl", Schema.OPTIONAL_INT64_SCHEMA).build();
        RecordMapper mapper = new RecordMapper(new TableRouter(Map.of(), TableNameTemplate.parse("${db}.${table}")),
                ColumnMappings.parse("column.mapping", List.of()), DeleteMarkers.marker("__deleted"), FieldPath.parse("value.ttl"));
        SinkRecord withTtl = new SinkRecord(TOPIC, 0, TestRecords.KEY_SCHEMA, key(1), flat, new Struct(flat).put("id", 1).put("ttl", 60L), 1);
        assertThat(mapper.map(NormalizedRecord.of(withTtl)).ttlSeconds()).isEqualTo(60);
        SinkRecord without = new SinkRecord(TOPIC, 0, TestRecords.KEY_SCHEMA, key(1), flat, new Struct(flat).put("id", 1), 2);
        assertThat(mapper.map(NormalizedRecord.of(without)).ttlSeconds()).isNull();
        SinkRecord negative = new SinkRecord(TOPIC, 0, TestRecords.KEY_SCHEMA, key(1), flat, new Struct(flat).put("id", 1).put("ttl", -5L), 3);
        assertThatThrownBy(() -> mapper.map(NormalizedRecord.of(negative))).hasMessageContaining("ttl.field");
    }

    @Test
    void fieldPathsParseOrExplain() {
        assertThat(FieldPath.parse("value.a.b").segments()).containsExactly("a", "b");
        assertThat(FieldPath.parse("key").origin()).isEqualTo(FieldPath.Origin.KEY);
        assertThat(FieldPath.parse("header.x.y").segments()).containsExactly("x.y");
        for (String bad : List.of("a.b", "value", "value..a", "kafka.foo", "header", "")) {
            assertThatThrownBy(() -> FieldPath.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
