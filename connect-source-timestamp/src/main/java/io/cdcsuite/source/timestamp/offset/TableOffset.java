package io.cdcsuite.source.timestamp.offset;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdcsuite.source.timestamp.schema.Temporals;

/**
 * The stored progress of one table, a value object with a flat, JSON-friendly map form (Connect offsets hold only
 * primitive values):
 * <pre>
 * {"version":1, "phase":"streaming", "ts":"2024-05-01T10:00:00.123456", "key.0.column":"id", "key.0.value":42}
 * {"version":1, "phase":"snapshot", "snapshot.bound":"2024-05-01T09:59:58.000000", "key.0.column":"id", "key.0.value":7}
 * </pre>
 * Streaming: every row at or before ({@code ts}, key) in (timestamp, key) order has been emitted; without key
 * entries, every row with a timestamp before {@code ts}. Snapshot: every row with a timestamp before
 * {@code snapshot.bound} and a key up to the key has been emitted. {@code ts} is UTC for TIMESTAMP columns and the
 * column's own wall clock for DATETIME; key values are numbers or strings, as {@code RawKind} encodes them.
 */
public record TableOffset(Phase phase, LocalDateTime ts, LocalDateTime snapshotBound, List<KeyValue> key) {
    public static final int CURRENT_VERSION = 1;
    public static final String VERSION = "version";
    public static final String PHASE = "phase";
    public static final String TS = "ts";
    public static final String SNAPSHOT_BOUND = "snapshot.bound";
    private static final String KEY_PREFIX = "key.";

    public enum Phase {
        SNAPSHOT("snapshot"),
        STREAMING("streaming");

        private final String value;

        Phase(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** One key column of a position and its offset-encoded value. */
    public record KeyValue(String column, Object value) {
    }

    public TableOffset {
        key = List.copyOf(key);
        if (phase == Phase.STREAMING && ts == null) {
            throw new IllegalArgumentException("a streaming offset needs '" + TS + "'");
        }
        if (phase == Phase.SNAPSHOT && snapshotBound == null) {
            throw new IllegalArgumentException("a snapshot offset needs '" + SNAPSHOT_BOUND + "'");
        }
    }

    public static TableOffset streaming(LocalDateTime ts, List<KeyValue> key) {
        return new TableOffset(Phase.STREAMING, ts, null, key);
    }

    public static TableOffset snapshot(LocalDateTime bound, List<KeyValue> key) {
        return new TableOffset(Phase.SNAPSHOT, null, bound, key);
    }

    public List<String> keyColumns() {
        return key.stream().map(KeyValue::column).toList();
    }

    public List<Object> keyValues() {
        return key.stream().map(KeyValue::value).toList();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(VERSION, CURRENT_VERSION);
        map.put(PHASE, phase.value());
        if (ts != null) {
            map.put(TS, ts.format(Temporals.MICROS));
        }
        if (snapshotBound != null) {
            map.put(SNAPSHOT_BOUND, snapshotBound.format(Temporals.MICROS));
        }
        for (int i = 0; i < key.size(); i++) {
            map.put(KEY_PREFIX + i + ".column", key.get(i).column());
            map.put(KEY_PREFIX + i + ".value", key.get(i).value());
        }
        return map;
    }

    /**
     * Parses a stored or user-supplied offset; {@link IllegalArgumentException} says what is wrong. {@code version}
     * may be omitted (the current one is assumed) and so may {@code phase} ({@code streaming}), so that
     * {@code {"ts":"2024-05-01T00:00:00"}} resets a table to a point in time.
     */
    public static TableOffset fromMap(Map<String, ?> map) {
        if (map == null) {
            throw new IllegalArgumentException("the offset must not be null");
        }
        Object version = map.get(VERSION);
        if (version != null) {
            if (!(version instanceof Number number) || number.intValue() < 1) {
                throw new IllegalArgumentException("'" + VERSION + "' must be a positive number, not '" + version + "'");
            }
            if (number.intValue() > CURRENT_VERSION) {
                throw new IllegalArgumentException("offset version " + number + " was written by a newer connector "
                        + "(this one reads up to " + CURRENT_VERSION + ")");
            }
        }
        Phase phase = phase(map.get(PHASE));
        List<KeyValue> key = key(map);
        for (String name : map.keySet()) {
            boolean known = name.equals(VERSION) || name.equals(PHASE) || name.equals(TS) || name.equals(SNAPSHOT_BOUND)
                    || name.startsWith(KEY_PREFIX);
            if (!known) {
                throw new IllegalArgumentException("unknown offset entry '" + name + "'");
            }
        }
        return new TableOffset(phase, dateTime(map, TS), dateTime(map, SNAPSHOT_BOUND), key);
    }

    private static Phase phase(Object value) {
        if (value == null) {
            return Phase.STREAMING;
        }
        for (Phase phase : Phase.values()) {
            if (phase.value().equals(value)) {
                return phase;
            }
        }
        throw new IllegalArgumentException("'" + PHASE + "' must be 'snapshot' or 'streaming', not '" + value + "'");
    }

    private static LocalDateTime dateTime(Map<String, ?> map, String name) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be an ISO-8601 local date-time such as "
                    + "2024-05-01T10:00:00.123456, not '" + value + "'");
        }
    }

    private static List<KeyValue> key(Map<String, ?> map) {
        List<KeyValue> key = new ArrayList<>();
        long entries = map.keySet().stream().filter(k -> k.startsWith(KEY_PREFIX)).count();
        for (int i = 0; map.containsKey(KEY_PREFIX + i + ".column") || map.containsKey(KEY_PREFIX + i + ".value"); i++) {
            Object column = map.get(KEY_PREFIX + i + ".column");
            Object value = map.get(KEY_PREFIX + i + ".value");
            if (!(column instanceof String name) || name.isEmpty()) {
                throw new IllegalArgumentException("'" + KEY_PREFIX + i + ".column' must be a column name");
            }
            if (!(value instanceof Number || value instanceof String)) {
                throw new IllegalArgumentException("'" + KEY_PREFIX + i + ".value' must be a number or a string, not "
                        + Optional.ofNullable(value).map(v -> v.getClass().getSimpleName()).orElse("null"));
            }
            key.add(new KeyValue(name, value));
        }
        if (entries != 2L * key.size()) {
            throw new IllegalArgumentException("key entries must be key.<i>.column and key.<i>.value for i = 0, 1, ...");
        }
        return key;
    }
}
