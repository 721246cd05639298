package io.cdcsuite.source.timestamp.capture;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.schema.SnapshotMarker;

/**
 * The snapshot of a task's tables that have not finished one, read one table after another, with Debezium's
 * {@code source.snapshot} markers: {@code first} for the first record of a fresh run, {@code first_in_data_collection}
 * and {@code last_in_data_collection} per table, {@code last} for the last record of the run (even when later
 * tables are empty), {@code true} otherwise. Like Debezium's buffering receiver it holds the latest record back
 * until the next one (or the end of the run) shows which marker it gets. The run's tables start streaming only once
 * the whole run has been emitted, so no change of a table can overtake its held-back snapshot record.
 */
final class SnapshotRun {
    private final List<TableCapture> tables;
    private final boolean fresh;
    private int current;
    private Emission pending;

    /**
     * @param fresh true when no table of the run has stored progress, so its first record is the snapshot's
     *              {@code first}; a run resumed after a restart does not repeat that marker
     */
    SnapshotRun(List<TableCapture> tables, boolean fresh) {
        this.tables = List.copyOf(tables);
        this.fresh = fresh;
    }

    boolean complete() {
        return current >= tables.size();
    }

    /** The table being snapshotted. */
    TableCapture current() {
        return tables.get(current);
    }

    /** Reads one snapshot page of the current table; returns the records that are no longer held back. */
    List<Emission> step(RowSource source, DbTime now, int limit) throws SQLException {
        List<Emission> released = new ArrayList<>();
        TableCapture table = current();
        if (table.phase() == TableCapture.Phase.SNAPSHOT) {
            TableCapture.SnapshotPage page = table.snapshotPage(source, now, limit);
            boolean firstTable = fresh && current == 0;
            boolean lastTable = current == tables.size() - 1;
            for (TableCapture.SnapshotRow row : page.rows()) {
                SnapshotMarker marker = SnapshotMarker.of(row.firstInTable() && firstTable, row.lastInTable() && lastTable,
                        row.firstInTable(), row.lastInTable());
                if (pending != null) {
                    released.add(pending);
                }
                pending = new Emission(table.plan(), row.row(), Operation.READ, row.changeTime(), marker, row.offset());
            }
            if (!page.done()) {
                return released;
            }
        }
        current++;
        if (complete()) {
            if (pending != null) {
                released.add(pending.withMarker(SnapshotMarker.LAST));
                pending = null;
            }
            tables.forEach(TableCapture::startStreaming);
        }
        return released;
    }
}
