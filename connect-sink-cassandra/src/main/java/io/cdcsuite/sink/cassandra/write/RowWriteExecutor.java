package io.cdcsuite.sink.cassandra.write;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Sends row writes of one table to Cassandra: one statement, or an unlogged batch. */
public interface RowWriteExecutor {
    CompletionStage<?> execute(List<RowWrite> rows);

    /**
     * The nodes that own this row's partition, as a value equal for rows that share them, so that their writes can
     * go to those nodes in one batch; null when unknown (the row's partition then goes alone).
     */
    default Object replicas(RowWrite row) {
        return null;
    }
}
