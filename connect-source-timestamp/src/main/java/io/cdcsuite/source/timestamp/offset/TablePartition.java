package io.cdcsuite.source.timestamp.offset;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcsuite.source.timestamp.catalog.TableId;

/**
 * The Connect source partition of one table: {@code {"server":<topic.prefix>,"protocol":"1","db":..,"table":..}}.
 * {@code protocol} versions the format of partitions and offsets together.
 *
 * <p>Connect identifies a partition by its serialized form, so the order of the keys matters. Its offsets REST API
 * reads stored partitions back as {@code HashMap}s and serializes them again in that map's iteration order, for
 * {@code GET}, {@code PATCH} and {@code DELETE /connectors/<name>/offsets} alike; {@link #KEY_ORDER} is that order
 * (server, protocol, then db and table, which share a hash bucket and keep their insertion order), so the partition
 * the API shows and writes is the one the task reads.
 */
public record TablePartition(String server, TableId table) {
    public static final String PROTOCOL = "protocol";
    public static final String CURRENT_PROTOCOL = "1";
    public static final String SERVER = "server";
    public static final String DB = "db";
    public static final String TABLE = "table";
    public static final List<String> KEY_ORDER = List.of(SERVER, PROTOCOL, DB, TABLE);

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(SERVER, server);
        map.put(PROTOCOL, CURRENT_PROTOCOL);
        map.put(DB, table.database());
        map.put(TABLE, table.table());
        return map;
    }

    /** Parses a partition; {@link IllegalArgumentException} says what is wrong. */
    public static TablePartition fromMap(Map<String, ?> map) {
        if (map == null) {
            throw new IllegalArgumentException("the partition must not be null");
        }
        if (!List.copyOf(map.keySet()).equals(KEY_ORDER)) {
            throw new IllegalArgumentException("the partition's keys must be exactly " + String.join(", ", KEY_ORDER)
                    + ", in this order (as GET /connectors/<name>/offsets shows them): Connect stores an offset under "
                    + "the partition's serialized form, so any other order would never be read");
        }
        Object protocol = map.get(PROTOCOL);
        if (!CURRENT_PROTOCOL.equals(String.valueOf(protocol))) {
            throw new IllegalArgumentException("unsupported partition protocol '" + protocol + "' (expected '"
                    + CURRENT_PROTOCOL + "')");
        }
        return new TablePartition(text(map, SERVER), new TableId(text(map, DB), text(map, TABLE)));
    }

    private static String text(Map<String, ?> map, String key) {
        if (!(map.get(key) instanceof String value) || value.isEmpty()) {
            throw new IllegalArgumentException("the partition needs a non-empty string '" + key + "'");
        }
        return value;
    }
}
