package io.cdcsuite.sink.cassandra.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Where a column's value comes from, as written in {@code column.mapping} and {@code ttl.field}:
 * <ul>
 *   <li>{@code value.<path>}: a field of the row (the envelope's {@code after}, or {@code before} for deletes;
 *       the record value itself for flat records), nested fields separated by dots;</li>
 *   <li>{@code key} or {@code key.<path>}: the record key, or a field of it;</li>
 *   <li>{@code header.<name>}: the last record header of that name;</li>
 *   <li>{@code envelope.<path>}: a field of the change-event envelope, e.g. {@code envelope.source.ts_ms};</li>
 *   <li>{@code kafka.topic}, {@code kafka.partition}, {@code kafka.offset}, {@code kafka.timestamp}.</li>
 * </ul>
 */
public record FieldPath(Origin origin, List<String> segments) {
    public enum Origin { VALUE, KEY, HEADER, ENVELOPE, KAFKA }

    /** Marker for a path that names a field a schemaless record does not have. */
    static final Object MISSING = new Object();

    private static final List<String> KAFKA_FIELDS = List.of("topic", "partition", "offset", "timestamp");

    public FieldPath {
        segments = List.copyOf(segments);
    }

    public static FieldPath parse(String text) {
        String path = text == null ? "" : text.trim();
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        List<String> rest = dot < 0 ? List.of() : Arrays.asList(path.substring(dot + 1).split("\\.", -1));
        if (rest.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("Invalid field path '" + path + "': empty segment");
        }
        Origin origin = switch (head) {
            case "value" -> Origin.VALUE;
            case "key" -> Origin.KEY;
            case "header" -> Origin.HEADER;
            case "envelope" -> Origin.ENVELOPE;
            case "kafka" -> Origin.KAFKA;
            default -> throw new IllegalArgumentException("Invalid field path '" + path
                    + "': must start with value., key, header., envelope. or kafka.");
        };
        if (origin != Origin.KEY && rest.isEmpty()) {
            throw new IllegalArgumentException("Invalid field path '" + path + "': a field name must follow '"
                    + head + ".'");
        }
        if (origin == Origin.HEADER && rest.size() != 1) {
            // header names may contain dots: keep the whole remainder as one name
            rest = List.of(path.substring(dot + 1));
        }
        if (origin == Origin.KAFKA && (rest.size() != 1 || !KAFKA_FIELDS.contains(rest.get(0)))) {
            throw new IllegalArgumentException("Invalid field path '" + path + "': kafka. supports " + KAFKA_FIELDS);
        }
        return new FieldPath(origin, rest);
    }

    /** The top-level field this path reads, or null for {@code key} itself and non-field origins. */
    public String topField() {
        return segments.isEmpty() ? null : segments.get(0);
    }

    /**
     * Follows the path's segments down a Struct or Map. Returns {@link #MISSING} when a Map lacks a segment;
     * throws when a Struct's schema lacks one (a mistyped path, not a data problem).
     */
    static FieldValue walk(Object container, Schema schema, List<String> segments, String pathText) {
        Object value = container;
        Schema current = schema;
        for (String segment : segments) {
            if (current != null && current.type() == Schema.Type.MAP) {
                if (value != null && !((Map<?, ?>) value).containsKey(segment)) {
                    return new FieldValue(MISSING, null);
                }
                value = value == null ? null : ((Map<?, ?>) value).get(segment);
                current = current.valueSchema();
            } else if (current != null) {
                if (current.type() != Schema.Type.STRUCT) {
                    throw new RecordMappingException("field path '" + pathText + "': '" + segment
                            + "' is inside a " + current.type() + ", not a struct or map");
                }
                Field field = current.field(segment);
                if (field == null) {
                    throw new RecordMappingException("field path '" + pathText + "': the record schema has no field '"
                            + segment + "'");
                }
                value = value == null ? null : ((Struct) value).get(field);
                current = field.schema();
            } else if (value instanceof Map<?, ?> map) {
                if (!map.containsKey(segment)) {
                    return new FieldValue(MISSING, null);
                }
                value = map.get(segment);
            } else if (value == null) {
                return new FieldValue(null, null);
            } else {
                throw new RecordMappingException("field path '" + pathText + "': '" + segment + "' is inside a "
                        + value.getClass().getSimpleName() + ", not a map");
            }
        }
        return new FieldValue(value, current);
    }

    @Override
    public String toString() {
        String head = origin.name().toLowerCase();
        return segments.isEmpty() ? head : head + "." + String.join(".", segments);
    }
}
