package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdcsuite.transforms.MySqlEvents.Path;

class ConvertTimestampsTest {
    private static final long MICROS = 1_709_288_130_123_456L;

    @ParameterizedTest
    @EnumSource(Path.class)
    void convertsSeveralFieldsOfBothRowsToStringsKeepingMicroseconds(Path path) {
        SourceRecord converted = apply(new ConvertTimestamps.Value<>(),
                Map.of("fields", "created_at,updated_at,ship_date,ship_time", "target.type", "string",
                        "timezone", "Europe/Paris"), path.update(3));

        Struct envelope = (Struct) converted.value();
        Struct after = envelope.getStruct("after");
        assertThat(after.get("created_at")).isEqualTo("2024-03-01T11:15:30.123456+01:00");
        assertThat(after.get("updated_at")).isEqualTo("2024-03-01T11:15:30.123456+01:00");
        assertThat(after.get("ship_date")).isEqualTo("2024-03-01");
        assertThat(after.get("ship_time")).isEqualTo("10:15:30.123456");
        assertThat(after.get("legacy_ts")).isEqualTo(1_709_288_130_123L);
        assertThat(converted.valueSchema().field("after").schema().field("created_at").schema())
                .isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
        if (path == Path.DEBEZIUM) {
            assertThat(envelope.getStruct("before").get("created_at")).isEqualTo("2024-03-01T11:15:30.123456+01:00");
        }
        assertThat(envelope.get("source")).isEqualTo(((Struct) path.update(3).value()).get("source"));
    }

    @Test
    void convertsToEpochUnitsAndConnectTypes() {
        SourceRecord record = Path.DEBEZIUM.create(1);

        assertThat(after(apply(new ConvertTimestamps.Value<>(), Map.of("fields", "created_at,legacy_ts",
                "target.type", "unix_us"), record)).get("created_at")).isEqualTo(MICROS);
        Struct millis = after(apply(new ConvertTimestamps.Value<>(), Map.of("fields", "created_at,updated_at,legacy_ts",
                "target.type", "unix_ms"), record));
        assertThat(millis.get("created_at")).isEqualTo(1_709_288_130_123L);
        assertThat(millis.get("updated_at")).isEqualTo(1_709_288_130_123L);
        assertThat(millis.get("legacy_ts")).isEqualTo(1_709_288_130_123L);
        SourceRecord timestamps = apply(new ConvertTimestamps.Value<>(), Map.of("fields", "created_at",
                "target.type", "Timestamp"), record);
        assertThat(after(timestamps).get("created_at")).isEqualTo(new Date(1_709_288_130_123L));
        assertThat(timestamps.valueSchema().field("after").schema().field("created_at").schema())
                .isEqualTo(Timestamp.builder().optional().build());
        // 23:30 UTC is already the next day in Tokyo
        Schema row = SchemaBuilder.struct().name("x.Value").field("at", Schema.INT64_SCHEMA).build();
        SourceRecord late = flat(row, new Struct(row).put("at", 1_709_335_800_000L));
        assertThat(((Struct) apply(new ConvertTimestamps.Value<>(), Map.of("fields", "at", "target.type", "Date",
                "timezone", "Asia/Tokyo"), late).value()).get("at")).isEqualTo(new Date(19_784L * 86_400_000L));
    }

    @Test
    void readsIsoStringsAndUsesAPatternBothWays() {
        Schema row = SchemaBuilder.struct().name("x.Value").field("at", Schema.OPTIONAL_STRING_SCHEMA)
                .field("day", Schema.OPTIONAL_STRING_SCHEMA).build();
        SourceRecord record = flat(row, new Struct(row).put("at", "2024-03-01 10:15:30.123456").put("day", "2024-03-01"));

        Struct iso = (Struct) apply(new ConvertTimestamps.Value<>(), Map.of("fields", "at,day", "target.type", "unix_us"),
                record).value();
        Map<String, String> patterned = Map.of("fields", "created_at", "target.type", "string",
                "format", "dd/MM/yyyy HH:mm:ss.SSSSSS", "timezone", "America/New_York");
        Struct written = after(apply(new ConvertTimestamps.Value<>(), patterned, Path.DEBEZIUM.create(1)));
        Schema local = SchemaBuilder.struct().name("x.Value").field("created_at", Schema.STRING_SCHEMA).build();
        Struct read = (Struct) apply(new ConvertTimestamps.Value<>(), Map.of("fields", "created_at", "target.type",
                "unix_us", "format", "dd/MM/yyyy HH:mm:ss.SSSSSS", "timezone", "America/New_York"),
                flat(local, new Struct(local).put("created_at", "01/03/2024 05:15:30.123456"))).value();

        assertThat(iso.get("at")).isEqualTo(MICROS);
        assertThat(iso.get("day")).isEqualTo(1_709_251_200_000_000L);
        assertThat(written.get("created_at")).isEqualTo("01/03/2024 05:15:30.123456");
        assertThat(read.get("created_at")).isEqualTo(MICROS);
    }

    @Test
    void convertsKeysAndSchemalessValues() {
        Schema key = SchemaBuilder.struct().name("k").field("at", io.debezium.time.MicroTimestamp.schema()).build();
        Map<String, Object> after = new HashMap<>();
        after.put("at", "2024-03-01T10:15:30.123456Z");
        after.put("other", 1);
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("op", "c");
        envelope.put("before", null);
        envelope.put("after", after);
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "t", 0, key, new Struct(key).put("at", MICROS),
                null, envelope);

        SourceRecord keyed = apply(new ConvertTimestamps.Key<>(), Map.of("fields", "at", "target.type", "unix_us"), record);
        SourceRecord valued = apply(new ConvertTimestamps.Value<>(), Map.of("fields", "at", "target.type", "unix_us"), record);

        assertThat(((Struct) keyed.key()).get("at")).isEqualTo(MICROS);
        assertThat(keyed.value()).isSameAs(envelope);
        assertThat(((Map<?, ?>) ((Map<?, ?>) valued.value()).get("after")).get("at")).isEqualTo(MICROS);
        assertThat(((Map<?, ?>) ((Map<?, ?>) valued.value()).get("after")).get("other")).isEqualTo(1);
    }

    @Test
    void rowsWithoutTheFieldsPassAndWrongTypesAreDataErrors() {
        SourceRecord record = Path.DEBEZIUM.create(1);
        assertThat(apply(new ConvertTimestamps.Value<>(), Map.of("fields", "nope", "target.type", "string"), record))
                .isSameAs(record);
        assertThatThrownBy(() -> apply(new ConvertTimestamps.Value<>(), Map.of("fields", "amount", "target.type", "string"), record))
                .isInstanceOf(DataException.class).hasMessageContaining("'amount'").hasMessageContaining(MySqlEvents.TOPIC);
        Schema row = SchemaBuilder.struct().name("x.Value").field("at", Schema.STRING_SCHEMA).build();
        assertThatThrownBy(() -> apply(new ConvertTimestamps.Value<>(), Map.of("fields", "at", "target.type", "unix_ms"),
                flat(row, new Struct(row).put("at", "soon"))))
                .isInstanceOf(DataException.class).hasMessageContaining("soon").hasMessageContaining("topic 'orders'");
    }

    @Test
    void badConfigNamesTheKey() {
        Map<Map<String, String>, String> badConfigs = Map.of(
                Map.of("target.type", "string"), "fields",
                Map.of("fields", "a", "target.type", "instant"), "target.type",
                Map.of("fields", "a", "target.type", "string", "format", "yyyy-MM-dd'T"), "format",
                Map.of("fields", "a", "target.type", "string", "timezone", "Mars/Olympus"), "timezone",
                Map.of("fields", "a", "target.type", "string", "unix.precision", "days"), "unix.precision");
        badConfigs.forEach((config, key) -> assertThatThrownBy(() -> new ConvertTimestamps.Value<SourceRecord>().configure(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining(key));
    }

    private static Struct after(SourceRecord record) {
        return ((Struct) record.value()).getStruct("after");
    }

    private static SourceRecord flat(Schema schema, Struct value) {
        return new SourceRecord(Map.of(), Map.of(), "orders", 0, null, null, schema, value);
    }

    private static SourceRecord apply(ConvertTimestamps<SourceRecord> transform, Map<String, String> config, SourceRecord record) {
        try (transform) {
            transform.configure(config);
            return transform.apply(record);
        }
    }
}
