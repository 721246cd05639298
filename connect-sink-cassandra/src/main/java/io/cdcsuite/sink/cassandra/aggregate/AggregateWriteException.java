package io.cdcsuite.sink.cassandra.aggregate;

import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * An aggregate could not be updated for a reason other than an outage. It fails the task: the restart replays the
 * records from the last committed offset and applies them in order again.
 */
public class AggregateWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AggregateWriteException(TableId aggregate, Throwable cause) {
        super("Cannot update aggregate " + aggregate + ": " + cause.getMessage(), cause);
    }
}
