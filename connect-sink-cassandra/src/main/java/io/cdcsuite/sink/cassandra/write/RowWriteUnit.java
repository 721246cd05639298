package io.cdcsuite.sink.cassandra.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.mapping.RowChange;

/** Writes to one table sent together: one partition's, or those of partitions with the same replicas. */
final class RowWriteUnit implements WriteUnit {
    private final List<RowWrite> rows;
    private final RowWriteExecutor executor;
    /** Asked for on every acknowledgement (metrics) and hand-off: worked out once. */
    private final List<RecordPosition> positions;
    private final int upserts;

    RowWriteUnit(List<RowWrite> rows, RowWriteExecutor executor) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a write unit needs at least one row");
        }
        this.rows = List.copyOf(rows);
        this.executor = executor;
        List<RecordPosition> positions = new ArrayList<>(rows.size());
        int upserts = 0;
        for (RowWrite row : rows) {
            positions.addAll(row.positions());
            upserts += row.kind() == RowChange.Kind.UPSERT ? 1 : 0;
        }
        this.positions = Collections.unmodifiableList(positions);
        this.upserts = upserts;
    }

    @Override
    public TableId table() {
        return rows.get(0).table().table();
    }

    @Override
    public List<RecordPosition> positions() {
        return positions;
    }

    @Override
    public int upserts() {
        return upserts;
    }

    @Override
    public int deletes() {
        return rows.size() - upserts();
    }

    @Override
    public CompletionStage<?> execute() {
        return executor.execute(rows);
    }

    @Override
    public List<WriteUnit> split() {
        if (rows.size() == 1) {
            return List.of();
        }
        return rows.stream().<WriteUnit>map(row -> new RowWriteUnit(List.of(row), executor)).toList();
    }

    @Override
    public String toString() {
        return rows.size() + " row write(s) to " + table();
    }
}
