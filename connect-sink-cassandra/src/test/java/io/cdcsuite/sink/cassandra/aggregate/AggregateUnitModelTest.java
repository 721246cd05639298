package io.cdcsuite.sink.cassandra.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import io.cdcsuite.sink.cassandra.mapping.FieldValue;
import io.cdcsuite.sink.cassandra.write.RecordPosition;

/**
 * Random histories of changes (rows moving between groups, changing amounts, deleted and re-inserted) applied by
 * units in random batches, with requests failing before or half-way through, retried like the writer retries them,
 * and tasks crashing: a new task with no memory replays from some offset at or before the last acknowledged unit,
 * batched differently. At the end the serving rows and the members equal what the history's last changes give.
 * Inserts (a row's first change, or its first after a delete) skip the membership read when their record lies beyond
 * what was applied before; the lanes reserve a few offsets at a time, so that replays cross reservations often.
 */
class AggregateUnitModelTest {
    private static final AggregateDefinition TOTALS = AggregateParser.parse("CREATE AGGREGATE k.totals AS SELECT "
            + "customer_id, COUNT(*) AS n, SUM(amount) AS total, MAX(amount) AS top FROM d.orders GROUP BY customer_id")
            .get(0);
    private static final AggregateLayout LAYOUT = AggregateLayout.from(TOTALS, Map.of(
            "customer_id", FieldValue.of(1, Schema.INT32_SCHEMA),
            "amount", FieldValue.of(new BigDecimal("1.00"), Decimal.schema(2))));
    private static final int KEYS = 12;
    private static final int GROUPS = 4;
    private static final int CHANGES = 400;

    @RepeatedTest(200)
    void replaysAndFailuresGiveWhatTheLastChangesGive(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<MemberChange> history = history(random);
        FakeAggregateStore store = new FakeAggregateStore(random, 0.05);

        apply(history, store, random, 0.03);

        assertThat(store.memberRows()).isEqualTo(expectedMembers(history));
        assertThat(store.servingRows()).isEqualTo(expectedServing(history));
    }

    /** Frequent crashes: replays cross the lanes' reservations often, with inserts applied before among them. */
    @RepeatedTest(100)
    void replayedInsertsAreReadNotAssumedNew(RepetitionInfo repetition) {
        Random random = new Random(5_000 + repetition.getCurrentRepetition());
        List<MemberChange> history = history(random);
        FakeAggregateStore store = new FakeAggregateStore(random, 0.02);

        apply(history, store, random, 0.2);

        assertThat(store.memberRows()).isEqualTo(expectedMembers(history));
        assertThat(store.servingRows()).isEqualTo(expectedServing(history));
    }

    /**
     * Two tasks own different rows (different partitions) that share groups, and apply their units in turns: what
     * each remembers of a slot goes stale whenever the other one writes it. Their re-reads must catch that.
     */
    @RepeatedTest(100)
    void twoTasksSharingSlotsStayExact(RepetitionInfo repetition) {
        Random random = new Random(1_000 + repetition.getCurrentRepetition());
        List<MemberChange> history = history(random);
        FakeAggregateStore store = new FakeAggregateStore(random, 0.05);
        List<AggregateLane> lanes = List.of(lane(store, true, random), lane(store, true, random));
        List<List<MemberChange>> owned = List.of(new ArrayList<>(), new ArrayList<>());
        history.forEach(change -> owned.get(Math.floorMod(change.memberKey().hashCode(), 2)).add(change));
        int[] next = {0, 0};
        while (next[0] < owned.get(0).size() || next[1] < owned.get(1).size()) {
            int task = random.nextInt(2);
            List<MemberChange> mine = owned.get(task);
            if (next[task] == mine.size()) {
                continue;
            }
            int end = Math.min(mine.size(), next[task] + 1 + random.nextInt(8));
            AggregateUnit unit = lanes.get(task).next(coalesce(mine.subList(next[task], end)));
            while (!succeeded(unit.execute().toCompletableFuture())) {
                // a transient failure: the writer retries the unit in place
            }
            next[task] = end;
        }

        assertThat(store.memberRows()).isEqualTo(expectedMembers(history));
        assertThat(store.servingRows()).isEqualTo(expectedServing(history));
    }

    @Test
    void aRunWithoutFailuresWritesNothingForChangesAlreadyApplied() {
        Random random = new Random(7);
        List<MemberChange> history = history(random);
        FakeAggregateStore store = new FakeAggregateStore(random, 0);
        apply(history, store, random, 0);
        Map<List<Object>, List<Object>> serving = store.servingRows();

        // a replay from offset 0 with a new task: every change is older than or as old as what is recorded
        AggregateLane lane = lane(store, false, random);
        for (int from = 0; from < history.size(); from += 50) {
            MovePlan plan = planned(lane, coalesce(history.subList(from, Math.min(history.size(), from + 50))));
            assertThat(plan.writes()).isEmpty();
            assertThat(plan.applied()).isEmpty();
        }
        assertThat(store.servingRows()).isEqualTo(serving);
    }

    @Test
    void servingTimestampsFollowThePreviousServingWriteAndNeverRepeat() {
        long now = 1_700_000_000_000_000L;
        long afterAheadClock = AggregateUnit.servingTimestamp(now, now + 5_000_000);
        assertThat(afterAheadClock).as("a slot written by a worker whose clock runs ahead").isGreaterThan(now + 5_000_000);
        long next = AggregateUnit.servingTimestamp(now, null);
        assertThat(next).as("never twice the same from one worker").isGreaterThan(afterAheadClock);
    }

    /** Applies a history unit by unit like a task does; a crash starts a new task at or before the acknowledged point. */
    private static void apply(List<MemberChange> history, FakeAggregateStore store, Random random, double crashRate) {
        AggregateLane lane = lane(store, random.nextBoolean(), random);
        int acknowledged = 0;
        int next = 0;
        while (acknowledged < history.size()) {
            int end = Math.min(history.size(), next + 1 + random.nextInt(8));
            AggregateUnit unit = lane.next(coalesce(history.subList(next, end)));
            boolean crashed = false;
            while (!succeeded(unit.execute().toCompletableFuture())) {
                if (random.nextDouble() < crashRate * 10) {
                    crashed = true;
                    break;
                }
            }
            if (crashed || random.nextDouble() < crashRate) {
                // the committed offsets may lag behind what was acknowledged
                lane = lane(store, random.nextBoolean(), random);
                next = Math.max(0, (crashed ? next : end) - random.nextInt(20));
                acknowledged = Math.max(acknowledged, crashed ? next : end);
                continue;
            }
            acknowledged = Math.max(acknowledged, end);
            next = end;
        }
    }

    private static AggregateLane lane(FakeAggregateStore store, boolean concurrentWriters, Random random) {
        return new AggregateLane(LAYOUT, store, concurrentWriters, 1 + random.nextInt(20));
    }

    private static boolean succeeded(CompletableFuture<?> attempt) {
        try {
            attempt.join();
            return true;
        } catch (RuntimeException failed) {
            return false;
        }
    }

    private static MovePlan planned(AggregateLane lane, List<MemberChange> changes) {
        return MovePlan.of(changes, lane.known(changes).toCompletableFuture().join());
    }

    /** The batch's last change per row, standing for the earlier ones (as the writer plans a unit). */
    private static List<MemberChange> coalesce(List<MemberChange> batch) {
        Map<String, MemberChange> latest = new LinkedHashMap<>();
        for (MemberChange change : batch) {
            MemberChange earlier = latest.remove(change.memberKey());
            latest.put(change.memberKey(), earlier == null ? change : change.after(earlier));
        }
        return new ArrayList<>(latest.values());
    }

    /**
     * Inserts, updates that change the amount or the group, deletes (no membership) and re-inserts; versions grow with
     * each change, and each change is the record at the next offset of its row's partition (two partitions).
     */
    private static List<MemberChange> history(Random random) {
        List<MemberChange> history = new ArrayList<>();
        Map<String, Boolean> exists = new HashMap<>();
        for (int version = 1; version <= CHANGES; version++) {
            String key = "order-" + random.nextInt(KEYS);
            Membership membership = random.nextInt(5) == 0 ? null : new Membership(
                    List.of(1 + random.nextInt(GROUPS)),
                    List.of((byte) 1, amount(random), amount(random)));
            boolean newRow = !exists.getOrDefault(key, false);
            exists.put(key, membership != null);
            SinkRecord record = new SinkRecord("orders", Math.floorMod(key.hashCode(), 2), null, null, null, null,
                    version);
            history.add(new MemberChange(key, version * 10L, membership, List.of(),
                    List.of(new RecordPosition(record, true, true)), newRow));
        }
        return history;
    }

    private static BigDecimal amount(Random random) {
        return BigDecimal.valueOf(random.nextInt(100_000), 2);
    }

    private static Map<String, MemberChange> lastChanges(List<MemberChange> history) {
        Map<String, MemberChange> last = new HashMap<>();
        history.forEach(change -> last.put(change.memberKey(), change));
        return last;
    }

    private static Map<List<Object>, Map<String, List<Object>>> expectedMembers(List<MemberChange> history) {
        Map<List<Object>, Map<String, List<Object>>> members = new HashMap<>();
        lastChanges(history).values().stream().filter(change -> change.membership() != null).forEach(change ->
                members.computeIfAbsent(change.slot(), slot -> new java.util.TreeMap<>())
                        .put(change.memberKey(), change.membership().contributions()));
        return members;
    }

    private static Map<List<Object>, List<Object>> expectedServing(List<MemberChange> history) {
        Map<List<Object>, List<Object>> serving = new HashMap<>();
        expectedMembers(history).forEach((slot, members) -> {
            List<Object> row = new ArrayList<>();
            row.add((long) members.size());
            row.addAll(MeasureCalculator.compute(LAYOUT, new ArrayList<>(members.values())));
            serving.put(slot, row);
        });
        return serving;
    }
}
