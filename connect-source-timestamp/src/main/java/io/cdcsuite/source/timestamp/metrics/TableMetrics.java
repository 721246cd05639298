package io.cdcsuite.source.timestamp.metrics;

import java.util.concurrent.atomic.AtomicLong;

/** The live values behind {@link TableMetricsMBean}, updated by the task's thread and read by JMX. */
public final class TableMetrics implements TableMetricsMBean {
    private final AtomicLong rowsEmitted = new AtomicLong();
    private final AtomicLong snapshotRowsEmitted = new AtomicLong();
    private volatile long snapshotRowsEstimated;
    private volatile String phase = "starting";
    private volatile long lagMillis = -1;
    private volatile long lastQueryDurationMillis;
    private volatile boolean keysetIndexPresent;

    public void rowsEmitted(long rows) {
        rowsEmitted.addAndGet(rows);
    }

    public void snapshotRowsEmitted(long rows) {
        snapshotRowsEmitted.addAndGet(rows);
    }

    public void snapshotRowsEstimated(long rows) {
        snapshotRowsEstimated = rows;
    }

    public void phase(String phase) {
        this.phase = phase;
    }

    public void lagMillis(long lagMillis) {
        this.lagMillis = lagMillis;
    }

    public void queryDurationNanos(long nanos) {
        this.lastQueryDurationMillis = nanos / 1_000_000;
    }

    public void keysetIndexPresent(boolean present) {
        this.keysetIndexPresent = present;
    }

    @Override
    public long getRowsEmitted() {
        return rowsEmitted.get();
    }

    @Override
    public String getPhase() {
        return phase;
    }

    @Override
    public long getSnapshotRowsEmitted() {
        return snapshotRowsEmitted.get();
    }

    @Override
    public long getSnapshotRowsEstimated() {
        return snapshotRowsEstimated;
    }

    @Override
    public double getSnapshotProgress() {
        if ("streaming".equals(phase)) {
            return 1.0;
        }
        long estimated = snapshotRowsEstimated;
        return estimated <= 0 ? 0.0 : (double) snapshotRowsEmitted.get() / estimated;
    }

    @Override
    public long getLagMillis() {
        return lagMillis;
    }

    @Override
    public long getLastQueryDurationMillis() {
        return lastQueryDurationMillis;
    }

    @Override
    public boolean isKeysetIndexPresent() {
        return keysetIndexPresent;
    }
}
