package io.cdcsuite.source.timestamp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.testing.Columns;

/** Schema defaults as Debezium's MySQL connector derives them from column defaults. */
class DefaultValuesTest {
    private static final DebeziumTypeMapper MAPPER = new DebeziumTypeMapper(TypeMappingOptions.defaults());

    private static Object schemaDefault(String columnType, boolean nullable, String defaultValue, String extra) {
        return MAPPER.map(Columns.of("c", columnType, nullable, defaultValue, extra)).schema().defaultValue();
    }

    @Test
    void literalsBecomeTypedDefaults() {
        assertThat(schemaDefault("int", false, "5", "")).isEqualTo(5);
        assertThat(schemaDefault("tinyint(1)", false, "0", "")).isEqualTo((short) 0);
        assertThat(schemaDefault("bigint unsigned", false, "7", "")).isEqualTo(7L);
        assertThat(schemaDefault("decimal(10,2)", true, "0.00", "")).isEqualTo(new BigDecimal("0.00"));
        assertThat(schemaDefault("float", true, "1.5", "")).isEqualTo(1.5f);
        assertThat(schemaDefault("varchar(20)", false, "new", "")).isEqualTo("new");
        assertThat(schemaDefault("enum('a','b')", false, "b", "")).isEqualTo("b");
        assertThat(schemaDefault("date", false, "2020-01-02", "")).isEqualTo((int) LocalDate.of(2020, 1, 2).toEpochDay());
        assertThat(schemaDefault("time", false, "01:02:03", "")).isEqualTo(3_723_000_000L);
        assertThat(schemaDefault("year", false, "2024", "")).isEqualTo(2024);
        assertThat(schemaDefault("bit(1)", false, "b'1'", "")).isEqualTo(true);
        assertThat((byte[]) schemaDefault("bit(10)", false, "b'1000000001'", "")).containsExactly(0x01, 0x02);
        assertThat(schemaDefault("timestamp(3)", false, "2020-01-02 03:04:05.600", "")).isEqualTo("2020-01-02T03:04:05.600Z");
    }

    @Test
    void binaryDefaultsAreTheBytesOfInformationSchemasHexLiteral() {
        assertThat(schemaDefault("varbinary(8)", true, "0x78797A", "")).isEqualTo(ByteBuffer.wrap(new byte[] {'x', 'y', 'z'}));
        assertThat(schemaDefault("varbinary(4)", true, "0x", "")).isEqualTo(ByteBuffer.wrap(new byte[0]));
    }

    @Test
    void currentTimestampBecomesTheEpochAsDebeziumsDdlParserMakesIt() {
        assertThat(schemaDefault("timestamp(3)", false, "CURRENT_TIMESTAMP(3)",
                "DEFAULT_GENERATED on update CURRENT_TIMESTAMP(3)")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(schemaDefault("timestamp", true, "CURRENT_TIMESTAMP", "DEFAULT_GENERATED")).isNull();
        assertThat(schemaDefault("datetime(3)", true, "CURRENT_TIMESTAMP(3)", "DEFAULT_GENERATED")).isEqualTo(0L);
    }

    @Test
    void expressionsNullAndZeroDatesGiveNoDefaultWhereDebeziumGivesNone() {
        assertThat(schemaDefault("varchar(36)", false, "uuid()", "DEFAULT_GENERATED")).isNull();
        assertThat(schemaDefault("int", true, null, "")).isNull();
        assertThat(schemaDefault("date", true, "0000-00-00", "")).isNull();
        assertThat(schemaDefault("date", false, "0000-00-00", "")).isEqualTo(0);
        assertThat(schemaDefault("datetime", false, "0000-00-00 00:00:00", "")).isEqualTo(0L);
    }
}
