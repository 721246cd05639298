package io.cdcsuite.sink.cassandra.write;

import java.util.List;
import java.util.concurrent.CompletionStage;

import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * One request to Cassandra (a statement or an unlogged batch) and the records it stands for. Units are
 * idempotent: the writer may execute one several times (retries), and a replay after a restart executes
 * it again with the same write timestamps.
 */
public interface WriteUnit {
    /** The table, for metrics. */
    TableId table();

    /** The records whose offsets may be committed only after this unit is acknowledged. */
    List<RecordPosition> positions();

    /** Upserts in this unit, for metrics. */
    int upserts();

    /** Deletes in this unit, for metrics. */
    int deletes();

    /** Sends the request; completes when Cassandra acknowledged it. */
    CompletionStage<?> execute();

    /**
     * Smaller units doing the same work, to retry with when this unit failed for a reason that may lie in one
     * of its parts (a batch that is too large, one bad row); empty when the unit cannot be split.
     */
    List<WriteUnit> split();
}
