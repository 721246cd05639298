package io.cdcsuite.source.timestamp.metrics;

/** Per-table metrics over JMX, {@code io.cdcsuite.source.timestamp:type=table-metrics,connector=..,task=..,table=..}. */
public interface TableMetricsMBean {
    /** Records emitted since the task started (tombstones not counted). */
    long getRowsEmitted();

    /** {@code snapshot}, {@code waiting} (snapshot done, others of its run still running), {@code streaming}, ... */
    String getPhase();

    long getSnapshotRowsEmitted();

    /** InnoDB's estimate of the table's rows when its snapshot started. */
    long getSnapshotRowsEstimated();

    /** Snapshot rows emitted / estimated (may pass 1.0, estimates are rough); 1.0 once streaming. */
    double getSnapshotProgress();

    /** Database now minus the resume position's timestamp, in milliseconds; -1 before streaming. */
    long getLagMillis();

    long getLastQueryDurationMillis();

    /** False when no index serves the (timestamp, key) order, so every change query scans the table. */
    boolean isKeysetIndexPresent();
}
