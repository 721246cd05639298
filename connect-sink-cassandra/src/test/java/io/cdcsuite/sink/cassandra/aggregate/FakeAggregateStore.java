package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.common.TopicPartition;

import com.datastax.oss.driver.api.core.DriverTimeoutException;

/**
 * An aggregate's tables in memory with Cassandra's reconciliation: every cell keeps the write with the highest
 * timestamp (a deletion wins a tie), whatever order writes arrive in. With a failure rate, a request fails before it
 * is applied, or after only some of its rows are (as a batch of several partitions can), with a transient error.
 */
final class FakeAggregateStore implements AggregateStore {
    /** A cell: its timestamp and value; null value = tombstone. */
    private record Cell<T>(long timestamp, T value) {
    }

    private final Random random;
    private final double failureRate;
    private final Map<String, Cell<Recorded>> memberships = new HashMap<>();
    private final Map<List<Object>, Map<String, Cell<List<Object>>>> members = new HashMap<>();
    private final Map<List<Object>, Cell<Long>> servingTimestamps = new HashMap<>();
    private final Map<List<Object>, Cell<List<Object>>> serving = new HashMap<>();
    private final Map<TopicPartition, Cell<Long>> appliedBelow = new HashMap<>();

    FakeAggregateStore(Random random, double failureRate) {
        this.random = random;
        this.failureRate = failureRate;
    }

    @Override
    public synchronized CompletionStage<Map<String, Recorded>> memberships(Collection<String> memberKeys) {
        if (fails()) {
            return failure();
        }
        Map<String, Recorded> recorded = new HashMap<>();
        memberKeys.forEach(key -> {
            Cell<Recorded> cell = memberships.get(key);
            if (cell != null) {
                recorded.put(key, cell.value());
            }
        });
        return CompletableFuture.completedFuture(recorded);
    }

    @Override
    public synchronized CompletionStage<Map<List<Object>, Slot>> slots(Collection<List<Object>> slots) {
        if (fails()) {
            return failure();
        }
        Map<List<Object>, Slot> read = new HashMap<>();
        for (List<Object> slot : slots) {
            TreeMap<String, List<Object>> rows = new TreeMap<>();
            members.getOrDefault(slot, Map.of()).forEach((key, cell) -> {
                if (cell.value() != null) {
                    rows.put(key, cell.value());
                }
            });
            Cell<Long> timestamp = servingTimestamps.get(slot);
            read.put(slot, new Slot(rows, timestamp == null ? null : timestamp.value(), Long.MAX_VALUE));
        }
        return CompletableFuture.completedFuture(read);
    }

    /** Partial failures apply some of the rows, as a batch over several partitions may. */
    @Override
    public synchronized CompletionStage<Void> moveMembers(Map<List<Object>, List<MemberWrite>> writes,
                                                          Map<List<Object>, Long> stamps) {
        boolean partial = fails();
        writes.forEach((slot, slotWrites) -> {
            for (MemberWrite write : slotWrites) {
                if (!partial || random.nextBoolean()) {
                    put(members.computeIfAbsent(slot, s -> new HashMap<>()), write.key(),
                            new Cell<>(write.version(), write.contributions()));
                }
            }
        });
        stamps.forEach((slot, timestamp) -> {
            if (!partial || random.nextBoolean()) {
                put(servingTimestamps, slot, new Cell<>(timestamp, timestamp));
            }
        });
        return partial ? failure() : CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> serve(Map<List<Object>, Serving> rows) {
        boolean partial = fails();
        rows.forEach((slot, row) -> {
            if (!partial || random.nextBoolean()) {
                put(serving, slot, new Cell<>(row.timestamp(), row.row()));
            }
            if (!row.timestampRecorded() && (!partial || random.nextBoolean())) {
                put(servingTimestamps, slot, new Cell<>(row.timestamp(), row.timestamp()));
            }
        });
        return partial ? failure() : CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> record(List<MemberChange> changes) {
        boolean partial = fails();
        for (MemberChange change : changes) {
            if (!partial || random.nextBoolean()) {
                put(memberships, change.memberKey(), new Cell<>(change.version(),
                        new Recorded(change.version(), change.slot())));
            }
        }
        return partial ? failure() : CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Optional<Long>> appliedBelow(TopicPartition partition) {
        if (fails()) {
            return failure();
        }
        Cell<Long> cell = appliedBelow.get(partition);
        return CompletableFuture.completedFuture(cell == null ? Optional.empty() : Optional.of(cell.value()));
    }

    /** A failure here may come after the write was applied, as a timeout can. */
    @Override
    public synchronized CompletionStage<Void> reserveBelow(TopicPartition partition, long offset) {
        boolean failed = fails();
        if (!failed || random.nextBoolean()) {
            put(appliedBelow, partition, new Cell<>(offset, offset));
        }
        return failed ? failure() : CompletableFuture.completedFuture(null);
    }

    /** The serving rows a reader sees: slot → member count and measures. */
    synchronized Map<List<Object>, List<Object>> servingRows() {
        Map<List<Object>, List<Object>> rows = new HashMap<>();
        serving.forEach((slot, cell) -> {
            if (cell.value() != null) {
                rows.put(slot, cell.value());
            }
        });
        return rows;
    }

    /** The member rows a reader sees: slot → member key → contributions. */
    synchronized Map<List<Object>, Map<String, List<Object>>> memberRows() {
        Map<List<Object>, Map<String, List<Object>>> rows = new HashMap<>();
        members.forEach((slot, cells) -> cells.forEach((key, cell) -> {
            if (cell.value() != null) {
                rows.computeIfAbsent(slot, s -> new TreeMap<>()).put(key, cell.value());
            }
        }));
        return rows;
    }

    private static <K, T> void put(Map<K, Cell<T>> cells, K key, Cell<T> write) {
        Cell<T> current = cells.get(key);
        if (current == null || write.timestamp() > current.timestamp()
                || (write.timestamp() == current.timestamp() && write.value() == null)) {
            cells.put(key, write);
        }
    }

    private boolean fails() {
        return random.nextDouble() < failureRate;
    }

    private static <T> CompletionStage<T> failure() {
        return CompletableFuture.failedFuture(new DriverTimeoutException("injected"));
    }
}
