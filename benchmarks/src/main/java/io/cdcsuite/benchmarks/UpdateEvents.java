package io.cdcsuite.benchmarks;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.cdcsuite.transforms.CapturedRecords;
import io.cdcsuite.transforms.MySqlEvents;
import io.cdcsuite.transforms.Unwrap;

/**
 * Update events, as Debezium or the timestamp source emits them, cycled through; also as the flat rows that
 * unwrapping them gives. Table {@code orders}: a ten-column table (six date/time columns and a YEAR), built like the
 * connectors build their records. Table {@code every_type}: the updates captured from the real connectors on a
 * 50-column table with a column of every MySQL type (19 date/time columns and a YEAR), read back with JsonConverter.
 */
@State(Scope.Thread)
public class UpdateEvents {
    /** Distinct records, so that no single record's memory layout decides. */
    private static final int RECORDS = 1024;

    @Param({"DEBEZIUM", "TIMESTAMP_SOURCE"})
    public MySqlEvents.Path path;

    @Param({"orders", "every_type"})
    public String table;

    private SourceRecord[] envelopes;
    private SourceRecord[] rows;
    private int next;

    @Setup
    public void createRecords() {
        envelopes = new SourceRecord[RECORDS];
        rows = new SourceRecord[RECORDS];
        List<SourceRecord> captured = table.equals("orders") ? null : captured().load("update", RECORDS / 2);
        try (Unwrap<SourceRecord> unwrap = new Unwrap<>()) {
            unwrap.configure(Map.of());
            for (int i = 0; i < RECORDS; i++) {
                envelopes[i] = captured == null ? path.update(i) : captured.get(i);
                rows[i] = unwrap.apply(envelopes[i]);
            }
        }
    }

    private CapturedRecords.Source captured() {
        return path == MySqlEvents.Path.DEBEZIUM ? CapturedRecords.Source.DEBEZIUM_MYSQL
                : CapturedRecords.Source.TIMESTAMP_SOURCE;
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
