package io.cdcsuite.sink.cassandra.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;

class CqlValueConverterTest {
    private static Object convert(Object value, Schema schema, DataType type) {
        return CqlValueConverter.convert(value, schema, type, "col");
    }

    private static Schema named(Schema.Type type, String name) {
        return new SchemaBuilder(type).name(name).build();
    }

    @Test
    void decimalsStayExactWithTheirScale() {
        BigDecimal converted = (BigDecimal) convert(new BigDecimal("2193.60"), Decimal.schema(2), DataTypes.DECIMAL);
        assertThat(converted.toPlainString()).isEqualTo("2193.60");
        assertThat(((BigDecimal) convert("2193.60", null, DataTypes.DECIMAL)).toPlainString()).isEqualTo("2193.60");
        assertThat(((BigDecimal) convert("2193.60", Schema.STRING_SCHEMA, DataTypes.DECIMAL)).toPlainString())
                .as("decimal.handling.mode=string").isEqualTo("2193.60");
        // a double is taken by its shortest decimal form, never by its binary expansion
        assertThat(((BigDecimal) convert(2193.6d, null, DataTypes.DECIMAL)).toPlainString()).isEqualTo("2193.6");
        assertThat(((BigDecimal) convert(0.1f, null, DataTypes.DECIMAL)).toPlainString()).isEqualTo("0.1");
        assertThat(convert(42L, null, DataTypes.DECIMAL)).isEqualTo(new BigDecimal("42"));
        assertThat(convert(new BigDecimal("2193.60"), Decimal.schema(2), DataTypes.TEXT)).isEqualTo("2193.60");
        assertThat(convert(new BigDecimal("1E+3"), null, DataTypes.TEXT)).isEqualTo("1000");
    }

    @Test
    void variableScaleDecimalIsExact() {
        Schema schema = SchemaBuilder.struct().name("io.debezium.data.VariableScaleDecimal")
                .field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA).build();
        Struct value = new Struct(schema).put("scale", 2)
                .put("value", new BigInteger("219360").toByteArray());
        assertThat(((BigDecimal) convert(value, schema, DataTypes.DECIMAL)).toPlainString()).isEqualTo("2193.60");
        Struct negative = new Struct(schema).put("scale", 3).put("value", new BigInteger("-5").toByteArray());
        assertThat(convert(negative, schema, DataTypes.DECIMAL)).isEqualTo(new BigDecimal("-0.005"));
    }

    @Test
    void integersAreRangeCheckedAndNeverRounded() {
        assertThat(convert((short) 7, Schema.INT16_SCHEMA, DataTypes.SMALLINT)).isEqualTo((short) 7);
        assertThat(convert(7L, null, DataTypes.INT)).isEqualTo(7);
        assertThat(convert(5.0d, null, DataTypes.BIGINT)).isEqualTo(5L);
        assertThat(convert("12", null, DataTypes.TINYINT)).isEqualTo((byte) 12);
        assertThat(convert(new BigDecimal("1.000"), null, DataTypes.BIGINT)).isEqualTo(1L);
        assertThat(convert(new BigInteger("123456789012345678901234567890"), null, DataTypes.VARINT))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThatThrownBy(() -> convert(5.5d, null, DataTypes.BIGINT))
                .isInstanceOf(RecordMappingException.class)
                .hasMessageStartingWith("column 'col': cannot write Double value '5.5' to a bigint column");
        assertThatThrownBy(() -> convert(300, Schema.INT32_SCHEMA, DataTypes.TINYINT))
                .isInstanceOf(RecordMappingException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> convert(Long.MAX_VALUE, null, DataTypes.INT)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> convert("abc", null, DataTypes.INT))
                .isInstanceOf(RecordMappingException.class).hasMessageContaining("column 'col'");
        assertThatThrownBy(() -> convert(true, null, DataTypes.INT)).hasMessageContaining("not a number");
    }

    @Test
    void debeziumTimestampsBecomeMillisecondInstantsTruncatedTowardThePast() {
        Schema micro = named(Schema.Type.INT64, "io.debezium.time.MicroTimestamp");
        assertThat(convert(1_700_000_000_123_456L, micro, DataTypes.TIMESTAMP))
                .isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(convert(-1L, micro, DataTypes.TIMESTAMP)).as("1 µs before the epoch").isEqualTo(Instant.ofEpochMilli(-1));
        Schema nano = named(Schema.Type.INT64, "io.debezium.time.NanoTimestamp");
        assertThat(convert(1_700_000_000_123_456_789L, nano, DataTypes.TIMESTAMP))
                .isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        assertThat(convert(1_700_000_000_123L, named(Schema.Type.INT64, "io.debezium.time.Timestamp"), DataTypes.TIMESTAMP))
                .isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
        Schema zoned = named(Schema.Type.STRING, "io.debezium.time.ZonedTimestamp");
        assertThat(convert("2024-03-01T10:15:30.123456+02:00", zoned, DataTypes.TIMESTAMP))
                .isEqualTo(Instant.parse("2024-03-01T08:15:30.123Z"));
        assertThat(convert(new java.util.Date(1234L), Timestamp.SCHEMA, DataTypes.TIMESTAMP))
                .isEqualTo(Instant.ofEpochMilli(1234L));
        assertThat(convert("2024-03-01T10:15:30", null, DataTypes.TIMESTAMP)).as("no offset: UTC")
                .isEqualTo(Instant.parse("2024-03-01T10:15:30Z"));
        assertThat(convert(1234L, null, DataTypes.TIMESTAMP)).as("schemaless: epoch millis")
                .isEqualTo(Instant.ofEpochMilli(1234L));
        // a micro timestamp written to text keeps its microseconds
        assertThat(convert(1_700_000_000_123_456L, micro, DataTypes.TEXT)).isEqualTo("2023-11-14T22:13:20.123456Z");
    }

    @Test
    void datesAndTimes() {
        assertThat(convert(19_782, named(Schema.Type.INT32, "io.debezium.time.Date"), DataTypes.DATE))
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(convert(new java.util.Date(19_782L * 86_400_000L), Date.SCHEMA, DataTypes.DATE))
                .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(convert(3_723_000, named(Schema.Type.INT32, "io.debezium.time.Time"), DataTypes.TIME))
                .isEqualTo(LocalTime.of(1, 2, 3));
        assertThat(convert(3_723_000_001L, named(Schema.Type.INT64, "io.debezium.time.MicroTime"), DataTypes.TIME))
                .isEqualTo(LocalTime.of(1, 2, 3, 1_000));
        assertThat(convert(new java.util.Date(3_723_000L), Time.SCHEMA, DataTypes.TIME)).isEqualTo(LocalTime.of(1, 2, 3));
        assertThat(convert("2024-02-29", null, DataTypes.DATE)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(convert("01:02:03.5", null, DataTypes.TIME)).isEqualTo(LocalTime.of(1, 2, 3, 500_000_000));
        // MySQL TIME reaches 838:59:59, CQL time only 24:00
        assertThatThrownBy(() -> convert(25L * 3_600_000_000L, named(Schema.Type.INT64, "io.debezium.time.MicroTime"),
                DataTypes.TIME)).isInstanceOf(RecordMappingException.class).hasMessageContaining("outside 00:00 to 24:00");
        assertThatThrownBy(() -> convert(Instant.parse("2024-02-29T10:00:00Z"), null, DataTypes.DATE))
                .hasMessageContaining("not a whole day");
        assertThat(convert(19_782, named(Schema.Type.INT32, "io.debezium.time.Date"), DataTypes.TIMESTAMP))
                .isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void textSetsUuidsBlobsAndBooleans() {
        Schema enumSet = named(Schema.Type.STRING, "io.debezium.data.EnumSet");
        assertThat(convert("a,b", enumSet, DataTypes.setOf(DataTypes.TEXT))).isEqualTo(Set.of("a", "b"));
        assertThat(convert("", enumSet, DataTypes.setOf(DataTypes.TEXT))).isEqualTo(Set.of());
        assertThat(convert("a,b", enumSet, DataTypes.TEXT)).isEqualTo("a,b");
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(convert(uuid.toString(), named(Schema.Type.STRING, "io.debezium.data.Uuid"), DataTypes.UUID)).isEqualTo(uuid);
        ByteBuffer sixteen = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        assertThat(convert(sixteen.array(), Schema.BYTES_SCHEMA, DataTypes.UUID)).isEqualTo(uuid);
        assertThat(convert(uuid.toString(), null, DataTypes.TIMEUUID)).isEqualTo(uuid);
        assertThatThrownBy(() -> convert(UUID.randomUUID(), null, DataTypes.TIMEUUID)).hasMessageContaining("version 1");
        byte[] bytes = "hi".getBytes(StandardCharsets.UTF_8);
        assertThat(convert(bytes, Schema.BYTES_SCHEMA, DataTypes.BLOB)).isEqualTo(ByteBuffer.wrap(bytes));
        assertThat(convert(Base64.getEncoder().encodeToString(bytes), null, DataTypes.BLOB)).isEqualTo(ByteBuffer.wrap(bytes));
        assertThat(convert(bytes, Schema.BYTES_SCHEMA, DataTypes.TEXT)).isEqualTo("aGk=");
        assertThat(convert((short) 1, Schema.INT16_SCHEMA, DataTypes.BOOLEAN)).isEqualTo(true);
        assertThat(convert("FALSE", null, DataTypes.BOOLEAN)).isEqualTo(false);
        assertThatThrownBy(() -> convert(2, null, DataTypes.BOOLEAN)).isInstanceOf(RecordMappingException.class);
        assertThat(convert(12, Schema.INT32_SCHEMA, DataTypes.TEXT)).isEqualTo("12");
    }

    @Test
    void inetOnlyFromLiteralAddresses() throws Exception {
        assertThat(convert("10.0.0.1", null, DataTypes.INET)).isEqualTo(InetAddress.getByName("10.0.0.1"));
        assertThat(convert("::1", null, DataTypes.INET)).isEqualTo(InetAddress.getByName("::1"));
        assertThatThrownBy(() -> convert("example.com", null, DataTypes.INET)).hasMessageContaining("not an IP address");
    }

    @Test
    void structsMapsAndListsAsJsonTextOrCollections() {
        Schema inner = SchemaBuilder.struct().field("city", Schema.STRING_SCHEMA).field("amount", Decimal.schema(2)).build();
        Struct address = new Struct(inner).put("city", "Oslo").put("amount", new BigDecimal("10.50"));
        assertThat(convert(address, inner, DataTypes.TEXT)).isEqualTo("{\"city\":\"Oslo\",\"amount\":10.50}");
        assertThat(convert(Map.of("k", List.of(1L, 2L)), null, DataTypes.TEXT)).isEqualTo("{\"k\":[1,2]}");
        Schema array = SchemaBuilder.array(Decimal.schema(1)).build();
        assertThat(convert(List.of(new BigDecimal("1.0")), array, DataTypes.listOf(DataTypes.DECIMAL)))
                .isEqualTo(List.of(new BigDecimal("1.0")));
        assertThat(convert(Map.of("a", 1L), null, DataTypes.mapOf(DataTypes.TEXT, DataTypes.INT))).isEqualTo(Map.of("a", 1));
        assertThatThrownBy(() -> convert(java.util.Arrays.asList(1L, null), null, DataTypes.listOf(DataTypes.BIGINT)))
                .hasMessageContaining("null elements");
        assertThat(convert(List.of(1.5d, 2L), null, DataTypes.vectorOf(DataTypes.FLOAT, 2)))
                .isEqualTo(CqlVector.newInstance(1.5f, 2.0f));
        assertThatThrownBy(() -> convert(List.of(1.5d), null, DataTypes.vectorOf(DataTypes.FLOAT, 2)))
                .hasMessageContaining("1 elements for 2 dimensions");
    }

    @Test
    void unsupportedColumnTypesAreRecordErrors() {
        assertThatThrownBy(() -> convert(1L, null, DataTypes.COUNTER))
                .isInstanceOf(RecordMappingException.class).hasMessageContaining("does not write counter columns");
        assertThat(convert(null, Schema.OPTIONAL_INT32_SCHEMA, DataTypes.INT)).isNull();
    }
}
