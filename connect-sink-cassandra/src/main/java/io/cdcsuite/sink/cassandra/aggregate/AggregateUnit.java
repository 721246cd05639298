package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.write.FailureKind;
import io.cdcsuite.sink.cassandra.write.RecordPosition;
import io.cdcsuite.sink.cassandra.write.WriteUnit;

/**
 * Applies one batch's changes to one aggregate, in steps that make every failure and replay harmless:
 * <ol>
 * <li>reserve the records' offsets ({@link AggregateLane#reserve}); find each changed row's membership (remembered by
 * the lane, else none for a row inserted by a record never applied before, else read) and plan the moves
 * ({@link MovePlan});
 * write them: per slot, the member rows to insert and delete, stamped with their changes' versions (as the only
 * writer, with the serving timestamp of a slot the lane remembers: see step 2);</li>
 * <li>recompute every touched slot's serving row from its members partition, stamped after the slot's previous
 * serving write (see {@link #recompute}); when other tasks may write the same slots, re-read the partition and
 * recompute again if it changed meanwhile;</li>
 * <li>only then record the new membership versions. A failure before this step leaves the old versions, so the
 * retry (or the replay after a restart) redoes all of it.</li>
 * </ol>
 * Units of one aggregate run one after another (each waits for the previous to succeed), so a row's membership
 * is always read after its previous change was applied. Any failure but a transient one fails the task: the
 * restart replays from the committed offsets, which never pass an unfinished unit.
 */
final class AggregateUnit implements WriteUnit {
    private static final int MAX_RECOMPUTES = 50;
    private static final AtomicLong LAST_SERVING_MICROS = new AtomicLong();

    private final AggregateLane lane;
    private final List<MemberChange> changes;
    private final CompletableFuture<Void> previous;
    /** Completes when the unit has been applied; fails when it never will be (the following units then fail too). */
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    AggregateUnit(AggregateLane lane, List<MemberChange> changes, CompletableFuture<Void> previous) {
        this.lane = lane;
        this.changes = List.copyOf(changes);
        this.previous = previous;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    /** Completes (normally) once the unit has been applied or has failed for good. */
    CompletableFuture<Void> settled() {
        return done.handle((result, error) -> null);
    }

    @Override
    public TableId table() {
        return lane.layout().definition().target();
    }

    @Override
    public List<RecordPosition> positions() {
        List<RecordPosition> positions = new ArrayList<>();
        changes.forEach(change -> positions.addAll(change.positions()));
        return positions;
    }

    @Override
    public int upserts() {
        return (int) changes.stream().filter(change -> change.membership() != null).count();
    }

    @Override
    public int deletes() {
        return changes.size() - upserts();
    }

    @Override
    public CompletionStage<?> execute() {
        return previous.thenCompose(ready -> attempt())
                .handle((result, error) -> {
                    if (error == null) {
                        done.complete(null);
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    Throwable cause = FailureKind.unwrap(error);
                    if (FailureKind.of(cause) == FailureKind.TRANSIENT) {
                        return CompletableFuture.<Void>failedFuture(cause); // retried in place, the next unit waits
                    }
                    // anything else must restart the task (see class doc)
                    AggregateWriteException failure = cause instanceof AggregateWriteException earlier ? earlier
                            : new AggregateWriteException(table(), cause);
                    done.completeExceptionally(failure);
                    return CompletableFuture.<Void>failedFuture(failure);
                })
                .thenCompose(outcome -> outcome);
    }

    /** Aggregate units are never split: the retry of a part would break the one-after-another order. */
    @Override
    public List<WriteUnit> split() {
        return List.of();
    }

    private CompletableFuture<Void> attempt() {
        if (lane.closed()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the task is stopping"));
        }
        AggregateStore store = lane.store();
        return lane.reserve(changes).thenCompose(reserved -> lane.known(changes)).thenCompose(known -> {
            MovePlan plan = MovePlan.of(changes, known);
            Map<List<Object>, AggregateStore.Slot> remembered = remembered(plan.touched(), plan.writes());
            // the only writer knows the next serving timestamp of a remembered slot before moving its members, so the
            // timestamp rides with the member writes of the slot's partition instead of a write of its own
            Map<List<Object>, Long> stamps = new HashMap<>();
            if (!lane.concurrentWriters()) {
                long nowMicros = System.currentTimeMillis() * 1_000L;
                remembered.forEach((slot, members) ->
                        stamps.put(slot, servingTimestamp(nowMicros, members.servingTimestamp())));
            }
            Map<List<Object>, AggregateStore.Slot> written = new HashMap<>();
            return store.moveMembers(plan.writes(), stamps)
                    .thenCompose(moved -> recompute(plan.touched(), remembered, stamps, written))
                    .thenCompose(recomputed -> store.record(plan.applied()))
                    .whenComplete((recorded, error) -> {
                        if (error == null) {
                            lane.remember(plan.applied());
                            lane.rememberSlots(written);
                        } else {
                            // some of it may be written, some memberships recorded: the retry may skip changes
                            // whose slots it then does not recompute, so what the lane remembers of them is stale
                            lane.forgetSlots(plan.touched());
                        }
                    });
        }).toCompletableFuture();
    }

    /** The touched slots the lane remembers, as this unit's member writes will leave them. */
    private Map<List<Object>, AggregateStore.Slot> remembered(Set<List<Object>> slots,
                                                              Map<List<Object>, List<AggregateStore.MemberWrite>> moves) {
        Map<List<Object>, AggregateStore.Slot> remembered = new HashMap<>();
        long nowMillis = System.currentTimeMillis();
        int ttl = lane.layout().definition().ttlSeconds();
        for (List<Object> slot : slots) {
            AggregateStore.Slot before = lane.slot(slot, nowMillis);
            if (before != null) {
                remembered.put(slot, before.with(moves.getOrDefault(slot, List.of()), nowMillis, ttl));
            }
        }
        return remembered;
    }

    /**
     * Writes the slots' serving rows from their members: remembered by the lane and updated with this unit's member
     * writes, else read. Each is stamped after the slot's previous serving write, whichever task made it (the members
     * table keeps that timestamp even when the serving row was deleted), so the newest recomputation wins. When tasks
     * can share slots, another task may move members of a slot meanwhile or write its serving row from what it read:
     * every slot is re-read after the write, and recomputed from a fresh read unless its members are the ones this
     * task counted and the serving timestamp is its own.
     *
     * @param stamps  the serving timestamps the member writes recorded already, by slot
     * @param written receives the slots as written, for the lane to remember once the unit succeeds
     */
    private CompletionStage<Void> recompute(Set<List<Object>> slots, Map<List<Object>, AggregateStore.Slot> remembered,
                                            Map<List<Object>, Long> stamps,
                                            Map<List<Object>, AggregateStore.Slot> written) {
        Set<List<Object>> unknown = new LinkedHashSet<>(slots);
        unknown.removeAll(remembered.keySet());
        CompletionStage<Map<List<Object>, AggregateStore.Slot>> read = unknown.isEmpty()
                ? CompletableFuture.completedFuture(Map.of()) : lane.store().slots(unknown);
        return read.thenCompose(fresh -> {
            Map<List<Object>, AggregateStore.Slot> current = new HashMap<>(remembered);
            current.putAll(fresh);
            return serve(current, stamps, 0, written);
        });
    }

    private CompletionStage<Void> serve(Map<List<Object>, AggregateStore.Slot> current, Map<List<Object>, Long> stamps,
                                        int round, Map<List<Object>, AggregateStore.Slot> written) {
        if (current.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (round >= MAX_RECOMPUTES) {
            return CompletableFuture.failedFuture(new IllegalStateException(current.size() + " slot(s) of " + table()
                    + " kept changing during " + MAX_RECOMPUTES + " recomputations, e.g. "
                    + current.keySet().iterator().next()));
        }
        AggregateStore store = lane.store();
        long now = System.currentTimeMillis() * 1_000L;
        Map<List<Object>, AggregateStore.Serving> rows = new LinkedHashMap<>();
        Map<List<Object>, AggregateStore.Slot> served = new HashMap<>();
        current.forEach((slot, members) -> {
            Long stamped = stamps.get(slot);
            long timestamp = stamped != null ? stamped : servingTimestamp(now, members.servingTimestamp());
            rows.put(slot, new AggregateStore.Serving(servingRow(members), timestamp, stamped != null));
            served.put(slot, members.servedAt(timestamp));
        });
        CompletionStage<Void> write = store.serve(rows);
        if (!lane.concurrentWriters()) {
            return write.thenRun(() -> written.putAll(served));
        }
        return write.thenCompose(ignored -> store.slots(served.keySet())).thenCompose(again -> {
            Map<List<Object>, AggregateStore.Slot> changed = new HashMap<>();
            served.forEach((slot, mine) -> {
                if (again.get(slot).sameAs(mine)) {
                    written.put(slot, mine);
                } else {
                    changed.put(slot, again.get(slot));
                }
            });
            return serve(changed, Map.of(), round + 1, written);
        });
    }

    /** Member count then measures; null when the slot has no members (its serving row is deleted). */
    private List<Object> servingRow(AggregateStore.Slot slot) {
        if (slot.members().isEmpty()) {
            return null;
        }
        List<Object> row = new ArrayList<>();
        row.add((long) slot.members().size());
        row.addAll(MeasureCalculator.compute(lane.layout(), new ArrayList<>(slot.members().values())));
        return row;
    }

    /**
     * After the slot's previous serving write as read, and after every serving timestamp this worker issued: a
     * serving write whose slot timestamp write was lost (half of a failed batch) is still followed by a later one.
     * The clock only keeps the timestamps close to real time.
     */
    static long servingTimestamp(long nowMicros, Long previous) {
        long floor = previous == null ? nowMicros : Math.max(nowMicros, previous + 1);
        return LAST_SERVING_MICROS.accumulateAndGet(floor, (last, candidate) -> Math.max(last + 1, candidate));
    }

    @Override
    public String toString() {
        return changes.size() + " change(s) to aggregate " + table();
    }
}
