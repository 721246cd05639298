package io.cdcsuite.sink.cassandra.write;

import java.util.List;

import io.cdcsuite.sink.cassandra.mapping.RowChange;

/**
 * Plans the Cassandra requests for one put() batch. The base-table writer writes the coalesced row writes;
 * the aggregate writer derives its tables from the accepted changes. Each returns units that cover the records
 * they depend on, and a record's offset is committed only when every unit covering it, from every writer, is
 * acknowledged.
 */
public interface ChangeWriter {
    /**
     * Schema work for a batch's changes, before any record is accepted: driver exceptions hand the whole batch
     * back to the framework (Cassandra unavailable) or fail the task.
     */
    default void prepare(List<RowChange> changes) {
    }

    List<WriteUnit> plan(WriteBatch batch);

    /**
     * Waits, at most {@code timeoutMillis}, until the writer may take another batch; false when it may not yet (the
     * task then pauses consumption and asks again).
     */
    default boolean awaitCapacity(long timeoutMillis) throws InterruptedException {
        return true;
    }

    /** The task's partitions changed (a rebalance): state that assumed their ownership is no longer valid. */
    default void partitionsChanged() {
    }

    /** The task stops: work that has not begun must not begin. */
    default void close() {
    }
}
