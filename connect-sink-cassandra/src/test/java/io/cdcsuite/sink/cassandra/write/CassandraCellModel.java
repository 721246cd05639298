package io.cdcsuite.sink.cassandra.write;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model of how Cassandra reconciles writes to one table, for tests: every cell and row deletion carries
 * its write timestamp, the highest timestamp wins whatever order writes arrive in; on a tie a deletion beats
 * a cell and, between two cells, the greater value wins (Cassandra compares the serialized values). A row is
 * live while its INSERT row marker or a cell is newer than its deletion.
 */
final class CassandraCellModel {
    private record Cell(long timestamp, String value) {
    }

    private static final class Row {
        long deletedAt = Long.MIN_VALUE;
        Cell marker;
        final Map<String, Cell> cells = new HashMap<>();
    }

    private final Map<Object, Row> rows = new HashMap<>();

    void insert(Object key, Map<String, String> values, long timestamp) {
        Row row = rows.computeIfAbsent(key, k -> new Row());
        row.marker = newer(row.marker, new Cell(timestamp, ""));
        values.forEach((column, value) -> row.cells.merge(column, new Cell(timestamp, value), CassandraCellModel::newer));
    }

    void delete(Object key, long timestamp) {
        Row row = rows.computeIfAbsent(key, k -> new Row());
        row.deletedAt = Math.max(row.deletedAt, timestamp);
    }

    /** The live columns of a row (null cells are absent), or null when the row does not exist. */
    Map<String, String> read(Object key) {
        Row row = rows.get(key);
        if (row == null) {
            return null;
        }
        Map<String, String> live = new TreeMap<>();
        row.cells.forEach((column, cell) -> {
            if (cell.timestamp > row.deletedAt && cell.value != null) {
                live.put(column, cell.value);
            }
        });
        boolean markerLive = row.marker != null && row.marker.timestamp > row.deletedAt;
        return markerLive || !live.isEmpty() ? live : null;
    }

    private static Cell newer(Cell a, Cell b) {
        if (a == null) {
            return b;
        }
        if (a.timestamp != b.timestamp) {
            return a.timestamp > b.timestamp ? a : b;
        }
        // equal timestamps: Cassandra keeps the greater value, whichever was written last
        String av = a.value == null ? "" : a.value;
        String bv = b.value == null ? "" : b.value;
        return av.compareTo(bv) >= 0 ? a : b;
    }
}
