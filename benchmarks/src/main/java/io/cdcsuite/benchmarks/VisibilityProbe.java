package io.cdcsuite.benchmarks;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;

/**
 * Reads {@code SELECT id, seq FROM <keyspace>.pings} on its own thread every interval and notes when each write
 * became visible. The rows of {@link PipelineLatencyBenchmark} carry {@code seq = id + k * ids} (each write of a row
 * raises its seq by {@code ids}), so a row showing seq {@code s} means every write of that row up to {@code s} had
 * been applied: all of them are marked visible at that probe, also those a later write overwrote before any probe.
 *
 * <p>A write is stamped with the {@link System#nanoTime()} at which the response of the first probe showing it
 * arrived. The previous probe, started at most one gap earlier, did not show it, so the stamp is late by at most the
 * largest gap between probe starts plus the largest round trip ({@link #resolutionMillis()}), never early.
 */
final class VisibilityProbe implements AutoCloseable {
    private final CqlSession cql;
    private final String keyspace;
    private final SimpleStatement select;
    private final int ids;
    private final long intervalNanos;
    /** Per id, the highest seq seen; {@code id - ids} until the row was first seen. */
    private final long[] lastSeen;
    /** Per seq, the nanoTime at which it was first visible; 0 while not yet. */
    private final AtomicLongArray visibleAt;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile int rowsSeen;
    // written by the probe thread only, read after close() has joined it
    private long probes;
    private long roundTripNanos;
    private long maxRoundTripNanos;
    private long maxGapNanos;
    private long regressions;

    VisibilityProbe(CqlSession cql, String keyspace, int ids, int seqs, Duration interval) {
        this.cql = cql;
        this.keyspace = keyspace;
        // one page: every row of a probe is then as old as its stamp
        this.select = SimpleStatement.newInstance("SELECT id, seq FROM " + keyspace + ".pings").setPageSize(ids + 1);
        this.ids = ids;
        this.intervalNanos = interval.toNanos();
        this.lastSeen = new long[ids];
        for (int id = 0; id < ids; id++) {
            lastSeen[id] = id - (long) ids;
        }
        this.visibleAt = new AtomicLongArray(seqs);
        this.thread = new Thread(this::probeUntilStopped, "probe-" + keyspace);
        thread.setDaemon(true);
        thread.start();
    }

    String keyspace() {
        return keyspace;
    }

    /** Rows seen at least once (the table holds {@code ids} rows once the sink has written them all). */
    int rowsSeen() {
        return rowsSeen;
    }

    /** When seq became visible (nanoTime), 0 if not (yet). */
    long visibleAt(long seq) {
        return visibleAt.get((int) seq);
    }

    long unseen(long fromSeq, long toSeq) {
        long unseen = 0;
        for (long seq = fromSeq; seq < toSeq; seq++) {
            unseen += visibleAt.get((int) seq) == 0 ? 1 : 0;
        }
        return unseen;
    }

    /** Fails the run when the probe thread failed. */
    void check() {
        if (failure != null) {
            throw new IllegalStateException("probing " + keyspace + " failed", failure);
        }
    }

    private void probeUntilStopped() {
        long lastStart = 0;
        long next = System.nanoTime();
        try {
            while (!stopped) {
                long wait;
                while ((wait = next - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long started = System.nanoTime();
                ResultSet rows;
                try {
                    rows = cql.execute(select);
                } catch (InvalidQueryException | ServerError noTableYet) {
                    // the sink creates the table with its first row (a node answers "Unknown CF" while it is being
                    // created); gone later is a fault
                    if (rowsSeen > 0) {
                        throw noTableYet;
                    }
                    next = started + intervalNanos;
                    continue;
                }
                long seenAt = System.nanoTime();
                for (Row row : rows) {
                    seen(((Number) row.getObject(0)).intValue(), ((Number) row.getObject(1)).longValue(), seenAt);
                }
                probes++;
                roundTripNanos += seenAt - started;
                maxRoundTripNanos = Math.max(maxRoundTripNanos, seenAt - started);
                if (lastStart > 0) {
                    maxGapNanos = Math.max(maxGapNanos, started - lastStart);
                }
                lastStart = started;
                // a slow probe delays the next one rather than causing a burst
                next = Math.max(started + intervalNanos, System.nanoTime());
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void seen(int id, long seq, long at) {
        if (id < 0 || id >= ids || seq < id || (seq - id) % ids != 0 || seq >= visibleAt.length()) {
            throw new IllegalStateException(keyspace + ".pings holds id " + id + " with seq " + seq
                    + ", which the workload never wrote");
        }
        long last = lastSeen[id];
        if (seq < last) {
            regressions++; // an older state came back (a rewrite after a newer one): counted, not timed
            return;
        }
        for (long earlier = last + ids; earlier <= seq; earlier += ids) {
            visibleAt.set((int) earlier, at);
        }
        if (last < id) {
            rowsSeen++;
        }
        lastSeen[id] = seq;
    }

    /** Stops probing and waits for the thread, after which the statistics below are final. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(Duration.ofSeconds(30).toMillis());
    }

    long probes() {
        return probes;
    }

    double meanRoundTripMillis() {
        return probes == 0 ? 0 : roundTripNanos / 1e6 / probes;
    }

    double maxRoundTripMillis() {
        return maxRoundTripNanos / 1e6;
    }

    /** How late a stamp can be at most: the largest gap between probe starts plus the largest round trip. */
    double resolutionMillis() {
        return (maxGapNanos + maxRoundTripNanos) / 1e6;
    }

    /** Readings of a row with a lower seq than an earlier probe had shown (each probe that shows it counts). */
    long regressions() {
        return regressions;
    }
}
