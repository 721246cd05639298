package io.cdcsuite.sink.cassandra.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.cdcsuite.sink.cassandra.TestRecords;

class SchemaCachingJsonConverterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> CAPTURED = List.of("debezium-mysql/read.json", "debezium-mysql/insert.json",
            "debezium-mysql/update.json", "debezium-mysql/delete.json", "timestamp-source/read.json",
            "timestamp-source/insert.json", "timestamp-source/update.json", "timestamp-source/delete.json");

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** The key and value envelopes of every captured record, as written (compact) and pretty-printed. */
    private static List<byte[]> capturedDocuments() throws IOException {
        List<byte[]> documents = new ArrayList<>();
        for (String file : CAPTURED) {
            try (InputStream in = SchemaCachingJsonConverterTest.class.getResourceAsStream("/captured/" + file)) {
                for (JsonNode record : MAPPER.readTree(in)) {
                    for (String part : List.of("key", "value")) {
                        JsonNode envelope = record.get(part);
                        if (!envelope.isNull()) {
                            documents.add(MAPPER.writeValueAsBytes(envelope));
                            documents.add(MAPPER.writer(SerializationFeature.INDENT_OUTPUT)
                                    .writeValueAsBytes(envelope));
                        }
                    }
                }
            }
        }
        return documents;
    }

    @ParameterizedTest(name = "replace.null.with.default={0}")
    @ValueSource(booleans = {false, true})
    void capturedDebeziumAndTimestampSourceRecordsReadAsJsonConverterReadsThem(boolean replaceNull)
            throws IOException {
        try (ConversionOracle oracle = ConversionOracle.forValues(replaceNull)) {
            List<byte[]> documents = capturedDocuments();
            assertThat(documents).hasSizeGreaterThan(30);
            for (int pass = 0; pass < 2; pass++) {
                for (byte[] document : documents) {
                    assertThat(oracle.check(document)).isNotNull();
                }
            }
            assertThat(oracle.fallbacks()).isZero();
        }
    }

    @ParameterizedTest(name = "decimal.format={0}")
    @ValueSource(strings = {"BASE64", "NUMERIC"})
    void sinkTestRecordsWrittenByJsonConverterReadBackTheSame(String decimalFormat) {
        List<SinkRecord> records = List.of(TestRecords.upsert(0, 1, "2193.60", 1_000L),
                TestRecords.upsert(1, 2, null, 1_001L), TestRecords.upsert(2, 3, "-0.01", 1_002L),
                TestRecords.delete(3, 1, 1_003L), TestRecords.upsert(4, 4, "99999999.99", 1_004L));
        for (boolean isKey : new boolean[] {true, false}) {
            Map<String, String> config = Map.of("decimal.format", decimalFormat,
                    "replace.null.with.default", "false");
            JsonConverter writer = new JsonConverter();
            writer.configure(config, isKey);
            try (ConversionOracle oracle = new ConversionOracle(config, isKey)) {
                for (int pass = 0; pass < 2; pass++) {
                    for (SinkRecord record : records) {
                        byte[] document = isKey
                                ? writer.fromConnectData(record.topic(), record.keySchema(), record.key())
                                : writer.fromConnectData(record.topic(), record.valueSchema(), record.value());
                        SchemaAndValue read = oracle.check(document);
                        assertThat(read.value()).isEqualTo(isKey ? record.key() : record.value());
                    }
                }
                assertThat(oracle.fallbacks()).isZero();
            }
        }
    }

    @Test
    void aKnownSchemaIsTheSameInstance() {
        try (ConversionOracle oracle = ConversionOracle.forValues(false)) {
            String schema = "{\"type\":\"struct\",\"fields\":[{\"field\":\"id\",\"type\":\"int32\"}]}";
            SchemaAndValue first = oracle.check(utf8("{\"schema\":" + schema + ",\"payload\":{\"id\":1}}"));
            SchemaAndValue second = oracle.check(utf8("{\"schema\":" + schema + ",\"payload\":{\"id\":2}}"));
            SchemaAndValue spaced = oracle.check(utf8("{ \"schema\" : " + schema.replace(",", ", ")
                    + " , \"payload\" : {\"id\":3} }"));
            SchemaAndValue third = oracle.check(utf8("{\"schema\":" + schema + ",\"payload\":{\"id\":4}}"));
            assertThat(second.schema()).isSameAs(first.schema());
            assertThat(third.schema()).isSameAs(first.schema());
            assertThat(spaced.schema()).isEqualTo(first.schema());
            assertThat(oracle.fallbacks()).isZero();
        }
    }

    @Test
    void interleavedSchemasReadTheSameWhetherComparedInPlaceOrScanned() {
        // more schemas than are compared in place, in turn: some reads compare, the others scan
        List<String> types = List.of("int8", "int16", "int32", "int64", "string", "boolean");
        try (ConversionOracle oracle = ConversionOracle.forValues(false)) {
            List<SchemaAndValue> firstReads = new ArrayList<>();
            for (String type : types) {
                firstReads.add(oracle.check(utf8(document(type))));
            }
            for (int pass = 0; pass < 3; pass++) {
                for (int i = 0; i < types.size(); i++) {
                    String type = types.get((i * (pass + 1)) % types.size());
                    assertThat(oracle.check(utf8(document(type))).schema())
                            .isSameAs(firstReads.get(types.indexOf(type)).schema());
                    assertThat(oracle.check(utf8(document(type))).schema())
                            .isSameAs(firstReads.get(types.indexOf(type)).schema());
                }
            }
            assertThat(oracle.fallbacks()).isZero();
        }
    }

    @Test
    void theCacheHoldsAtMostSchemasCacheSizeSchemas() {
        try (ConversionOracle oracle = new ConversionOracle(Map.of("schemas.cache.size", "2"), false)) {
            List<SchemaAndValue> firstReads = new ArrayList<>();
            for (String type : List.of("int32", "int64", "string")) {
                firstReads.add(oracle.check(utf8(document(type))));
            }
            // "int32" was evicted by "string" (capacity 2): read again, it is a new instance
            assertThat(oracle.check(utf8(document("int32"))).schema()).isNotSameAs(firstReads.get(0).schema());
            assertThat(oracle.check(utf8(document("string"))).schema()).isSameAs(firstReads.get(2).schema());
        }
    }

    private static String document(String fieldType) {
        String value = switch (fieldType) {
            case "string" -> "\"v\"";
            case "boolean" -> "true";
            default -> "7";
        };
        return "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"field\":\"f\",\"type\":\"" + fieldType
                + "\"}]},\"payload\":{\"f\":" + value + "}}";
    }

    private static final String DEFAULTS_SCHEMA = """
            {"type":"struct","name":"t.Value","version":3,"doc":"d","parameters":{"p":"q"},"fields":[
              {"field":"id","type":"int32"},
              {"field":"opt_def","type":"string","optional":true,"default":"dflt"},
              {"field":"req_def","type":"int64","optional":false,"default":42},
              {"field":"opt","type":"boolean","optional":true},
              {"field":"dec_def","type":"bytes","optional":true,"name":"org.apache.kafka.connect.data.Decimal",
               "version":1,"parameters":{"scale":"2"},"default":"AMg="},
              {"field":"inner","type":"struct","optional":true,"fields":[
                {"field":"a","type":"int16","optional":true,"default":7},
                {"field":"b","type":"int8","optional":true}]}
            ]}""";

    @ParameterizedTest(name = "replace.null.with.default={0}")
    @ValueSource(booleans = {false, true})
    void nullsAbsentFieldsAndDefaultsAsJsonConverter(boolean replaceNull) {
        List<String> payloads = List.of(
                "{\"id\":1,\"opt_def\":null,\"req_def\":null,\"opt\":null,\"dec_def\":null,\"inner\":null}",
                "{\"id\":1}",
                "{\"id\":1,\"inner\":{}}",
                "{\"id\":1,\"inner\":{\"a\":null,\"b\":null},\"opt_def\":\"x\",\"req_def\":5,\"opt\":true}",
                "{\"id\":1,\"opt\":false,\"opt\":null,\"req_def\":3,\"req_def\":null}",
                "{\"id\":1,\"unknown\":{\"deep\":[1,{\"x\":null}]},\"opt\":true}",
                "{\"id\":null}",
                "null");
        try (ConversionOracle oracle = ConversionOracle.forValues(replaceNull)) {
            for (int pass = 0; pass < 2; pass++) {
                for (String payload : payloads) {
                    oracle.check(utf8("{\"schema\":" + DEFAULTS_SCHEMA + ",\"payload\":" + payload + "}"));
                }
            }
        }
    }

    private static final String TYPES_SCHEMA = """
            {"type":"struct","fields":[
              {"field":"i8","type":"int8","optional":true},
              {"field":"i16","type":"int16","optional":true},
              {"field":"i64","type":"int64","optional":true},
              {"field":"f32","type":"float","optional":true},
              {"field":"f64","type":"double","optional":true},
              {"field":"s","type":"string","optional":true},
              {"field":"b","type":"bytes","optional":true},
              {"field":"dec","type":"bytes","optional":true,"name":"org.apache.kafka.connect.data.Decimal",
               "parameters":{"scale":"2"}},
              {"field":"date","type":"int32","optional":true,"name":"org.apache.kafka.connect.data.Date"},
              {"field":"time","type":"int32","optional":true,"name":"org.apache.kafka.connect.data.Time"},
              {"field":"ts","type":"int64","optional":true,"name":"org.apache.kafka.connect.data.Timestamp"},
              {"field":"zoned","type":"string","optional":true,"name":"io.debezium.time.ZonedTimestamp"},
              {"field":"list","type":"array","optional":true,"items":{"type":"int32","optional":true}},
              {"field":"smap","type":"map","optional":true,"keys":{"type":"string"},
               "values":{"type":"array","items":{"type":"string"}}},
              {"field":"imap","type":"map","optional":true,"keys":{"type":"int32"},
               "values":{"type":"struct","optional":true,"fields":[{"field":"x","type":"double"}]}}
            ]}""";

    @Test
    void everyTypeAsJsonConverterIncludingValuesItCoerces() {
        List<String> payloads = List.of(
                // ordinary values
                "{\"i8\":-128,\"i16\":32767,\"i64\":9223372036854775807,\"f32\":1.1,\"f64\":0.1,\"s\":\"\\u00e9\\n\","
                        + "\"b\":\"AAEC/w==\",\"dec\":\"AMg=\",\"date\":19000,\"time\":3600000,"
                        + "\"ts\":-1,\"zoned\":\"2024-01-01T00:00:00Z\",\"list\":[1,null,3],"
                        + "\"smap\":{\"k\":[\"a\"],\"e\":[]},\"imap\":[[1,{\"x\":2.5}],[2,null]]}",
                // decimals as numbers (decimal.format=NUMERIC), trailing zeros and exponents kept as written
                "{\"dec\":2193.60}", "{\"dec\":1E+3}", "{\"dec\":-0.00}", "{\"dec\":12345678901234567890.123}",
                "{\"dec\":7}",
                // floating point edges
                "{\"f64\":-0.0,\"f32\":-0.0}", "{\"f64\":1e-400,\"f32\":1e-50}", "{\"f64\":-1e-400}",
                "{\"f64\":1.7976931348623157E309,\"f32\":3.5e38}", "{\"f64\":3,\"f32\":16777217}",
                "{\"f64\":0.30000000000000004,\"f32\":0.1000000015}", "{\"f32\":\"NaN\",\"f64\":\"Infinity\"}",
                // values JsonConverter coerces or rejects in its own ways: the fast path leaves them to it
                "{\"i8\":300}", "{\"i16\":2147483648}", "{\"i64\":9223372036854775808}", "{\"i8\":1.9}",
                "{\"i16\":\"5\"}", "{\"s\":5}", "{\"b\":\"not base64!\"}", "{\"b\":\" AAEC \"}", "{\"b\":7}",
                "{\"date\":2147483648}", "{\"time\":\"x\"}", "{\"ts\":1.5}", "{\"ts\":99999999999999999999}",
                "{\"dec\":\"%%\"}", "{\"dec\":true}", "{\"list\":{}}", "{\"list\":[\"a\"]}", "{\"smap\":[]}",
                "{\"imap\":{\"1\":{\"x\":1}}}", "{\"imap\":[[1]]}", "{\"imap\":[[1,{\"x\":1},2]]}",
                "{\"imap\":[5]}", "{\"s\":{\"a\":1}}", "{\"i8\":true}", "[]", "5", "\"text\"");
        try (ConversionOracle oracle = ConversionOracle.forValues(false)) {
            for (String payload : payloads) {
                oracle.check(utf8("{\"schema\":" + TYPES_SCHEMA + ",\"payload\":" + payload + "}"));
            }
        }
    }

    @Test
    void documentsOfAnotherLayoutAreReadByJsonConverter() {
        String schema = "{\"type\":\"struct\",\"fields\":[{\"field\":\"id\",\"type\":\"int32\"}]}";
        List<String> documents = List.of(
                "{\"payload\":{\"id\":1},\"schema\":" + schema + "}",
                "{\"schema\":" + schema + ",\"payload\":{\"id\":1},\"extra\":1}",
                "{\"schema\":" + schema + "}",
                "{\"schema\":" + schema + ",\"schema\":" + schema + ",\"payload\":{\"id\":1}}",
                "{\"schema\":null,\"payload\":{\"id\":1}}",
                "{\"schema\":\"int32\",\"payload\":1}",
                "{\"sch\\u0065ma\":" + schema + ",\"payload\":{\"id\":1}}",
                "[1,2]", "{}", "", "   ", "nul", "{\"schema\":" + schema + ",\"payload\":{\"id\":1",
                "{\"schema\":" + schema + ",\"payload\":{\"id\":1}} trailing");
        try (ConversionOracle oracle = ConversionOracle.forValues(false)) {
            // the schema is cached, so every document below that is not read by the fast path is a fallback
            oracle.check(utf8("{\"schema\":" + schema + ",\"payload\":{\"id\":0}}"));
            for (String document : documents) {
                oracle.check(utf8(document));
            }
            // all but two: the escaped "schema" name is that name after all, and JsonConverter ignores what
            // follows the envelope, as the fast path does
            assertThat(oracle.fallbacks()).isEqualTo(documents.size() - 2);
            oracle.check(utf16("{\"schema\":" + schema + ",\"payload\":{\"id\":1}}"));
            assertThat(oracle.check(null)).isEqualTo(SchemaAndValue.NULL);
        }
    }

    private static byte[] utf16(String json) {
        return json.getBytes(StandardCharsets.UTF_16BE);
    }

    @Test
    void withoutSchemaEnvelopesEverythingIsJsonConverters() {
        String schema = "{\"type\":\"struct\",\"fields\":[{\"field\":\"id\",\"type\":\"int32\"}]}";
        byte[] envelope = utf8("{\"schema\":" + schema + ",\"payload\":{\"id\":1}}");
        try (ConversionOracle schemaless = new ConversionOracle(Map.of("schemas.enable", "false"), false)) {
            schemaless.check(envelope);
            schemaless.check(utf8("{\"id\":1,\"amount\":2193.60}"));
            schemaless.check(utf8("[1,\"a\",null]"));
        }
        try (ConversionOracle fixedSchema = new ConversionOracle(Map.of("schema.content", schema), false)) {
            fixedSchema.check(utf8("{\"id\":1}"));
            fixedSchema.check(envelope);
        }
    }

    @Test
    void writesAndDescribesItselfAsJsonConverter() {
        try (ConversionOracle oracle = ConversionOracle.forValues(false)) {
            SinkRecord record = TestRecords.upsert(0, 1, "2.50", 1_000L);
            assertThat(oracle.converter.fromConnectData(record.topic(), record.valueSchema(), record.value()))
                    .isEqualTo(oracle.jsonConverter.fromConnectData(record.topic(), record.valueSchema(),
                            record.value()));
            assertThat(oracle.converter.config().names()).isEqualTo(oracle.jsonConverter.config().names());
        }
    }

    @Test
    void worksAsAHeaderConverter() {
        Map<String, String> config = Map.of("converter.type", "header");
        JsonConverter jsonConverter = new JsonConverter();
        jsonConverter.configure(config);
        SchemaCachingJsonConverter converter = new SchemaCachingJsonConverter();
        converter.configure(config);
        byte[] header = jsonConverter.fromConnectHeader("t", "h", Schema.INT64_SCHEMA,
                5L);
        assertThat(converter.fromConnectHeader("t", "h", Schema.INT64_SCHEMA, 5L))
                .isEqualTo(header);
        assertThat(converter.toConnectHeader("t", "h", header)).isEqualTo(jsonConverter.toConnectHeader("t", "h",
                header));
        assertThat(converter.toConnectHeader("t", "h", header)).isEqualTo(
                new SchemaAndValue(Schema.INT64_SCHEMA, 5L));
    }
}
