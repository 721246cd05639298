package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.TopicPartition;

import io.cdcsuite.sink.cassandra.write.RecordPosition;

/**
 * One aggregate as one task keeps it: its units run one after another (each starts when the previous one has
 * succeeded), and it remembers what its units recorded: the memberships, so that a row it has seen needs no read, and
 * the members and serving timestamps of the slots it recomputed, so that a recompute needs no read either. What it
 * remembers of a row is only as good as the task's ownership of the row's partition, and is forgotten when
 * partitions move. What it remembers of a slot is exact when the task is the aggregate's only writer; with other
 * tasks, every recompute is verified against Cassandra anyway (see {@link AggregateUnit}).
 *
 * <p>A row that a change inserts (a binlog insert) has no state to read, unless its record was applied before: a
 * replay after a restart or a rebalance. To tell, the lane writes ahead, per partition, an offset below which every
 * record it applies lies ({@link #reserve}); what it finds stored when it first meets a partition bounds everything
 * ever applied there, so an insert at or beyond that offset needs no read.
 */
final class AggregateLane {
    /** Memberships remembered per lane (least recently used ones are forgotten first). */
    static final int REMEMBERED_MEMBERSHIPS = 50_000;
    /** Members (and slots) of remembered slots per lane (least recently used slots are forgotten first). */
    static final int REMEMBERED_MEMBERS = 50_000;
    /** A remembered slot whose first member expires sooner than this is read again. */
    static final long EXPIRY_MARGIN_MILLIS = 60_000;
    /**
     * How far beyond the records at hand a reservation reaches: one write per this many records of a partition, and
     * after a restart up to this many records per partition are read although they were never applied.
     */
    static final long RESERVATION = 10_000;

    private final AggregateLayout layout;
    private final AggregateStore store;
    private final boolean concurrentWriters;
    private final long reservation;
    private final Map<String, MovePlan.Known> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MovePlan.Known> eldest) {
            return size() > REMEMBERED_MEMBERSHIPS;
        }
    };
    private final Map<List<Object>, AggregateStore.Slot> slots = new LinkedHashMap<>(1024, 0.75f, true);
    private int rememberedMembers;
    /** Per partition: records at or beyond this offset were never applied before the lane first met the partition. */
    private final Map<TopicPartition, Long> freshFrom = new HashMap<>();
    /** Per partition: the applied-below offset as stored. */
    private final Map<TopicPartition, Long> reservedBelow = new HashMap<>();
    /** Units not finished yet, oldest first; touched by the task thread only. */
    private final Deque<AggregateUnit> unfinished = new ArrayDeque<>();
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    private volatile boolean closed;

    /** @param concurrentWriters whether other tasks may write the same slots (then every recompute is verified) */
    AggregateLane(AggregateLayout layout, AggregateStore store, boolean concurrentWriters) {
        this(layout, store, concurrentWriters, RESERVATION);
    }

    /** @param reservation how far beyond the records at hand a reservation reaches */
    AggregateLane(AggregateLayout layout, AggregateStore store, boolean concurrentWriters, long reservation) {
        this.layout = layout;
        this.store = store;
        this.concurrentWriters = concurrentWriters;
        this.reservation = reservation;
    }

    AggregateLayout layout() {
        return layout;
    }

    AggregateStore store() {
        return store;
    }

    boolean concurrentWriters() {
        return concurrentWriters;
    }

    /** The unit for a batch's changes, to run after the lane's previous unit. */
    AggregateUnit next(List<MemberChange> changes) {
        AggregateUnit unit = new AggregateUnit(this, changes, last);
        last = unit.done();
        unfinished.addLast(unit);
        return unit;
    }

    /**
     * Waits until at most {@code units} units are unfinished, or the timeout passes.
     *
     * @return whether there is room
     */
    boolean awaitUnfinishedAtMost(int units, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            while (!unfinished.isEmpty() && unfinished.peekFirst().settled().isDone()) {
                unfinished.removeFirst();
            }
            if (unfinished.size() <= units) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                unfinished.peekFirst().settled().get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // settled() never fails
            }
        }
    }

    /**
     * Makes sure the stored applied-below offset of every partition of these changes lies beyond their records, before
     * any of them is applied; reads it first for partitions the lane has not met yet.
     */
    CompletionStage<Void> reserve(List<MemberChange> changes) {
        Map<TopicPartition, Long> highest = new HashMap<>();
        changes.forEach(change -> change.positions().forEach(position ->
                highest.merge(position.partition(), position.offset(), Math::max)));
        List<TopicPartition> unmet;
        synchronized (reservedBelow) {
            unmet = highest.keySet().stream().filter(partition -> !reservedBelow.containsKey(partition)).toList();
        }
        CompletionStage<Void> met = BoundedAsync.map(unmet, unmet.size(), store::appliedBelow).thenAccept(stored -> {
            synchronized (reservedBelow) {
                for (int i = 0; i < unmet.size(); i++) {
                    // none stored: no record of the partition was ever applied, since every application reserves first
                    long below = stored.get(i).orElse(0L);
                    freshFrom.put(unmet.get(i), below);
                    reservedBelow.put(unmet.get(i), below);
                }
            }
        });
        return met.thenCompose(ignored -> {
            Map<TopicPartition, Long> raise = new HashMap<>();
            synchronized (reservedBelow) {
                highest.forEach((partition, offset) -> {
                    Long below = reservedBelow.get(partition); // null: forgotten meanwhile (a rebalance)
                    if (below == null || offset >= below) {
                        raise.put(partition, offset + reservation);
                    }
                });
            }
            List<TopicPartition> raised = new ArrayList<>(raise.keySet());
            return BoundedAsync.map(raised, raised.size(), partition -> store.reserveBelow(partition, raise.get(partition)))
                    .thenRun(() -> {
                        synchronized (reservedBelow) {
                            raise.forEach((partition, below) -> reservedBelow.merge(partition, below, Math::max));
                        }
                    });
        });
    }

    /**
     * What is known of each change's row (null: nothing recorded): remembered, else nothing when the change inserted
     * the row and its record was never applied before (see {@link #reserve}, which must have run for these changes),
     * else read.
     */
    CompletionStage<List<MovePlan.Known>> known(List<MemberChange> changes) {
        Map<String, MovePlan.Known> remembered = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        synchronized (known) {
            for (MemberChange change : changes) {
                MovePlan.Known row = known.get(change.memberKey());
                if (row != null) {
                    remembered.put(change.memberKey(), row);
                } else if (!insertsUnappliedRow(change)) {
                    unknown.add(change.memberKey());
                }
            }
        }
        CompletionStage<Map<String, AggregateStore.Recorded>> read = unknown.isEmpty()
                ? CompletableFuture.completedFuture(Map.of()) : store.memberships(unknown);
        return read.thenApply(recorded -> {
            List<MovePlan.Known> rows = new ArrayList<>(changes.size());
            for (MemberChange change : changes) {
                AggregateStore.Recorded stored = recorded.get(change.memberKey());
                rows.add(stored != null ? MovePlan.Known.recorded(stored) : remembered.get(change.memberKey()));
            }
            return rows;
        });
    }

    /** A new row whose first record lies at or beyond what was ever applied of its partition when the lane met it. */
    private boolean insertsUnappliedRow(MemberChange change) {
        if (!change.newRow() || change.positions().isEmpty()) {
            return false;
        }
        RecordPosition first = change.positions().get(0);
        synchronized (reservedBelow) {
            Long from = freshFrom.get(first.partition());
            return from != null && first.offset() >= from;
        }
    }

    /** Remembers the memberships a unit recorded. */
    void remember(List<MemberChange> recorded) {
        synchronized (known) {
            recorded.forEach(change -> known.put(change.memberKey(), MovePlan.after(change)));
        }
    }

    /**
     * A remembered slot: its members and serving timestamp after the last recompute of this lane; null if none, or
     * if one of its members may expire soon (RETENTION): then only Cassandra knows which are left.
     */
    AggregateStore.Slot slot(List<Object> slot, long nowMillis) {
        synchronized (slots) {
            AggregateStore.Slot remembered = slots.get(slot);
            return remembered == null || remembered.expiresAtMillis() - EXPIRY_MARGIN_MILLIS <= nowMillis ? null
                    : remembered;
        }
    }

    /** Remembers slots as a unit left them. */
    void rememberSlots(Map<List<Object>, AggregateStore.Slot> written) {
        synchronized (slots) {
            written.forEach((slot, members) -> {
                AggregateStore.Slot previous = slots.put(slot, members);
                rememberedMembers += weight(members) - (previous == null ? 0 : weight(previous));
            });
            Iterator<Map.Entry<List<Object>, AggregateStore.Slot>> eldest = slots.entrySet().iterator();
            while (rememberedMembers > REMEMBERED_MEMBERS && eldest.hasNext()) {
                rememberedMembers -= weight(eldest.next().getValue());
                eldest.remove();
            }
        }
    }

    /** Forgets these slots: a failed attempt may have changed them in ways the lane does not know. */
    void forgetSlots(Collection<List<Object>> forgotten) {
        synchronized (slots) {
            for (List<Object> slot : forgotten) {
                AggregateStore.Slot removed = slots.remove(slot);
                if (removed != null) {
                    rememberedMembers -= weight(removed);
                }
            }
        }
    }

    /** A slot counts its members, and itself (an empty slot is remembered too). */
    private static int weight(AggregateStore.Slot slot) {
        return slot.members().size() + 1;
    }

    /**
     * Forgets every membership and slot, and what it knew of the partitions' progress: the task's partitions changed,
     * other tasks may have changed them.
     */
    void forget() {
        synchronized (known) {
            known.clear();
        }
        synchronized (reservedBelow) {
            freshFrom.clear();
            reservedBelow.clear();
        }
        synchronized (slots) {
            slots.clear();
            rememberedMembers = 0;
        }
    }

    /** Units that have not begun yet will not begin (the task stops; their records are replayed). */
    void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }
}
