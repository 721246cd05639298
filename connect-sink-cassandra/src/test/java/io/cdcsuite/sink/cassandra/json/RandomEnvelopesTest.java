package io.cdcsuite.sink.cassandra.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Property-style: random schemas (every type, logical types, optional fields, defaults, nesting) and values,
 * written by JsonConverter in either decimal format, read by both converters with either
 * replace.null.with.default; then the same documents with payload fields randomly nulled or removed, which
 * also produces documents JsonConverter rejects (both must reject them alike). Fixed seeds.
 */
class RandomEnvelopesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SCHEMAS = 150;
    private static final int VALUES_PER_SCHEMA = 4;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1L, 20_240_611L, 987_654_321L})
    void randomEnvelopesReadAsJsonConverterReadsThem(long seed) throws Exception {
        Random random = new Random(seed);
        int checked = 0;
        for (boolean replaceNull : new boolean[] {false, true}) {
            for (String decimalFormat : List.of("BASE64", "NUMERIC")) {
                JsonConverter writer = new JsonConverter();
                writer.configure(Map.of("decimal.format", decimalFormat, "replace.null.with.default", "false"),
                        false);
                try (ConversionOracle oracle = ConversionOracle.forValues(replaceNull)) {
                    List<byte[]> perturbed = new ArrayList<>();
                    for (int s = 0; s < SCHEMAS; s++) {
                        Generator generator = new Generator(random);
                        Schema schema = generator.schema(0, true);
                        for (int v = 0; v < VALUES_PER_SCHEMA; v++) {
                            byte[] document = writer.fromConnectData("t", schema, generator.value(schema));
                            oracle.check(document);
                            checked++;
                            perturbed.add(generator.perturb(document));
                        }
                    }
                    // as written by JsonConverter, every record is read by the fast path, and after a schema's
                    // first record (read by the parser) by the scanner unless it holds a collection that is not null
                    assertThat(oracle.fallbacks()).isZero();
                    assertThat(oracle.scanned()).isGreaterThan(SCHEMAS);
                    for (byte[] document : perturbed) {
                        oracle.check(document);
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(4 * SCHEMAS * VALUES_PER_SCHEMA);
    }

    private static final class Generator {
        private final Random random;
        private int names;

        Generator(Random random) {
            this.random = random;
        }

        Schema schema(int depth, boolean top) {
            int kind = random.nextInt(depth >= 3 ? 13 : (top ? 16 : 19));
            if (top) {
                kind = random.nextInt(4) == 0 ? kind : 16; // mostly structs at the top, as in CDC
            }
            SchemaBuilder builder = switch (kind) {
                case 0 -> SchemaBuilder.bool();
                case 1 -> SchemaBuilder.int8();
                case 2 -> SchemaBuilder.int16();
                case 3 -> SchemaBuilder.int32();
                case 4 -> SchemaBuilder.int64();
                case 5 -> SchemaBuilder.float32();
                case 6 -> SchemaBuilder.float64();
                case 7, 8 -> SchemaBuilder.string();
                case 9 -> SchemaBuilder.bytes();
                case 10 -> Decimal.builder(random.nextInt(5));
                case 11 -> random.nextBoolean() ? Date.builder() : Time.builder();
                case 12 -> Timestamp.builder();
                case 13, 17 -> SchemaBuilder.array(schema(depth + 1, false));
                case 14, 18 -> SchemaBuilder.map(random.nextInt(3) == 0 ? schema(depth + 1, false)
                        : Schema.STRING_SCHEMA, schema(depth + 1, false));
                default -> struct(depth);
            };
            if (random.nextInt(3) == 0) {
                builder.optional();
            }
            if (kind <= 12 && random.nextInt(4) == 0) {
                builder.defaultValue(primitive(builder));
            }
            if (kind >= 15 && random.nextInt(3) == 0) {
                builder.name("gen.S" + names++).version(1 + random.nextInt(3)).doc("doc").parameter("p", "v");
            }
            return builder.build();
        }

        private SchemaBuilder struct(int depth) {
            SchemaBuilder struct = SchemaBuilder.struct();
            int fields = random.nextInt(7);
            for (int i = 0; i < fields; i++) {
                struct.field("f" + i, schema(depth + 1, false));
            }
            return struct;
        }

        Object value(Schema schema) {
            if (schema.isOptional() && random.nextInt(5) == 0) {
                return null;
            }
            return switch (schema.type()) {
                case ARRAY -> {
                    List<Object> list = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        list.add(value(schema.valueSchema()));
                    }
                    yield list;
                }
                case MAP -> {
                    Map<Object, Object> map = new HashMap<>();
                    for (int i = random.nextInt(4); i > 0; i--) {
                        Object key = value(schema.keySchema());
                        if (key != null || schema.keySchema().type() != Schema.Type.STRING) {
                            map.put(key, value(schema.valueSchema()));
                        }
                    }
                    yield map;
                }
                case STRUCT -> {
                    Struct struct = new Struct(schema);
                    for (Field field : schema.fields()) {
                        struct.put(field, value(field.schema()));
                    }
                    yield struct;
                }
                default -> primitive(schema);
            };
        }

        private Object primitive(Schema schema) {
            if (schema.name() != null) {
                switch (schema.name()) {
                    case Decimal.LOGICAL_NAME:
                        int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
                        return new BigDecimal(new BigInteger(random.nextInt(90) + 1, random)
                                .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)), scale);
                    case Date.LOGICAL_NAME:
                        return new java.util.Date((random.nextInt(80_000) - 20_000) * 86_400_000L);
                    case Time.LOGICAL_NAME:
                        return new java.util.Date(random.nextInt(86_400_000));
                    case Timestamp.LOGICAL_NAME:
                        return new java.util.Date(random.nextLong() >> 20);
                    default:
                        break;
                }
            }
            return switch (schema.type()) {
                case BOOLEAN -> random.nextBoolean();
                case INT8 -> (byte) random.nextInt();
                case INT16 -> (short) random.nextInt();
                case INT32 -> random.nextInt(3) == 0 ? random.nextInt(100) : random.nextInt();
                case INT64 -> random.nextBoolean() ? (long) random.nextInt(1000) : random.nextLong();
                case FLOAT32 -> edge() ? (random.nextBoolean() ? -0.0f : Float.MIN_VALUE)
                        : (float) (random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
                case FLOAT64 -> edge() ? (random.nextBoolean() ? -0.0 : Double.MAX_VALUE)
                        : random.nextGaussian() * Math.pow(10, random.nextInt(600) - 300);
                case STRING -> text();
                case BYTES -> {
                    byte[] bytes = new byte[random.nextInt(12)];
                    random.nextBytes(bytes);
                    yield bytes;
                }
                default -> throw new IllegalArgumentException(schema.type().toString());
            };
        }

        private boolean edge() {
            return random.nextInt(10) == 0;
        }

        private String text() {
            String[] pieces = {"a", "Zürich", "\"", "\\", "\n", "\u0000", "日本", "😀", " ", "x1"};
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(5); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            return text.toString();
        }

        /** The document with some payload object members set to null or removed. */
        byte[] perturb(byte[] document) throws Exception {
            JsonNode tree = MAPPER.readTree(document);
            perturbObjects(tree.get("payload"));
            return MAPPER.writeValueAsBytes(tree);
        }

        private void perturbObjects(JsonNode node) {
            if (node instanceof ObjectNode object) {
                Iterator<Map.Entry<String, JsonNode>> members = object.fields();
                List<String> names = new ArrayList<>();
                members.forEachRemaining(member -> names.add(member.getKey()));
                for (String name : names) {
                    switch (random.nextInt(6)) {
                        case 0 -> object.putNull(name);
                        case 1 -> object.remove(name);
                        default -> perturbObjects(object.get(name));
                    }
                }
            } else if (node != null && node.isArray()) {
                node.forEach(this::perturbObjects);
            }
        }
    }
}
