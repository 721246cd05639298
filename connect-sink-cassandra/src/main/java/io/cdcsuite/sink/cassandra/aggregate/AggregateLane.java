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

/**
 * One aggregate as one task keeps it: its units run one after another (each starts when the previous one has
 * succeeded), and it remembers what its units recorded: the memberships, so that a row it has seen needs no read, and
 * the members and serving timestamps of the slots it recomputed, so that a recompute needs no read either. What it
 * remembers of a row is only as good as the task's ownership of the row's partition, and is forgotten when
 * partitions move. What it remembers of a slot is exact when the task is the aggregate's only writer; with other
 * tasks, every recompute is verified against Cassandra anyway (see {@link AggregateUnit}).
 */
final class AggregateLane {
    /** Memberships remembered per lane (least recently used ones are forgotten first). */
    static final int REMEMBERED_MEMBERSHIPS = 50_000;
    /** Members (and slots) of remembered slots per lane (least recently used slots are forgotten first). */
    static final int REMEMBERED_MEMBERS = 50_000;
    /** A remembered slot whose first member expires sooner than this is read again. */
    static final long EXPIRY_MARGIN_MILLIS = 60_000;

    private final AggregateLayout layout;
    private final AggregateStore store;
    private final boolean concurrentWriters;
    private final Map<String, MovePlan.Known> known = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MovePlan.Known> eldest) {
            return size() > REMEMBERED_MEMBERSHIPS;
        }
    };
    private final Map<List<Object>, AggregateStore.Slot> slots = new LinkedHashMap<>(1024, 0.75f, true);
    private int rememberedMembers;
    /** Units not finished yet, oldest first; touched by the task thread only. */
    private final Deque<AggregateUnit> unfinished = new ArrayDeque<>();
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    private volatile boolean closed;

    /** @param concurrentWriters whether other tasks may write the same slots (then every recompute is verified) */
    AggregateLane(AggregateLayout layout, AggregateStore store, boolean concurrentWriters) {
        this.layout = layout;
        this.store = store;
        this.concurrentWriters = concurrentWriters;
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

    /** What is known of each change's row (null: nothing recorded): remembered, else read. */
    CompletionStage<List<MovePlan.Known>> known(List<MemberChange> changes) {
        Map<String, MovePlan.Known> remembered = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        synchronized (known) {
            for (MemberChange change : changes) {
                MovePlan.Known row = known.get(change.memberKey());
                if (row == null) {
                    unknown.add(change.memberKey());
                } else {
                    remembered.put(change.memberKey(), row);
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

    /** Forgets every membership and slot: the task's partitions changed, other tasks may have changed them. */
    void forget() {
        synchronized (known) {
            known.clear();
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
