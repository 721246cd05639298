package io.cdcsuite.sink.cassandra.cql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

class CqlTypeMapperTest {
    private static Schema named(Schema.Type type, String name) {
        return new SchemaBuilder(type).name(name).build();
    }

    @Test
    void connectPrimitives() {
        assertThat(CqlTypeMapper.typeFor(Schema.INT8_SCHEMA)).isEqualTo(DataTypes.TINYINT);
        assertThat(CqlTypeMapper.typeFor(Schema.INT16_SCHEMA)).isEqualTo(DataTypes.SMALLINT);
        assertThat(CqlTypeMapper.typeFor(Schema.INT32_SCHEMA)).isEqualTo(DataTypes.INT);
        assertThat(CqlTypeMapper.typeFor(Schema.INT64_SCHEMA)).isEqualTo(DataTypes.BIGINT);
        assertThat(CqlTypeMapper.typeFor(Schema.FLOAT32_SCHEMA)).isEqualTo(DataTypes.FLOAT);
        assertThat(CqlTypeMapper.typeFor(Schema.FLOAT64_SCHEMA)).isEqualTo(DataTypes.DOUBLE);
        assertThat(CqlTypeMapper.typeFor(Schema.BOOLEAN_SCHEMA)).isEqualTo(DataTypes.BOOLEAN);
        assertThat(CqlTypeMapper.typeFor(Schema.STRING_SCHEMA)).isEqualTo(DataTypes.TEXT);
        assertThat(CqlTypeMapper.typeFor(Schema.BYTES_SCHEMA)).isEqualTo(DataTypes.BLOB);
    }

    @Test
    void connectLogicalTypes() {
        assertThat(CqlTypeMapper.typeFor(Decimal.schema(2))).isEqualTo(DataTypes.DECIMAL);
        assertThat(CqlTypeMapper.typeFor(Date.SCHEMA)).isEqualTo(DataTypes.DATE);
        assertThat(CqlTypeMapper.typeFor(Time.SCHEMA)).isEqualTo(DataTypes.TIME);
        assertThat(CqlTypeMapper.typeFor(Timestamp.SCHEMA)).isEqualTo(DataTypes.TIMESTAMP);
    }

    @Test
    void debeziumLogicalTypes() {
        Map<Schema, DataType> expected = Map.ofEntries(
                Map.entry(named(Schema.Type.INT32, "io.debezium.time.Date"), DataTypes.DATE),
                Map.entry(named(Schema.Type.INT32, "io.debezium.time.Time"), DataTypes.TIME),
                Map.entry(named(Schema.Type.INT64, "io.debezium.time.MicroTime"), DataTypes.TIME),
                Map.entry(named(Schema.Type.INT64, "io.debezium.time.NanoTime"), DataTypes.TIME),
                Map.entry(named(Schema.Type.INT64, "io.debezium.time.Timestamp"), DataTypes.TIMESTAMP),
                Map.entry(named(Schema.Type.INT64, "io.debezium.time.MicroTimestamp"), DataTypes.TIMESTAMP),
                Map.entry(named(Schema.Type.INT64, "io.debezium.time.NanoTimestamp"), DataTypes.TIMESTAMP),
                Map.entry(named(Schema.Type.STRING, "io.debezium.time.ZonedTimestamp"), DataTypes.TIMESTAMP),
                Map.entry(named(Schema.Type.STRING, "io.debezium.time.ZonedTime"), DataTypes.TEXT),
                Map.entry(named(Schema.Type.INT32, "io.debezium.time.Year"), DataTypes.INT),
                Map.entry(named(Schema.Type.STRING, "io.debezium.data.Json"), DataTypes.TEXT),
                Map.entry(named(Schema.Type.STRING, "io.debezium.data.Enum"), DataTypes.TEXT),
                Map.entry(named(Schema.Type.STRING, "io.debezium.data.EnumSet"), DataTypes.TEXT),
                Map.entry(named(Schema.Type.STRING, "io.debezium.data.Uuid"), DataTypes.UUID),
                Map.entry(named(Schema.Type.BYTES, "io.debezium.data.Bits"), DataTypes.BLOB),
                Map.entry(SchemaBuilder.struct().name("io.debezium.data.VariableScaleDecimal")
                        .field("scale", Schema.INT32_SCHEMA).field("value", Schema.BYTES_SCHEMA).build(), DataTypes.DECIMAL));
        expected.forEach((schema, type) -> assertThat(CqlTypeMapper.typeFor(schema)).as(schema.name()).isEqualTo(type));
    }

    @Test
    void containersNestFrozenAndStructsBecomeJsonText() {
        assertThat(CqlTypeMapper.typeFor(SchemaBuilder.array(Schema.STRING_SCHEMA).build()))
                .isEqualTo(DataTypes.listOf(DataTypes.TEXT));
        assertThat(CqlTypeMapper.typeFor(SchemaBuilder.array(SchemaBuilder.array(Schema.INT32_SCHEMA).build()).build()))
                .isEqualTo(DataTypes.listOf(DataTypes.frozenListOf(DataTypes.INT)));
        assertThat(CqlTypeMapper.typeFor(SchemaBuilder.map(Schema.STRING_SCHEMA, Decimal.schema(2)).build()))
                .isEqualTo(DataTypes.mapOf(DataTypes.TEXT, DataTypes.DECIMAL));
        assertThat(CqlTypeMapper.typeFor(SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).build()))
                .isEqualTo(DataTypes.TEXT);
        assertThat(CqlTypeMapper.frozen(DataTypes.setOf(DataTypes.INT))).isEqualTo(DataTypes.frozenSetOf(DataTypes.INT));
    }

    @Test
    void schemalessValuesKeepNumbersExact() {
        assertThat(CqlTypeMapper.inferType(5L)).isEqualTo(DataTypes.BIGINT);
        assertThat(CqlTypeMapper.inferType(5)).isEqualTo(DataTypes.BIGINT);
        assertThat(CqlTypeMapper.inferType(new BigInteger("123456789012345678901234567890"))).isEqualTo(DataTypes.VARINT);
        assertThat(CqlTypeMapper.inferType(new BigDecimal("2193.60"))).isEqualTo(DataTypes.DECIMAL);
        assertThat(CqlTypeMapper.inferType(2193.6d)).isEqualTo(DataTypes.DECIMAL);
        assertThat(CqlTypeMapper.inferType("x")).isEqualTo(DataTypes.TEXT);
        assertThat(CqlTypeMapper.inferType(true)).isEqualTo(DataTypes.BOOLEAN);
        assertThat(CqlTypeMapper.inferType(new byte[] {1})).isEqualTo(DataTypes.BLOB);
        assertThat(CqlTypeMapper.inferType(Map.of("a", 1))).isEqualTo(DataTypes.TEXT);
        assertThat(CqlTypeMapper.inferType(List.of(1))).isEqualTo(DataTypes.TEXT);
        assertThat(CqlTypeMapper.inferType(null)).isNull();
    }
}
