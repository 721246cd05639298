package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdcsuite.transforms.MySqlEvents.Path;
import io.debezium.data.VariableScaleDecimal;
import io.debezium.time.MicroTime;
import io.debezium.time.MicroTimestamp;
import io.debezium.time.NanoTimestamp;
import io.debezium.time.ZonedTimestamp;

class NormalizeTest {
    private static final long MILLIS = 1_709_288_130_123L;

    @ParameterizedTest
    @EnumSource(Path.class)
    void convertsDebeziumTypesInBeforeAndAfter(Path path) {
        SourceRecord record = path.update(3);

        SourceRecord normalized = apply(new Normalize.Value<>(), Map.of(), record);

        Struct envelope = (Struct) normalized.value();
        Struct after = envelope.getStruct("after");
        assertThat(after.get("created_at")).isEqualTo(new Date(MILLIS));
        assertThat(after.get("updated_at")).isEqualTo(new Date(MILLIS));
        assertThat(after.get("legacy_ts")).isEqualTo(new Date(MILLIS));
        assertThat(after.get("ship_date")).isEqualTo(new Date(19_783L * 86_400_000L));
        assertThat(after.get("ship_time")).isEqualTo(new Date(36_930_123L));
        assertThat(after.get("model_year")).isEqualTo(2024);
        assertThat(after.get("amount")).isEqualTo(new BigDecimal("2193.60"));
        assertThat(after.get("status")).isEqualTo("shipped");

        Schema row = normalized.valueSchema().field("after").schema();
        assertThat(row.field("created_at").schema()).isEqualTo(Timestamp.builder().optional().build());
        assertThat(row.field("updated_at").schema()).isEqualTo(Timestamp.builder().optional().build());
        assertThat(row.field("ship_date").schema()).isEqualTo(org.apache.kafka.connect.data.Date.builder().optional().build());
        assertThat(row.field("ship_time").schema()).isEqualTo(Time.builder().optional().build());
        assertThat(row.field("model_year").schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
        assertThat(row.field("status").schema().defaultValue()).isEqualTo("new");
        assertThat(row.name()).isEqualTo(MySqlEvents.TOPIC + ".Value");
        assertThat(normalized.valueSchema().name()).isEqualTo(MySqlEvents.TOPIC + ".Envelope");
        assertThat(normalized.valueSchema().field("before").schema()).isSameAs(row);
        assertThat(envelope.get("source")).isEqualTo(((Struct) record.value()).get("source"));
        assertThat(envelope.get("op")).isEqualTo("u");
        if (path == Path.DEBEZIUM) {
            assertThat(envelope.getStruct("before").get("status")).isEqualTo("new");
            assertThat(envelope.getStruct("before").get("created_at")).isEqualTo(new Date(MILLIS));
        } else {
            assertThat(envelope.get("before")).isNull();
        }
        assertThat(normalized.headers()).isEqualTo(record.headers());
    }

    @Test
    void normalizesFlatRowsAndKeys() {
        Schema key = SchemaBuilder.struct().name("dbserver1.shop.events.Key")
                .field("at", MicroTimestamp.schema()).build();
        Struct row = MySqlEvents.row(1, "new");
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "t", 0, key, new Struct(key).put("at", 1_500L),
                row.schema(), row);

        SourceRecord keyed = apply(new Normalize.Key<>(), Map.of(), record);
        SourceRecord valued = apply(new Normalize.Value<>(), Map.of(), record);

        assertThat(((Struct) keyed.key()).get("at")).isEqualTo(new Date(1L));
        assertThat(keyed.keySchema().field("at").schema()).isEqualTo(Timestamp.SCHEMA);
        assertThat(keyed.value()).isSameAs(row);
        assertThat(((Struct) valued.value()).get("created_at")).isEqualTo(new Date(MILLIS));
        assertThat(valued.key()).isSameAs(record.key());
    }

    @Test
    void truncatesByDefaultAlsoBefore1970() {
        assertThat(convertOne(MicroTimestamp.schema(), -1L, Map.of())).isEqualTo(new Date(-1L));
        assertThat(convertOne(MicroTimestamp.schema(), 1_999L, Map.of())).isEqualTo(new Date(1L));
        assertThat(convertOne(NanoTimestamp.schema(), 1_999_999L, Map.of())).isEqualTo(new Date(1L));
    }

    @Test
    void roundsHalfUpWhenAsked() {
        Map<String, String> round = Map.of("micros.handling", "round");
        assertThat(convertOne(MicroTimestamp.schema(), 1_500L, round)).isEqualTo(new Date(2L));
        assertThat(convertOne(MicroTimestamp.schema(), 1_499L, round)).isEqualTo(new Date(1L));
        assertThat(convertOne(MicroTimestamp.schema(), -1_500L, round)).isEqualTo(new Date(-1L));
        // a time of day never rounds into the next day, which Connect's Time cannot hold
        assertThat(convertOne(MicroTime.schema(), 86_399_999_999L, round)).isEqualTo(new Date(86_399_999L));
    }

    @Test
    void keepsMicrosecondsInAnAddedField() {
        SourceRecord record = Path.DEBEZIUM.create(1);

        SourceRecord normalized = apply(new Normalize.Value<>(), Map.of("micros.handling", "add-field"), record);

        Schema row = normalized.valueSchema().field("after").schema();
        assertThat(row.fields().stream().map(Field::name)).containsExactly("id", "customer_id", "amount", "status",
                "created_at", "created_at_micros", "updated_at", "updated_at_micros", "ship_date", "ship_time",
                "ship_time_micros", "legacy_ts", "model_year");
        assertThat(row.field("created_at_micros").schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
        Struct after = ((Struct) normalized.value()).getStruct("after");
        assertThat(after.get("created_at")).isEqualTo(new Date(MILLIS));
        assertThat(after.get("created_at_micros")).isEqualTo(1_709_288_130_123_456L);
        assertThat(after.get("updated_at_micros")).isEqualTo(1_709_288_130_123_456L);
        assertThat(after.get("ship_time_micros")).isEqualTo(36_930_123_456L);
    }

    @Test
    void addedFieldSuffixIsConfigurableAndMustNotCollide() {
        Map<String, String> config = Map.of("micros.handling", "add-field", "micros.field.suffix", "_us");
        assertThat(apply(new Normalize.Value<>(), config, Path.DEBEZIUM.create(1)).valueSchema().field("after")
                .schema().field("created_at_us")).isNotNull();

        Schema clash = SchemaBuilder.struct().name("x.Value").field("at", MicroTimestamp.schema())
                .field("at_micros", Schema.INT64_SCHEMA).build();
        SourceRecord record = flat(clash, new Struct(clash).put("at", 1L).put("at_micros", 1L));
        assertThatThrownBy(() -> apply(new Normalize.Value<>(), Map.of("micros.handling", "add-field"), record))
                .isInstanceOf(DataException.class).hasMessageContaining("at_micros").hasMessageContaining("topic 'orders'");
    }

    @Test
    void rejectsTimesOutsideADayNamingFieldAndTopic() {
        Schema schema = SchemaBuilder.struct().name("x.Value").field("duration", MicroTime.schema()).build();
        SourceRecord record = flat(schema, new Struct(schema).put("duration", -3_600_000_000L));

        assertThatThrownBy(() -> apply(new Normalize.Value<>(), Map.of(), record))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'duration'").hasMessageContaining("topic 'orders'");
        // leaving MicroTime out keeps such columns as they are
        assertThat(apply(new Normalize.Value<>(), Map.of("logical.types", "Date,MicroTimestamp"), record)).isSameAs(record);
    }

    @Test
    void convertsVariableScaleDecimals() {
        Schema schema = SchemaBuilder.struct().name("x.Value").field("n", VariableScaleDecimal.optionalSchema()).build();
        Struct value = new Struct(schema).put("n", VariableScaleDecimal.fromLogical(
                VariableScaleDecimal.optionalSchema(), new BigDecimal("12.345")));

        SourceRecord byDefault = apply(new Normalize.Value<>(), Map.of(), flat(schema, value));
        SourceRecord scale2 = apply(new Normalize.Value<>(), Map.of("variable.scale.decimal.scale", "2"), flat(schema, value));

        assertThat(((Struct) byDefault.value()).get("n")).isEqualTo(new BigDecimal("12.3450000000"));
        Schema decimal = byDefault.valueSchema().field("n").schema();
        assertThat(decimal.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(decimal.parameters()).containsExactly(Map.entry("scale", "10"));
        assertThat(decimal.isOptional()).isTrue();
        assertThat(((Struct) scale2.value()).get("n")).isEqualTo(new BigDecimal("12.35"));
        assertThatThrownBy(() -> apply(new Normalize.Value<>(),
                Map.of("variable.scale.decimal.scale", "2", "decimal.rounding.mode", "unnecessary"), flat(schema, value)))
                .isInstanceOf(DataException.class).hasMessageContaining("12.345");
    }

    @Test
    void convertsStringDecimalsByPropagatedTypeOrConfiguredScale() {
        Schema propagated = SchemaBuilder.string().optional()
                .parameter("__debezium.source.column.type", "DECIMAL")
                .parameter("__debezium.source.column.length", "10")
                .parameter("__debezium.source.column.scale", "2").build();
        Schema schema = SchemaBuilder.struct().name("x.Value")
                .field("amount", propagated)
                .field("total", Schema.OPTIONAL_STRING_SCHEMA)
                .field("note", Schema.OPTIONAL_STRING_SCHEMA).build();
        Struct value = new Struct(schema).put("amount", "2193.60").put("total", "7.5").put("note", "7.5");

        SourceRecord normalized = apply(new Normalize.Value<>(), Map.of("string.decimal.fields", "total:3"), flat(schema, value));

        Struct out = (Struct) normalized.value();
        assertThat(out.get("amount")).isEqualTo(new BigDecimal("2193.60"));
        assertThat(out.get("total")).isEqualTo(new BigDecimal("7.500"));
        assertThat(out.get("note")).isEqualTo("7.5");
        Schema amount = normalized.valueSchema().field("amount").schema();
        assertThat(amount.name()).isEqualTo(Decimal.LOGICAL_NAME);
        assertThat(amount.parameters()).containsEntry("scale", "2").containsEntry("connect.decimal.precision", "10");
        assertThat(normalized.valueSchema().field("total").schema()).isEqualTo(Decimal.builder(3).optional().build());
    }

    @Test
    void convertsDefaultValues() {
        Schema schema = SchemaBuilder.struct().name("x.Value")
                .field("at", MicroTimestamp.builder().optional().defaultValue(2_000L).build()).build();

        SourceRecord normalized = apply(new Normalize.Value<>(), Map.of(), flat(schema, new Struct(schema)));

        assertThat(normalized.valueSchema().field("at").schema().defaultValue()).isEqualTo(new Date(2L));
        assertThat(((Struct) normalized.value()).get("at")).isEqualTo(new Date(2L));
        assertThat(((Struct) normalized.value()).getWithoutDefault("at")).isNull();
    }

    @Test
    void convertsInNestedStructsArraysAndMapsIntoValidStructs() {
        Schema stamp = SchemaBuilder.struct().name("x.Stamp").field("at", MicroTimestamp.schema())
                .field("by", Schema.OPTIONAL_STRING_SCHEMA).build();
        Schema schema = SchemaBuilder.struct().name("x.Value")
                .field("stamp", stamp)
                .field("history", SchemaBuilder.array(stamp).optional().build())
                .field("days", SchemaBuilder.map(Schema.STRING_SCHEMA, io.debezium.time.Date.schema()).build())
                .build();
        Struct value = new Struct(schema)
                .put("stamp", new Struct(stamp).put("at", 1_500L).put("by", "me"))
                .put("history", List.of(new Struct(stamp).put("at", 2_500L)))
                .put("days", Map.of("first", 1));

        SourceRecord normalized = apply(new Normalize.Value<>(), Map.of(), flat(schema, value));

        ConnectSchema.validateValue(normalized.valueSchema(), normalized.value());
        Struct out = (Struct) normalized.value();
        assertThat(out.getStruct("stamp").get("at")).isEqualTo(new Date(1L));
        assertThat(out.getStruct("stamp").get("by")).isEqualTo("me");
        assertThat(((Struct) out.getArray("history").get(0)).get("at")).isEqualTo(new Date(2L));
        assertThat(out.getMap("days")).isEqualTo(Map.of("first", new Date(86_400_000L)));
    }

    @Test
    void rejectsAStructOfAnotherSchemaThanTheRecordSays() {
        Schema other = SchemaBuilder.struct().name("x.Other").field("f", Schema.INT64_SCHEMA).build();
        Schema declared = SchemaBuilder.struct().name("x.Value").field("f", MicroTimestamp.schema()).build();
        SourceRecord record = flat(declared, new Struct(other).put("f", 1_000L));

        assertThatThrownBy(() -> apply(new Normalize.Value<>(), Map.of(), record))
                .isInstanceOf(DataException.class).hasMessageContaining("x.Other").hasMessageContaining("x.Value");
    }

    @Test
    void leavesRecordsWithoutConvertibleTypesAndTombstonesAlone() {
        Schema schema = SchemaBuilder.struct().name("x.Value").field("at", Timestamp.SCHEMA)
                .field("amount", Decimal.schema(2)).build();
        SourceRecord record = flat(schema, new Struct(schema).put("at", new Date(1L)).put("amount", BigDecimal.ONE.setScale(2)));

        assertThat(apply(new Normalize.Value<>(), Map.of(), record)).isSameAs(record);
        SourceRecord tombstone = Path.DEBEZIUM.tombstone(1);
        assertThat(apply(new Normalize.Value<>(), Map.of(), tombstone)).isSameAs(tombstone);
        assertThat(apply(new Normalize.Value<>(), Map.of("logical.types", "Date"), Path.DEBEZIUM.create(1)).valueSchema()
                .field("after").schema().field("created_at").schema().name()).isEqualTo(MicroTimestamp.SCHEMA_NAME);
    }

    @Test
    void convertsConfiguredSchemalessFields() {
        Map<String, Object> after = new HashMap<>();
        after.put("id", 1);
        after.put("created_at", 1_709_288_130_123_456L);
        after.put("updated_at", "2024-03-01T10:15:30.123456Z");
        after.put("price", "2193.60");
        after.put("missing", null);
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("op", "c");
        envelope.put("before", null);
        envelope.put("after", after);
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "t", 0, null, null, null, envelope);

        SourceRecord normalized = apply(new Normalize.Value<>(), Map.of(
                "schemaless.field.types", "created_at:MicroTimestamp,updated_at:ZonedTimestamp,price:Decimal,missing:Date",
                "micros.handling", "add-field"), record);

        Map<?, ?> row = (Map<?, ?>) ((Map<?, ?>) normalized.value()).get("after");
        assertThat(row.get("created_at")).isEqualTo(new Date(MILLIS));
        assertThat(row.get("created_at_micros")).isEqualTo(1_709_288_130_123_456L);
        assertThat(row.get("updated_at")).isEqualTo(new Date(MILLIS));
        assertThat(row.get("price")).isEqualTo(new BigDecimal("2193.60"));
        assertThat(row.get("missing")).isNull();
        assertThat(row.get("id")).isEqualTo(1);
        assertThat(((Map<?, ?>) normalized.value()).get("op")).isEqualTo("c");
    }

    @Test
    void badConfigNamesTheKey() {
        for (Map<String, String> config : List.of(
                Map.of("logical.types", "MicroTimestamp,Bogus"),
                Map.of("micros.handling", "floor"),
                Map.of("string.decimal.fields", "price"),
                Map.of("schemaless.field.types", "at:Instant"),
                Map.of("variable.scale.decimal.scale", "-1"))) {
            String key = config.keySet().iterator().next();
            assertThatThrownBy(() -> new Normalize.Value<SourceRecord>().configure(config))
                    .isInstanceOf(ConfigException.class).hasMessageContaining(key);
        }
    }

    @Test
    void wrongValuesInSchemalessRowsAreDataErrors() {
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "orders", 0, null, null, null, Map.of("at", "yesterday"));
        assertThatThrownBy(() -> apply(new Normalize.Value<>(), Map.of("schemaless.field.types", "at:ZonedTimestamp"), record))
                .isInstanceOf(DataException.class).hasMessageContaining("'at'").hasMessageContaining("yesterday")
                .hasMessageContaining("topic 'orders'");
    }

    private static Object convertOne(Schema fieldSchema, Object value, Map<String, String> config) {
        Schema schema = SchemaBuilder.struct().name("x.Value").field("f", fieldSchema).build();
        return ((Struct) apply(new Normalize.Value<>(), config, flat(schema, new Struct(schema).put("f", value))).value()).get("f");
    }

    private static SourceRecord flat(Schema schema, Struct value) {
        return new SourceRecord(Map.of(), Map.of(), "orders", 0, null, null, schema, value);
    }

    static SourceRecord apply(Normalize<SourceRecord> transform, Map<String, String> config, SourceRecord record) {
        try (transform) {
            transform.configure(config);
            return transform.apply(record);
        }
    }

    @Test
    void zonedTimestampsWithOffsetsAreInstants() {
        assertThat(convertOne(ZonedTimestamp.schema(), "2024-03-01T11:15:30.123456+01:00", Map.of()))
                .isEqualTo(new Date(MILLIS));
    }
}
