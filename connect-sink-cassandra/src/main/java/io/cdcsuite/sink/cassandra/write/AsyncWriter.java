package io.cdcsuite.sink.cassandra.write;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executes write units asynchronously with at most {@code maxInFlight} of them started and not yet finished
 * (a unit waiting to be retried keeps its place, so an outage does not let the backlog grow). Failed units
 * are retried with exponential backoff while the failure is transient; a unit that can never succeed is
 * split into its parts first, and what still fails is handed back to the task thread through
 * {@link #drainFailures()}. The writer never drops a unit: every unit is acknowledged, or handed back.
 *
 * <p>Since every write carries its own timestamp, units may complete in any order; nothing here orders them.
 * All state changes run on one writer thread; {@link #submit} and {@link #drainFailures} are for the task thread.
 */
public final class AsyncWriter implements AutoCloseable {
    /** Attempts for failures that may be caused by the data (see {@link FailureKind#SUSPECT}). */
    static final int SUSPECT_ATTEMPTS = 3;

    /** Hears about acknowledged and retried units (metrics, logs); called on the writer thread. */
    public interface Listener {
        void succeeded(WriteUnit unit, long latencyNanos);

        void retrying(WriteUnit unit, Throwable error, int attempt, long delayMillis);
    }

    /** A unit that will not be written: its records go to the dead-letter queue, or the task fails. */
    public record Failure(WriteUnit unit, Throwable error, boolean fatal) {
    }

    private static final class Attempt {
        final WriteUnit unit;
        int attempts;
        long firstFailureNanos;

        Attempt(WriteUnit unit) {
            this.unit = unit;
        }
    }

    private final int maxInFlight;
    private final long backoffInitialMillis;
    private final long backoffMaxMillis;
    private final long retryTimeoutMillis;
    private final Listener listener;
    private final ScheduledExecutorService executor;

    private final ArrayDeque<WriteUnit> queue = new ArrayDeque<>();
    private int inFlight;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final Object waitingMonitor = new Object();
    /** Completed when nothing is queued or in flight; touched on the writer thread only. */
    private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();

    /**
     * @param retryTimeoutMillis how long a unit may keep failing transiently before it is a fatal failure;
     *                           negative for no limit
     */
    public AsyncWriter(String threadName, int maxInFlight, long backoffInitialMillis, long backoffMaxMillis,
                       long retryTimeoutMillis, Listener listener) {
        this.maxInFlight = maxInFlight;
        this.backoffInitialMillis = backoffInitialMillis;
        this.backoffMaxMillis = backoffMaxMillis;
        this.retryTimeoutMillis = retryTimeoutMillis;
        this.listener = listener;
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    /**
     * Queues units, in order; each starts as soon as fewer than maxInFlight units are in flight. A put()'s units are
     * handed over at once: one wake-up of the writer thread instead of one per unit.
     */
    public void submit(List<WriteUnit> units) {
        if (units.isEmpty()) {
            return;
        }
        waiting.addAndGet(units.size());
        onWriter(() -> {
            queue.addAll(units);
            dispatch();
        });
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /** Units submitted and not yet started. */
    public int waiting() {
        return waiting.get();
    }

    /**
     * Waits until at most {@code units} submitted units have not started, at most timeoutMillis; true when so. The
     * task keeps a backlog of up to one in-flight window queued, so that requests keep starting while it converts
     * its next records.
     */
    public boolean awaitWaitingAtMost(int units, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (waitingMonitor) {
            while (waiting.get() > units) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                waitingMonitor.wait(left);
            }
        }
        return true;
    }

    /**
     * Waits until every submitted unit has been acknowledged or given up (none queued, none in flight or waiting
     * for a retry), at most timeoutMillis; true when idle.
     */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        CompletableFuture<Void> idle = new CompletableFuture<>();
        onWriter(() -> {
            idleWaiters.add(idle);
            signalIdle();
        });
        try {
            idle.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
    }

    /** Units that will not be written, handed to the task thread once. */
    public List<Failure> drainFailures() {
        List<Failure> drained = new ArrayList<>();
        Failure failure;
        while ((failure = failures.poll()) != null) {
            drained.add(failure);
        }
        return drained;
    }

    /** Stops retrying and abandons queued units (their records stay uncommitted, so they are replayed). */
    @Override
    public void close() {
        executor.shutdownNow();
        synchronized (waitingMonitor) {
            waitingMonitor.notifyAll();
        }
    }

    private void dispatch() {
        boolean started = false;
        while (inFlight < maxInFlight && !queue.isEmpty()) {
            WriteUnit unit = queue.pollFirst();
            waiting.decrementAndGet();
            inFlight++;
            start(new Attempt(unit));
            started = true;
        }
        if (started) {
            synchronized (waitingMonitor) {
                waitingMonitor.notifyAll();
            }
        }
        signalIdle();
    }

    private void signalIdle() {
        if (inFlight == 0 && queue.isEmpty()) {
            idleWaiters.forEach(idle -> idle.complete(null));
            idleWaiters.clear();
        }
    }

    private void start(Attempt attempt) {
        attempt.attempts++;
        long started = System.nanoTime();
        CompletionStage<?> stage;
        try {
            stage = attempt.unit.execute();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, error) -> onWriter(() -> completed(attempt, started, error)));
    }

    private void completed(Attempt attempt, long started, Throwable error) {
        if (error == null) {
            inFlight--;
            listener.succeeded(attempt.unit, System.nanoTime() - started);
            attempt.unit.positions().forEach(RecordPosition::release);
            dispatch();
            return;
        }
        switch (FailureKind.of(error)) {
            case TRANSIENT -> {
                if (attempt.firstFailureNanos == 0) {
                    attempt.firstFailureNanos = System.nanoTime();
                }
                long failingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attempt.firstFailureNanos);
                if (retryTimeoutMillis >= 0 && failingMillis >= retryTimeoutMillis) {
                    giveUp(attempt, new RetryTimeoutException(attempt.unit, failingMillis, FailureKind.unwrap(error)), true);
                } else {
                    retryLater(attempt, error);
                }
            }
            case SUSPECT -> {
                if (attempt.attempts < SUSPECT_ATTEMPTS) {
                    retryLater(attempt, error);
                } else {
                    splitOrGiveUp(attempt, error);
                }
            }
            case RECORD -> splitOrGiveUp(attempt, error);
            case FATAL -> giveUp(attempt, FailureKind.unwrap(error), true);
        }
    }

    private void retryLater(Attempt attempt, Throwable error) {
        long delay = backoffMillis(attempt.attempts);
        listener.retrying(attempt.unit, FailureKind.unwrap(error), attempt.attempts, delay);
        try {
            executor.schedule(() -> start(attempt), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed: the unit is abandoned and its records stay uncommitted
        }
    }

    /** Retries the parts of a unit on their own, so one bad row does not take its batch with it. */
    private void splitOrGiveUp(Attempt attempt, Throwable error) {
        List<WriteUnit> parts = attempt.unit.split();
        if (parts.isEmpty()) {
            giveUp(attempt, FailureKind.unwrap(error), false);
            return;
        }
        inFlight--;
        for (WriteUnit part : parts) {
            part.positions().forEach(RecordPosition::retain);
        }
        attempt.unit.positions().forEach(RecordPosition::release);
        for (int i = parts.size() - 1; i >= 0; i--) {
            waiting.incrementAndGet();
            queue.addFirst(parts.get(i));
        }
        dispatch();
    }

    private void giveUp(Attempt attempt, Throwable error, boolean fatal) {
        inFlight--;
        failures.add(new Failure(attempt.unit, error, fatal));
        dispatch();
    }

    long backoffMillis(int attempts) {
        long delay = backoffInitialMillis;
        for (int i = 1; i < attempts && delay < backoffMaxMillis; i++) {
            delay = delay > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : delay * 2;
        }
        return Math.min(delay, backoffMaxMillis);
    }

    private void onWriter(Runnable action) {
        try {
            executor.execute(action);
        } catch (RejectedExecutionException closed) {
            // closed: nothing more is written
        }
    }

    /** A unit kept failing transiently for longer than retry.timeout.ms. */
    public static final class RetryTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetryTimeoutException(WriteUnit unit, long failingMillis, Throwable last) {
            super("Gave up writing " + unit + " after " + failingMillis + " ms of transient failures "
                    + "(retry.timeout.ms); last error: " + last, last);
        }
    }
}
