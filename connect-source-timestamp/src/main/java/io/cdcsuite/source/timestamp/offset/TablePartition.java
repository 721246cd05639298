package io.cdcsuite.source.timestamp.offset;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cdcsuite.source.timestamp.catalog.TableId;

/**
 * The Connect source partition of one table: {@code {"protocol":"1","server":<topic.prefix>,"db":..,"table":..}}.
 * {@code protocol} versions the format of partitions and offsets together.
 */
public record TablePartition(String server, TableId table) {
    public static final String PROTOCOL = "protocol";
    public static final String CURRENT_PROTOCOL = "1";
    public static final String SERVER = "server";
    public static final String DB = "db";
    public static final String TABLE = "table";

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(PROTOCOL, CURRENT_PROTOCOL);
        map.put(SERVER, server);
        map.put(DB, table.database());
        map.put(TABLE, table.table());
        return map;
    }

    /** Parses a partition; {@link IllegalArgumentException} says what is wrong. */
    public static TablePartition fromMap(Map<String, ?> map) {
        if (map == null) {
            throw new IllegalArgumentException("the partition must not be null");
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
