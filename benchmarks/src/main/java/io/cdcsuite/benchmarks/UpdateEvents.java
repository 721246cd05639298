package io.cdcsuite.benchmarks;

import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.cdcsuite.transforms.MySqlEvents;
import io.cdcsuite.transforms.Unwrap;

/**
 * Update events of a ten-column MySQL table, as Debezium or the timestamp source emits them, cycled through; also
 * as the flat rows that unwrapping them gives.
 */
@State(Scope.Thread)
public class UpdateEvents {
    /** Distinct records, so that no single record's memory layout decides. */
    private static final int RECORDS = 1024;

    @Param({"DEBEZIUM", "TIMESTAMP_SOURCE"})
    public MySqlEvents.Path path;

    private SourceRecord[] envelopes;
    private SourceRecord[] rows;
    private int next;

    @Setup
    public void createRecords() {
        envelopes = new SourceRecord[RECORDS];
        rows = new SourceRecord[RECORDS];
        try (Unwrap<SourceRecord> unwrap = new Unwrap<>()) {
            unwrap.configure(Map.of());
            for (int i = 0; i < RECORDS; i++) {
                envelopes[i] = path.update(i);
                rows[i] = unwrap.apply(path.update(i));
            }
        }
    }

    /** The next envelope. */
    SourceRecord next() {
        SourceRecord record = envelopes[next];
        next = (next + 1) & (RECORDS - 1);
        return record;
    }

    /** The next event already unwrapped to its flat row. */
    SourceRecord nextRow() {
        SourceRecord record = rows[next];
        next = (next + 1) & (RECORDS - 1);
        return record;
    }
}
