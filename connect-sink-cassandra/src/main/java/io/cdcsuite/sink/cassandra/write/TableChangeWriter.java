package io.cdcsuite.sink.cassandra.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * Writes the changes to their own tables: rows of one partition go together in unlogged batches of at most
 * {@code batch.max.statements} (a single-partition batch is applied as one mutation), other rows alone.
 */
public final class TableChangeWriter implements ChangeWriter {
    private record PartitionId(TableId table, List<Object> partitionKey) {
    }

    private final int maxBatchStatements;
    private final RowWriteExecutor executor;

    public TableChangeWriter(int maxBatchStatements, RowWriteExecutor executor) {
        this.maxBatchStatements = maxBatchStatements;
        this.executor = executor;
    }

    @Override
    public List<WriteUnit> plan(WriteBatch batch) {
        Map<PartitionId, List<RowWrite>> partitions = new LinkedHashMap<>();
        for (RowWrite write : batch.rowWrites()) {
            partitions.computeIfAbsent(new PartitionId(write.table().table(), write.partitionKey()),
                    p -> new ArrayList<>()).add(write);
        }
        List<WriteUnit> units = new ArrayList<>();
        for (List<RowWrite> rows : partitions.values()) {
            for (int from = 0; from < rows.size(); from += maxBatchStatements) {
                units.add(new RowWriteUnit(rows.subList(from, Math.min(rows.size(), from + maxBatchStatements)), executor));
            }
        }
        return units;
    }
}
