package io.cdcsuite.sink.cassandra.write;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** Sends row writes of one table and partition to Cassandra: one statement, or an unlogged batch. */
public interface RowWriteExecutor {
    CompletionStage<?> execute(List<RowWrite> rows);
}
