package io.cdcsuite.sink.cassandra.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * Writes the changes to their own tables, as unlogged batches of at most {@code batch.max.statements}: the rows of
 * one partition always go together (Cassandra applies them as one mutation), and with replica-set grouping up to
 * {@code batch.max.partitions} partitions of a table that have the same replicas share a batch, so that one request
 * carries them to the nodes that own them all (fewer requests for the same rows; the coordinator applies each
 * partition's part locally).
 */
public final class TableChangeWriter implements ChangeWriter {
    private record PartitionId(TableId table, List<Object> partitionKey) {
    }

    private record ReplicaGroup(TableId table, Object replicas) {
    }

    private final int maxBatchStatements;
    private final int maxBatchPartitions;
    private final RowWriteExecutor executor;

    /** @param maxBatchPartitions partitions per batch; 1 keeps every batch to one partition */
    public TableChangeWriter(int maxBatchStatements, int maxBatchPartitions, RowWriteExecutor executor) {
        this.maxBatchStatements = maxBatchStatements;
        this.maxBatchPartitions = maxBatchPartitions;
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
        Map<ReplicaGroup, Batch> open = new LinkedHashMap<>();
        for (List<RowWrite> rows : partitions.values()) {
            Object replicas = maxBatchPartitions > 1 && rows.size() < maxBatchStatements
                    ? executor.replicas(rows.get(0)) : null;
            if (replicas == null) {
                for (int from = 0; from < rows.size(); from += maxBatchStatements) {
                    units.add(new RowWriteUnit(rows.subList(from, Math.min(rows.size(), from + maxBatchStatements)),
                            executor));
                }
                continue;
            }
            ReplicaGroup group = new ReplicaGroup(rows.get(0).table().table(), replicas);
            Batch current = open.get(group);
            if (current != null && !current.fits(rows)) {
                units.add(current.unit());
                current = null;
            }
            if (current == null) {
                current = new Batch();
                open.put(group, current);
            }
            current.add(rows);
        }
        open.values().forEach(rest -> units.add(rest.unit()));
        return units;
    }

    /** Partitions collected for one batch. */
    private final class Batch {
        private final List<RowWrite> rows = new ArrayList<>();
        private int partitions;

        boolean fits(List<RowWrite> more) {
            return partitions < maxBatchPartitions && rows.size() + more.size() <= maxBatchStatements;
        }

        void add(List<RowWrite> partition) {
            rows.addAll(partition);
            partitions++;
        }

        WriteUnit unit() {
            return new RowWriteUnit(rows, executor);
        }
    }
}
