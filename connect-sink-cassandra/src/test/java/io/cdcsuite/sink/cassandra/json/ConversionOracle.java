package io.cdcsuite.sink.cassandra.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Kafka's JsonConverter and a SchemaCachingJsonConverter configured alike; {@link #check} requires the same
 * schema and value from both, or the same exception.
 */
final class ConversionOracle implements AutoCloseable {
    static final String TOPIC = "dbserver1.inventory.every_type";

    final JsonConverter jsonConverter = new JsonConverter();
    final SchemaCachingJsonConverter converter = new SchemaCachingJsonConverter();

    ConversionOracle(Map<String, ?> config, boolean isKey) {
        jsonConverter.configure(config, isKey);
        converter.configure(config, isKey);
    }

    static ConversionOracle forValues(boolean replaceNullWithDefault) {
        return new ConversionOracle(Map.of("replace.null.with.default", String.valueOf(replaceNullWithDefault)),
                false);
    }

    /** Checks one document and returns the converter's result (null when both threw). */
    SchemaAndValue check(byte[] document) {
        SchemaAndValue expected;
        try {
            expected = jsonConverter.toConnectData(TOPIC, document);
        } catch (RuntimeException e) {
            assertThatThrownBy(() -> converter.toConnectData(TOPIC, document))
                    .isExactlyInstanceOf(e.getClass()).hasMessage(e.getMessage());
            return null;
        }
        SchemaAndValue actual = converter.toConnectData(TOPIC, document);
        assertThat(actual.schema()).isEqualTo(expected.schema());
        assertThat(comparable(actual.value())).isEqualTo(comparable(expected.value()));
        return actual;
    }

    long fallbacks() {
        return converter.fallbacks();
    }

    long scanned() {
        return converter.scanned();
    }

    @Override
    public void close() {
        jsonConverter.close();
        converter.close();
    }

    /**
     * The value with byte arrays (compared by identity in lists and maps) as ByteBuffers and structs as their
     * schema plus named values; every other object, with its Java class, stays as it is.
     */
    static Object comparable(Object value) {
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (value instanceof Struct struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                fields.put(field.name(), comparable(struct.getWithoutDefault(field.name())));
            }
            return List.of(struct.schema(), fields);
        }
        if (value instanceof List<?> list) {
            List<Object> elements = new ArrayList<>();
            list.forEach(element -> elements.add(comparable(element)));
            return elements;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> entries = new HashMap<>();
            map.forEach((k, v) -> entries.put(comparable(k), comparable(v)));
            return entries;
        }
        return value;
    }
}
