package io.cdcsuite.sink.cassandra.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Parses record keys and values that arrive as JSON text (StringConverter or ByteArrayConverter) into maps.
 * Numbers with a fraction or exponent become {@link java.math.BigDecimal} with the exact digits written
 * ({@code 2193.60} stays {@code 2193.60}); whole numbers become Integer, Long or BigInteger. A JsonConverter
 * document with schema ({@code {"schema":..., "payload":...}}) yields its payload.
 */
public final class JsonValues {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonValues() {
    }

    /** True when a string or byte[] value looks like a JSON object. */
    public static boolean isJsonObject(Object value) {
        if (value instanceof String text) {
            return firstNonBlank(text) == '{';
        }
        if (value instanceof byte[] bytes) {
            for (byte b : bytes) {
                if (!Character.isWhitespace(b)) {
                    return b == '{';
                }
            }
        }
        return false;
    }

    /** Parses a JSON object from a String or byte[]; throws a RecordMappingException when it is not one. */
    public static Map<String, Object> parseObject(Object value, String what) {
        try {
            Map<String, Object> map = value instanceof byte[] bytes
                    ? MAPPER.readValue(bytes, MAP)
                    : MAPPER.readValue((String) value, MAP);
            if (map != null && map.size() == 2 && map.containsKey("schema") && map.get("payload") instanceof Map<?, ?>) {
                @SuppressWarnings("unchecked")
                Map<String, Object> payload = (Map<String, Object>) map.get("payload");
                return payload;
            }
            return map;
        } catch (JsonProcessingException e) {
            String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : (String) value;
            throw new RecordMappingException("the " + what + " is not valid JSON (" + e.getOriginalMessage()
                    + "): " + abbreviate(text));
        } catch (IOException e) {
            throw new RecordMappingException("cannot read the " + what + " as JSON: " + e.getMessage());
        }
    }

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return 0;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
