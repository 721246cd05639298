package io.cdcsuite.sink.cassandra.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.mapping.RowChange;

/**
 * One row write ready to bind: values converted to the column types, the write timestamp, the TTL, and the
 * records it stands for (more than one after coalescing).
 *
 * @param values     for an upsert every column to write, primary key first; for a delete the primary key.
 *                   A value may be {@link #UNSET}: bound as "leave the column as it is". Taken over, not
 *                   copied (a write is made per record, and copying cost more than filling the map): the
 *                   caller must not change it afterwards.
 * @param primaryKey the primary key values in the table's key order (the identity coalescing works on)
 */
public record RowWrite(
        TableLayout table,
        RowChange.Kind kind,
        Map<String, Object> values,
        List<Object> primaryKey,
        List<Object> partitionKey,
        long timestamp,
        int ttlSeconds,
        List<RecordPosition> positions) {

    /** A value bound as unset (null.handling=unset): the column keeps its current value. */
    public static final Object UNSET = new Object() {
        @Override
        public String toString() {
            return "<unset>";
        }
    };

    public RowWrite {
        values = Collections.unmodifiableMap(values);
        primaryKey = List.copyOf(primaryKey);
        partitionKey = List.copyOf(partitionKey);
        positions = List.copyOf(positions);
    }

    /** The columns this upsert actually writes (a value or null, not unset). */
    public List<String> writtenColumns() {
        List<String> written = new ArrayList<>();
        values.forEach((column, value) -> {
            if (value != UNSET) {
                written.add(column);
            }
        });
        return written;
    }

    /** The same write standing also for earlier records it supersedes. */
    RowWrite covering(List<RecordPosition> earlier) {
        List<RecordPosition> all = new ArrayList<>(earlier);
        all.addAll(positions);
        return new RowWrite(table, kind, values, primaryKey, partitionKey, timestamp, ttlSeconds, all);
    }
}
