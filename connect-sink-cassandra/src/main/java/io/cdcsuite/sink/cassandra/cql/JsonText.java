package io.cdcsuite.sink.cassandra.cql;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders structs, maps and lists as JSON text for {@code text} columns. Decimals keep their digits
 * (plain notation), logical values are converted as for a column of their own and written as strings,
 * bytes as base64.
 */
final class JsonText {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private JsonText() {
    }

    static String render(Object value, Schema schema) {
        try {
            return MAPPER.writeValueAsString(plain(value, schema));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot render as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object plain(Object value, Schema schema) {
        if (value == null) {
            return null;
        }
        if (value instanceof Struct struct) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Field field : struct.schema().fields()) {
                out.put(field.name(), plain(struct.get(field), field.schema()));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            Schema valueSchema = schema == null ? null : schema.valueSchema();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v, valueSchema)));
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            Schema valueSchema = schema == null ? null : schema.valueSchema();
            list.forEach(v -> out.add(plain(v, valueSchema)));
            return out;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        Object canonical = CqlValueConverter.canonical(value, schema);
        if (canonical instanceof Number || canonical instanceof Boolean || canonical instanceof String) {
            return canonical;
        }
        return canonical.toString();
    }
}
