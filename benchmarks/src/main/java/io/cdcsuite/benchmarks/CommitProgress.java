package io.cdcsuite.benchmarks;

/**
 * A sink's committed offsets over time, as the records of one phase it has committed. The worker commits once a
 * second, so the steady rate is taken between the first commits that reach 10% and 90% of the phase's records, at the
 * moments those commits were first seen: it leaves out the tasks' start and the wait for the last commit.
 */
final class CommitProgress {
    private final long records;
    private long firstAt = -1;
    private long firstCommitted;
    private long lastAt = -1;
    private long lastCommitted;

    CommitProgress(long records) {
        this.records = records;
    }

    /** @param committed the phase's records committed so far */
    void sample(long committed) {
        long now = System.nanoTime();
        if (firstAt < 0 && committed >= records / 10) {
            firstAt = now;
            firstCommitted = committed;
        }
        if (lastAt < 0 && committed >= records * 9 / 10) {
            lastAt = now;
            lastCommitted = committed;
        }
    }

    /** Records per second between the 10% and the 90% commits; NaN if not both were seen. */
    double steadyRate() {
        return firstAt < 0 || lastAt <= firstAt ? Double.NaN
                : (lastCommitted - firstCommitted) / ((lastAt - firstAt) / 1e9);
    }
}
