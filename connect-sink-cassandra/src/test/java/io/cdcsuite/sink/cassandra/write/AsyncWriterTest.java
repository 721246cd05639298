package io.cdcsuite.sink.cassandra.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.ServerError;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;

import io.cdcsuite.sink.cassandra.TestRecords;
import io.cdcsuite.sink.cassandra.cql.TableId;

class AsyncWriterTest {
    private static final TableId TABLE = new TableId("shop", "orders");

    private final List<String> events = new CopyOnWriteArrayList<>();
    private AsyncWriter writer;

    /** A unit whose attempts are answered by {@code outcome}; split into the given parts. */
    private static final class FakeUnit implements WriteUnit {
        final String name;
        final List<RecordPosition> positions;
        final Supplier<CompletionStage<?>> outcome;
        final List<WriteUnit> parts;
        final AtomicInteger attempts = new AtomicInteger();

        FakeUnit(String name, List<RecordPosition> positions, Supplier<CompletionStage<?>> outcome, List<WriteUnit> parts) {
            this.name = name;
            this.positions = positions;
            this.outcome = outcome;
            this.parts = parts;
            positions.forEach(RecordPosition::retain);
        }

        @Override
        public TableId table() {
            return TABLE;
        }

        @Override
        public List<RecordPosition> positions() {
            return positions;
        }

        @Override
        public int upserts() {
            return 1;
        }

        @Override
        public int deletes() {
            return 0;
        }

        @Override
        public CompletionStage<?> execute() {
            attempts.incrementAndGet();
            return outcome.get();
        }

        @Override
        public List<WriteUnit> split() {
            return parts;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static RecordPosition position(long offset) {
        return new RecordPosition(TestRecords.upsert(offset, 1, "1.00", 1), true, true);
    }

    private AsyncWriter writer(int maxInFlight, long retryTimeoutMillis) {
        writer = new AsyncWriter("test-writer", maxInFlight, 1, 4, retryTimeoutMillis, new AsyncWriter.Listener() {
            @Override
            public void succeeded(WriteUnit unit, long latencyNanos) {
                events.add("ok " + unit);
            }

            @Override
            public void retrying(WriteUnit unit, Throwable error, int attempt, long delayMillis) {
                events.add("retry " + unit + " " + attempt + " " + delayMillis);
            }
        });
        return writer;
    }

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(2);
        }
    }

    private List<AsyncWriter.Failure> awaitFailures(int count) throws InterruptedException {
        List<AsyncWriter.Failure> failures = new ArrayList<>();
        await(() -> {
            failures.addAll(writer.drainFailures());
            return failures.size() >= count;
        });
        return failures;
    }

    @Test
    void idleOnlyOnceEveryUnitIsAcknowledgedIncludingRetries() throws Exception {
        AsyncWriter writer = writer(1, -1);
        CompletableFuture<Void> slow = new CompletableFuture<>();
        AtomicInteger failuresLeft = new AtomicInteger(2);
        writer.submit(List.of(new FakeUnit("slow", List.of(position(0)), () -> slow, List.of())));
        writer.submit(List.of(new FakeUnit("flaky", List.of(position(1)), () -> failuresLeft.getAndDecrement() > 0
                ? CompletableFuture.failedFuture(new DriverTimeoutException("down")) : CompletableFuture.completedFuture(null),
                List.of())));

        assertThat(writer.awaitIdle(50)).as("a unit in flight, one queued").isFalse();
        slow.complete(null);

        assertThat(writer.awaitIdle(5_000)).isTrue();
        assertThat(events).contains("ok slow", "ok flaky");
        assertThat(writer.awaitIdle(1_000)).as("nothing submitted since").isTrue();
    }

    @Test
    void neverMoreThanMaxInFlightAndEveryUnitCompletes() throws Exception {
        AsyncWriter writer = writer(3, -1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();
        List<RecordPosition> positions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RecordPosition position = position(i);
            positions.add(position);
            writer.submit(List.of(new FakeUnit("u" + i, List.of(position), () -> {
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                CompletableFuture<Void> future = new CompletableFuture<>();
                pending.add(future);
                return future;
            }, List.of())));
            position.release();
        }
        assertThat(writer.awaitWaitingAtMost(0, 50)).as("17 units wait for a slot").isFalse();
        assertThat(writer.awaitWaitingAtMost(17, 50)).isTrue();
        assertThat(writer.waiting()).isEqualTo(17);
        while (positions.stream().anyMatch(p -> !p.isDone())) {
            // the last completion marks its position done asynchronously: wait for either
            await(() -> !pending.isEmpty() || positions.stream().allMatch(RecordPosition::isDone));
            if (pending.isEmpty()) {
                break;
            }
            CompletableFuture<Void> next = pending.remove(0);
            running.decrementAndGet();
            next.complete(null);
            Thread.sleep(1);
        }
        assertThat(maxRunning.get()).isEqualTo(3);
        assertThat(writer.awaitWaitingAtMost(0, 1000)).isTrue();
        assertThat(writer.drainFailures()).isEmpty();
    }

    @Test
    void transientFailuresAreRetriedWithGrowingBackoffUntilTheyPass() throws Exception {
        AsyncWriter writer = writer(2, -1);
        AtomicInteger calls = new AtomicInteger();
        RecordPosition position = position(1);
        FakeUnit unit = new FakeUnit("outage", List.of(position), () -> calls.incrementAndGet() <= 4
                ? CompletableFuture.failedFuture(new NoNodeAvailableException())
                : CompletableFuture.completedFuture(null), List.of());
        writer.submit(List.of(unit));
        position.release();
        await(position::isDone);
        assertThat(events).containsExactly("retry outage 1 1", "retry outage 2 2", "retry outage 3 4", "retry outage 4 4",
                "ok outage");
        assertThat(writer.drainFailures()).isEmpty();
        assertThat(writer.backoffMillis(40)).isEqualTo(4);
    }

    @Test
    void aBatchThatCanNeverSucceedIsSplitAndOnlyTheBadPartIsHandedBack() throws Exception {
        AsyncWriter writer = writer(4, -1);
        RecordPosition good = position(1);
        RecordPosition bad = position(2);
        FakeUnit goodPart = new FakeUnit("good", List.of(good), () -> CompletableFuture.completedFuture(null), List.of());
        FakeUnit badPart = new FakeUnit("bad", List.of(bad), () -> CompletableFuture.failedFuture(
                new InvalidQueryException(null, "Value too large")), List.of());
        // parts are retained by the writer when it splits; undo the constructor's retain
        good.release();
        bad.release();
        FakeUnit batch = new FakeUnit("batch", List.of(good, bad), () -> CompletableFuture.failedFuture(
                new InvalidQueryException(null, "Batch too large")), List.of(goodPart, badPart));
        writer.submit(List.of(batch));
        good.release();
        bad.release();
        await(good::isDone);
        List<AsyncWriter.Failure> failures = awaitFailures(1);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).unit()).isSameAs(badPart);
        assertThat(failures.get(0).fatal()).isFalse();
        assertThat(failures.get(0).error()).hasMessageContaining("Value too large");
        assertThat(bad.isDone()).as("handed back: the task dead-letters it, then releases it").isFalse();
    }

    @Test
    void suspectFailuresGetAFewAttemptsThenCountAsRecordFailures() throws Exception {
        AsyncWriter writer = writer(1, -1);
        RecordPosition position = position(1);
        FakeUnit unit = new FakeUnit("suspect", List.of(position),
                () -> CompletableFuture.failedFuture(new ServerError(null, "boom")), List.of());
        writer.submit(List.of(unit));
        position.release();
        List<AsyncWriter.Failure> failures = awaitFailures(1);
        assertThat(unit.attempts.get()).isEqualTo(AsyncWriter.SUSPECT_ATTEMPTS);
        assertThat(failures.get(0).fatal()).isFalse();
    }

    @Test
    void fatalErrorsAndRetryTimeoutsFailTheTask() throws Exception {
        AsyncWriter writer = writer(2, 30);
        FakeUnit denied = new FakeUnit("denied", List.of(position(1)),
                () -> CompletableFuture.failedFuture(new UnauthorizedException(null, "no MODIFY permission")), List.of());
        FakeUnit timingOut = new FakeUnit("timeout", List.of(position(2)),
                () -> CompletableFuture.failedFuture(new DriverTimeoutException("timed out")), List.of());
        writer.submit(List.of(denied, timingOut));
        List<AsyncWriter.Failure> failures = awaitFailures(2);
        assertThat(failures).allMatch(AsyncWriter.Failure::fatal);
        assertThat(failures).extracting(f -> f.unit().toString()).containsExactlyInAnyOrder("denied", "timeout");
        assertThat(failures.stream().filter(f -> f.unit() == timingOut).findFirst().orElseThrow().error())
                .hasMessageContaining("retry.timeout.ms").hasMessageContaining("timed out");
        assertThat(timingOut.attempts.get()).isGreaterThan(1);
    }

    @Test
    void synchronousExceptionsAreFailuresToo() throws Exception {
        AsyncWriter writer = writer(1, -1);
        FakeUnit broken = new FakeUnit("broken", List.of(position(1)), () -> {
            throw new IllegalArgumentException("bad codec");
        }, List.of());
        writer.submit(List.of(broken));
        assertThat(awaitFailures(1).get(0).error()).hasMessage("bad codec");
    }
}
