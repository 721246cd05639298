package io.cdcsuite.source.timestamp.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cdcsuite.source.timestamp.config.BigIntUnsignedHandlingMode;
import io.cdcsuite.source.timestamp.config.BinaryHandlingMode;
import io.cdcsuite.source.timestamp.config.DecimalHandlingMode;
import io.cdcsuite.source.timestamp.config.TimePrecisionMode;
import io.cdcsuite.source.timestamp.testing.Columns;

/**
 * The schema of every common MySQL type against what Debezium's MySQL connector 3.6.1 produces with default
 * settings (read from its MySqlValueConverters/BinlogValueConverters/JdbcValueConverters and io.debezium.time/data).
 */
class DebeziumTypeMapperTest {
    private static final DebeziumTypeMapper DEFAULTS = new DebeziumTypeMapper(TypeMappingOptions.defaults());

    private static Schema schema(DebeziumTypeMapper mapper, String columnType) {
        return mapper.map(Columns.nullable("c", columnType)).schema();
    }

    private static String parameters(Schema schema) {
        return schema.parameters() == null ? "" : schema.parameters().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "tinyint                  | INT16   | -                                     | -  | ",
        "tinyint(1)               | INT16   | -                                     | -  | ",
        "tinyint unsigned         | INT16   | -                                     | -  | ",
        "smallint                 | INT16   | -                                     | -  | ",
        "smallint unsigned        | INT32   | -                                     | -  | ",
        "mediumint                | INT32   | -                                     | -  | ",
        "mediumint unsigned       | INT32   | -                                     | -  | ",
        "int                      | INT32   | -                                     | -  | ",
        "int unsigned             | INT64   | -                                     | -  | ",
        "bigint                   | INT64   | -                                     | -  | ",
        "bigint unsigned          | INT64   | -                                     | -  | ",
        "decimal(10,2)            | BYTES   | org.apache.kafka.connect.data.Decimal | 1  | scale=2;connect.decimal.precision=10",
        "numeric(5,0)             | BYTES   | org.apache.kafka.connect.data.Decimal | 1  | scale=0;connect.decimal.precision=5",
        "float                    | FLOAT32 | -                                     | -  | ",
        "float(7,3)               | FLOAT64 | -                                     | -  | ",
        "double                   | FLOAT64 | -                                     | -  | ",
        "bit(1)                   | BOOLEAN | -                                     | -  | ",
        "bit(12)                  | BYTES   | io.debezium.data.Bits                 | 1  | length=12",
        "char(3)                  | STRING  | -                                     | -  | ",
        "varchar(20)              | STRING  | -                                     | -  | ",
        "text                     | STRING  | -                                     | -  | ",
        "longtext                 | STRING  | -                                     | -  | ",
        "binary(4)                | BYTES   | -                                     | -  | ",
        "varbinary(8)             | BYTES   | -                                     | -  | ",
        "blob                     | BYTES   | -                                     | -  | ",
        "date                     | INT32   | io.debezium.time.Date                 | 1  | ",
        "time                     | INT64   | io.debezium.time.MicroTime            | 1  | ",
        "time(3)                  | INT64   | io.debezium.time.MicroTime            | 1  | ",
        "datetime                 | INT64   | io.debezium.time.Timestamp            | 1  | ",
        "datetime(3)              | INT64   | io.debezium.time.Timestamp            | 1  | ",
        "datetime(4)              | INT64   | io.debezium.time.MicroTimestamp       | 1  | ",
        "datetime(6)              | INT64   | io.debezium.time.MicroTimestamp       | 1  | ",
        "timestamp                | STRING  | io.debezium.time.ZonedTimestamp       | 1  | ",
        "timestamp(6)             | STRING  | io.debezium.time.ZonedTimestamp       | 1  | ",
        "year                     | INT32   | io.debezium.time.Year                 | 1  | ",
        "enum('a','b,c','it''s')  | STRING  | io.debezium.data.Enum                 | 1  | allowed=a,b\\,c,it's",
        "set('x','y')             | STRING  | io.debezium.data.EnumSet              | 1  | allowed=x,y",
        "json                     | STRING  | io.debezium.data.Json                 | 1  | ",
    })
    void schemasMatchDebeziumWithDefaultSettings(String columnType, Schema.Type type, String name, Integer version,
            String parameters) {
        Schema schema = schema(DEFAULTS, columnType);
        assertThat(schema.type()).isEqualTo(type);
        assertThat(schema.name()).isEqualTo(name);
        assertThat(schema.version()).isEqualTo(version);
        assertThat(parameters(schema)).isEqualTo(parameters == null ? "" : parameters);
        assertThat(schema.isOptional()).isTrue();
        assertThat(parameters(schema)).doesNotContain("__debezium");
    }

    @Test
    void notNullColumnsAreRequired() {
        assertThat(DEFAULTS.map(Columns.notNull("id", "int")).schema().isOptional()).isFalse();
    }

    @Test
    void optionsChangeSchemasAsInDebezium() {
        DebeziumTypeMapper precise = new DebeziumTypeMapper(new TypeMappingOptions(DecimalHandlingMode.STRING,
                TimePrecisionMode.CONNECT, BigIntUnsignedHandlingMode.PRECISE, BinaryHandlingMode.BASE64));
        Schema unsigned = schema(precise, "bigint unsigned");
        assertThat(unsigned.name()).isEqualTo("org.apache.kafka.connect.data.Decimal");
        assertThat(unsigned.parameters()).containsEntry("scale", "0").containsEntry("connect.decimal.precision", "20");
        assertThat(schema(precise, "decimal(10,2)").type()).isEqualTo(Schema.Type.STRING);
        assertThat(schema(precise, "date").name()).isEqualTo("org.apache.kafka.connect.data.Date");
        assertThat(schema(precise, "time(6)").name()).isEqualTo("org.apache.kafka.connect.data.Time");
        assertThat(schema(precise, "datetime(6)").name()).isEqualTo("org.apache.kafka.connect.data.Timestamp");
        assertThat(schema(precise, "timestamp(3)").name()).isEqualTo("io.debezium.time.ZonedTimestamp");
        assertThat(schema(precise, "blob").type()).isEqualTo(Schema.Type.STRING);
        DebeziumTypeMapper doubles = new DebeziumTypeMapper(new TypeMappingOptions(DecimalHandlingMode.DOUBLE,
                TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, BigIntUnsignedHandlingMode.LONG, BinaryHandlingMode.HEX));
        assertThat(schema(doubles, "decimal(10,2)").type()).isEqualTo(Schema.Type.FLOAT64);
    }

    @Test
    void unsupportedTypesAreRefused() {
        assertThatThrownBy(() -> DEFAULTS.map(Columns.nullable("g", "geometry")))
                .isInstanceOf(UnsupportedColumnTypeException.class).hasMessageContaining("`g`").hasMessageContaining("geometry");
    }

    private static Object convert(String columnType, Object raw) {
        return convert(DEFAULTS, columnType, raw);
    }

    private static Object convert(DebeziumTypeMapper mapper, String columnType, Object raw) {
        ColumnMapping mapping = mapper.map(Columns.nullable("c", columnType));
        Object value = mapping.toConnect(raw);
        // Connect accepts the value for the schema
        ConnectSchema.validateValue(mapping.schema(), value);
        return value;
    }

    @Test
    void integersKeepTheirRangeAndBigintUnsignedWrapsInLongMode() {
        assertThat(convert("tinyint unsigned", 255L)).isEqualTo((short) 255);
        assertThat(convert("smallint unsigned", 65_535L)).isEqualTo(65_535);
        assertThat(convert("int unsigned", 4_294_967_295L)).isEqualTo(4_294_967_295L);
        assertThat(convert("bigint unsigned", new BigDecimal("18446744073709551615"))).isEqualTo(-1L);
        DebeziumTypeMapper precise = new DebeziumTypeMapper(new TypeMappingOptions(DecimalHandlingMode.PRECISE,
                TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, BigIntUnsignedHandlingMode.PRECISE, BinaryHandlingMode.BYTES));
        assertThat(convert(precise, "bigint unsigned", new BigDecimal("18446744073709551615")))
                .isEqualTo(new BigDecimal("18446744073709551615"));
    }

    @Test
    void decimalsFollowTheHandlingMode() {
        assertThat(convert("decimal(10,2)", new BigDecimal("12.5"))).isEqualTo(new BigDecimal("12.50"));
        DebeziumTypeMapper string = new DebeziumTypeMapper(new TypeMappingOptions(DecimalHandlingMode.STRING,
                TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, BigIntUnsignedHandlingMode.LONG, BinaryHandlingMode.BYTES));
        assertThat(convert(string, "decimal(10,2)", new BigDecimal("2193.6"))).isEqualTo("2193.60");
        DebeziumTypeMapper doubles = new DebeziumTypeMapper(new TypeMappingOptions(DecimalHandlingMode.DOUBLE,
                TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, BigIntUnsignedHandlingMode.LONG, BinaryHandlingMode.BYTES));
        assertThat(convert(doubles, "decimal(10,2)", new BigDecimal("12.50"))).isEqualTo(12.5d);
        assertThat(convert("float", 1.5f)).isEqualTo(1.5f);
        assertThat(convert("float(7,3)", 1.5f)).isEqualTo(1.5d);
    }

    @Test
    void bitsAreLittleEndianAndPaddedLikeDebezium() {
        assertThat(convert("bit(1)", true)).isEqualTo(true);
        assertThat((byte[]) convert("bit(12)", new byte[] {0x0A, (byte) 0xBC})).containsExactly((byte) 0xBC, 0x0A);
        assertThat((byte[]) convert("bit(16)", new byte[] {0x01})).containsExactly(0x01, 0x00);
    }

    @Test
    void binaryValuesArePaddedToTheirLengthAndEncodedPerMode() {
        assertThat(convert("binary(4)", new byte[] {1, 2})).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2, 0, 0}));
        assertThat(convert("varbinary(4)", new byte[] {1, 2})).isEqualTo(ByteBuffer.wrap(new byte[] {1, 2}));
        for (BinaryHandlingMode mode : BinaryHandlingMode.values()) {
            DebeziumTypeMapper mapper = new DebeziumTypeMapper(new TypeMappingOptions(DecimalHandlingMode.PRECISE,
                    TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS, BigIntUnsignedHandlingMode.LONG, mode));
            Object expected = switch (mode) {
                case BYTES -> ByteBuffer.wrap(new byte[] {(byte) 0xFB, (byte) 0xFF, 0, 0});
                case BASE64 -> "+/8AAA==";
                case BASE64_URL_SAFE -> "-_8AAA==";
                case HEX -> "fbff0000";
            };
            assertThat(convert(mapper, "binary(4)", new byte[] {(byte) 0xFB, (byte) 0xFF})).as(mode.value()).isEqualTo(expected);
        }
    }

    @Test
    void temporalValuesMatchDebeziumEncodings() {
        LocalDateTime dateTime = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_000);
        assertThat(convert("date", LocalDate.of(2024, 5, 1))).isEqualTo(19_844);
        assertThat(convert("date", LocalDate.of(69, 1, 1))).as("two-digit year rule").isEqualTo((int) LocalDate.of(2069, 1, 1).toEpochDay());
        assertThat(convert("time(6)", Duration.parse("-PT12H34M56.5S"))).isEqualTo(-45_296_500_000L);
        assertThat(convert("time", Duration.ofHours(838))).isEqualTo(838L * 3_600_000_000L);
        assertThat(convert("datetime(3)", dateTime.withNano(123_000_000))).isEqualTo(1_714_557_600_123L);
        assertThat(convert("datetime(6)", dateTime)).isEqualTo(1_714_557_600_123_456L);
        assertThat(convert("timestamp(3)", dateTime.withNano(120_000_000))).isEqualTo("2024-05-01T10:00:00.120Z");
        assertThat(convert("timestamp", dateTime.withNano(0))).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(convert("timestamp(6)", dateTime.withNano(1_000))).isEqualTo("2024-05-01T10:00:00.000001Z");
        assertThat(convert("year", 0)).isEqualTo(2000);
        assertThat(convert("year", 99)).isEqualTo(1999);
        assertThat(convert("year", 2024)).isEqualTo(2024);
    }

    @Test
    void connectModeUsesKafkasLogicalTypes() {
        DebeziumTypeMapper connect = new DebeziumTypeMapper(new TypeMappingOptions(DecimalHandlingMode.PRECISE,
                TimePrecisionMode.CONNECT, BigIntUnsignedHandlingMode.LONG, BinaryHandlingMode.BYTES));
        assertThat(convert(connect, "datetime(6)", LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_000)))
                .isEqualTo(new java.util.Date(1_714_557_600_123L));
        assertThat(convert(connect, "date", LocalDate.of(2024, 5, 1))).isEqualTo(new java.util.Date(19_844L * 86_400_000L));
        assertThat(convert(connect, "time", Duration.ofMinutes(90))).isEqualTo(new java.util.Date(5_400_000L));
        assertThatThrownBy(() -> convert(connect, "time", Duration.ofHours(30))).isInstanceOf(DataException.class);
    }

    @Test
    void nullInANotNullColumnBecomesTheDefaultOrTheZeroValueAsInDebezium() {
        ColumnMapping timestamp = DEFAULTS.map(Columns.notNull("ts", "timestamp(3)"));
        assertThat(timestamp.toConnect(null)).isEqualTo("1970-01-01T00:00:00Z");
        ColumnMapping date = DEFAULTS.map(Columns.of("d", "date", false, "2020-01-01", ""));
        assertThat(date.toConnect(null)).isEqualTo((int) LocalDate.of(2020, 1, 1).toEpochDay());
        assertThat(DEFAULTS.map(Columns.nullable("d", "date")).toConnect(null)).isNull();
    }

    @Test
    void enumOptionsAreEscapedInTheAllowedParameter() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("allowed", "a\\,b,c");
        assertThat(schema(DEFAULTS, "set('a,b','c')").parameters()).isEqualTo(expected);
        assertThat(convert("enum('x','y')", "y")).isEqualTo("y");
    }
}
