package io.cdcsuite.sink.cassandra.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link TableMetricsMBean}; updated from the writer and task threads. */
public final class TableMetrics implements TableMetricsMBean {
    private final LongAdder rowsWritten = new LongAdder();
    private final LongAdder rowsDeleted = new LongAdder();
    private final LongAdder recordsFailed = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final AtomicLong maxLatencyNanos = new AtomicLong();

    void acknowledged(int upserts, int deletes, long nanos) {
        rowsWritten.add(upserts);
        rowsDeleted.add(deletes);
        batches.increment();
        latencyNanos.add(nanos);
        maxLatencyNanos.accumulateAndGet(nanos, Math::max);
    }

    void retried() {
        retries.increment();
    }

    void failed(int records) {
        recordsFailed.add(records);
    }

    @Override
    public long getRowsWritten() {
        return rowsWritten.sum();
    }

    @Override
    public long getRowsDeleted() {
        return rowsDeleted.sum();
    }

    @Override
    public long getRecordsFailed() {
        return recordsFailed.sum();
    }

    @Override
    public long getRetries() {
        return retries.sum();
    }

    @Override
    public long getBatches() {
        return batches.sum();
    }

    @Override
    public double getBatchLatencyAvgMs() {
        long count = batches.sum();
        return count == 0 ? 0 : latencyNanos.sum() / 1e6 / count;
    }

    @Override
    public double getBatchLatencyMaxMs() {
        return maxLatencyNanos.get() / 1e6;
    }
}
