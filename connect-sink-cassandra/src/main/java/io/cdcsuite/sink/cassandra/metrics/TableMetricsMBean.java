package io.cdcsuite.sink.cassandra.metrics;

/**
 * Per-table JMX metrics of one task, under
 * {@code io.cdcsuite.sink.cassandra:type=table-metrics,connector=<name>,task=<id>,table=<ks.table>}.
 */
public interface TableMetricsMBean {
    /** Upsert statements acknowledged by Cassandra. */
    long getRowsWritten();

    /** Delete statements acknowledged by Cassandra. */
    long getRowsDeleted();

    /** Records that could not be written (dead-lettered, or the one that failed the task). */
    long getRecordsFailed();

    /** Requests (statements or batches) retried after a transient failure. */
    long getRetries();

    /** Requests (statements or batches) acknowledged. */
    long getBatches();

    /** Mean time from sending a request to its acknowledgement, in milliseconds. */
    double getBatchLatencyAvgMs();

    /** Longest such time, in milliseconds. */
    double getBatchLatencyMaxMs();
}
