package io.cdcsuite.sink.cassandra.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

/**
 * The scanner gives exactly what the parser-based {@link PayloadReader} gives, or leaves the payload to it: checked on
 * the edges of each JSON form it reads (numbers, strings, base64, literals, struct layout).
 */
class PayloadScannerTest {
    private static final Schema ROW = SchemaBuilder.struct()
            .field("id", Schema.INT64_SCHEMA)
            .field("n", Schema.OPTIONAL_INT32_SCHEMA)
            .field("name", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema AMOUNT = Decimal.builder(2).optional().build();

    private final PayloadReader reader = new PayloadReader(false);
    private final PayloadScanner scanner = new PayloadScanner(reader);

    /** Scans {@code json} for {@code schema}; the result must equal the parser's. */
    private Object scanned(Schema schema, String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Object value = scanner.scan(bytes, 0, bytes.length, PayloadScanner.Plan.of(schema));
        assertThat(ConversionOracle.comparable(value)).isEqualTo(ConversionOracle.comparable(parsed(schema, bytes)));
        return value;
    }

    private Object parsed(Schema schema, byte[] bytes) throws Exception {
        try (JsonParser parser = new JsonFactory().createParser(bytes)) {
            parser.nextToken();
            return reader.read(parser, schema);
        }
    }

    private void leftToTheParser(Schema schema, String json) {
        leftToTheParser(schema, json.getBytes(StandardCharsets.UTF_8));
    }

    private void leftToTheParser(Schema schema, byte[] bytes) {
        assertThatThrownBy(() -> scanner.scan(bytes, 0, bytes.length, PayloadScanner.Plan.of(schema)))
                .isInstanceOf(PayloadScanner.NotScanned.class);
    }

    @Test
    void structsAsJsonConverterWritesThemAreScanned() throws Exception {
        assertThat(scanned(ROW, "{\"id\":7,\"n\":null,\"name\":\"gift wrap, leave at the door\"}")).isNotNull();
        assertThat(scanned(ROW, "{\"id\":-9223372036854775808,\"n\":-2147483648,\"name\":\"\"}")).isNotNull();
        assertThat(scanned(ROW, "{\"id\":9223372036854775807,\"n\":2147483647,\"name\":\"a/b ~\\u007f\"}"
                .replace("\\u007f", "\u007f"))).isNotNull();
        assertThat(scanned(Schema.OPTIONAL_STRING_SCHEMA, "null")).isNull();
    }

    @Test
    void otherLayoutsAreLeftToTheParser() {
        leftToTheParser(ROW, "{\"n\":1,\"id\":7,\"name\":null}");           // another order
        leftToTheParser(ROW, "{\"id\":7,\"name\":null}");                   // a field missing
        leftToTheParser(ROW, "{\"id\":7,\"n\":1,\"name\":null,\"x\":1}");   // a field the schema lacks
        leftToTheParser(ROW, "{\"id\": 7,\"n\":1,\"name\":null}");          // whitespace
        leftToTheParser(ROW, "{\"id\":7,\"n\":1,\"name\":null}x");          // trailing bytes
        leftToTheParser(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), "[1,2]");
        leftToTheParser(Schema.STRING_SCHEMA, "null");                      // a null the schema does not allow
    }

    @Test
    void textInUtf8AndWithEscapesReadsAsTheParserReadsIt() throws Exception {
        assertThat(scanned(Schema.STRING_SCHEMA, "\"Zürich 日本 😀\"")).isEqualTo("Zürich 日本 😀");
        assertThat(scanned(Schema.STRING_SCHEMA, "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\""))
                .isEqualTo("a\"b\\c/d\b\f\n\r\t");
        assertThat(scanned(Schema.STRING_SCHEMA, "\"\\u0000x\\u00e9\\uD83D\\uDE00ü\\ud800\""))
                .isEqualTo("\u0000xé😀ü\ud800");
        assertThat(scanned(ROW, "{\"id\":7,\"n\":1,\"name\":\"a\\\"b, Zürich\"}")).isNotNull();
    }

    @Test
    void textTheParserRejectsOrMightReadOtherwiseIsLeftToIt() {
        leftToTheParser(Schema.STRING_SCHEMA, "\"a\u0001b\"");          // an unescaped control character
        leftToTheParser(Schema.STRING_SCHEMA, "\"a\\xb\"");             // an escape JSON does not have
        leftToTheParser(Schema.STRING_SCHEMA, "\"a\\u12g4\"");          // not hex
        leftToTheParser(Schema.STRING_SCHEMA, "\"a\\u12\"");            // cut short
        leftToTheParser(Schema.STRING_SCHEMA, "\"abc");                    // no closing quote
        leftToTheParser(Schema.STRING_SCHEMA, utf8With(0xc0, 0x80));       // overlong NUL
        leftToTheParser(Schema.STRING_SCHEMA, utf8With(0xed, 0xa0, 0x80)); // an encoded surrogate
        leftToTheParser(Schema.STRING_SCHEMA, utf8With(0xf4, 0x90, 0x80, 0x80)); // beyond U+10FFFF
        leftToTheParser(Schema.STRING_SCHEMA, utf8With(0xe6, 0x97));       // cut short
        leftToTheParser(Schema.STRING_SCHEMA, utf8With(0xff));
    }

    /** A JSON string holding 'a', the given bytes, and 'b'. */
    private static byte[] utf8With(int... bytes) {
        byte[] json = new byte[bytes.length + 4];
        json[0] = '"';
        json[1] = 'a';
        for (int i = 0; i < bytes.length; i++) {
            json[i + 2] = (byte) bytes[i];
        }
        json[json.length - 2] = 'b';
        json[json.length - 1] = '"';
        return json;
    }

    @Test
    void integersOutOfRangeOrNotInJsonFormAreLeftToTheParser() {
        leftToTheParser(Schema.INT32_SCHEMA, "2147483648");
        leftToTheParser(Schema.INT64_SCHEMA, "9223372036854775808");
        leftToTheParser(Schema.INT64_SCHEMA, "-9223372036854775809");
        leftToTheParser(Schema.INT64_SCHEMA, "07");
        leftToTheParser(Schema.INT64_SCHEMA, "7.0");
        leftToTheParser(Schema.INT64_SCHEMA, "1e3");
        leftToTheParser(Schema.INT64_SCHEMA, "-");
        leftToTheParser(Schema.INT64_SCHEMA, "\"7\"");
        leftToTheParser(Schema.BOOLEAN_SCHEMA, "truex");
    }

    @Test
    void numbersReadAsTheParserReadsThem() throws Exception {
        assertThat(scanned(Schema.INT8_SCHEMA, "300")).isEqualTo((byte) 300);
        assertThat(scanned(Schema.INT64_SCHEMA, "-0")).isEqualTo(0L);
        assertThat(scanned(Schema.FLOAT64_SCHEMA, "-0.0")).isEqualTo(0.0);
        assertThat(scanned(Schema.FLOAT64_SCHEMA, "2193.6")).isEqualTo(2193.6);
        assertThat(scanned(Schema.FLOAT64_SCHEMA, "1.5E-300")).isEqualTo(1.5E-300);
        assertThat(scanned(Schema.FLOAT32_SCHEMA, "12")).isEqualTo(12f);
        assertThat(scanned(Schema.FLOAT64_SCHEMA, "-9223372036854775808")).isEqualTo(-9.223372036854775808E18);
        assertThat(scanned(Timestamp.SCHEMA, "1790000000001")).isEqualTo(new Date(1_790_000_000_001L));
        assertThat(scanned(Schema.BOOLEAN_SCHEMA, "false")).isEqualTo(false);
        leftToTheParser(Schema.FLOAT64_SCHEMA, "1.");
        leftToTheParser(Schema.FLOAT64_SCHEMA, ".5");
        leftToTheParser(Schema.FLOAT64_SCHEMA, "1e");
        leftToTheParser(Schema.FLOAT64_SCHEMA, "99999999999999999999");
    }

    @Test
    void decimalsInEitherFormatAndBytesAsPaddedBase64() throws Exception {
        assertThat(scanned(AMOUNT, "\"Apc=\"")).isEqualTo(new BigDecimal("6.63"));
        assertThat(scanned(AMOUNT, "\"AQID\"")).isEqualTo(new BigDecimal("660.51"));
        assertThat(scanned(AMOUNT, "2193.60")).isEqualTo(new BigDecimal("2193.60"));
        assertThat(scanned(AMOUNT, "-12")).isEqualTo(new BigDecimal("-12"));
        assertThat(scanned(Schema.BYTES_SCHEMA, "\"AA==\"")).isEqualTo(new byte[] {0});
        leftToTheParser(AMOUNT, "\"Apc\"");       // unpadded
        leftToTheParser(AMOUNT, "\"Apd=\"");      // bits after the data
        leftToTheParser(AMOUNT, "\"A-c=\"");      // the URL alphabet
        leftToTheParser(Schema.BYTES_SCHEMA, "\"\"");
        leftToTheParser(Schema.BYTES_SCHEMA, "\"====\"");
    }
}
