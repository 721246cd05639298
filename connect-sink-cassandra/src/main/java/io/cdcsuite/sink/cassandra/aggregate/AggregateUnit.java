package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import com.datastax.oss.driver.api.core.cql.Row;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.write.FailureKind;
import io.cdcsuite.sink.cassandra.write.RecordPosition;
import io.cdcsuite.sink.cassandra.write.WriteUnit;

/**
 * Applies one batch's changes to one aggregate, in three steps that make every failure and replay harmless:
 * <ol>
 * <li>read each changed row's membership (version = write timestamp of the last change applied to it) and skip
 * changes that are not newer; move the others: insert the member into its new slot, delete it from its old one,
 * both stamped with the change's own write timestamp;</li>
 * <li>recompute every touched slot's serving row from its members partition, then re-read the partition and
 * recompute again if another task changed it meanwhile (serving writes are stamped after the previous serving
 * write, so the last recompute wins);</li>
 * <li>only then record the new membership versions. A failure before this step leaves the old versions, so the
 * retry (or the replay after a restart) redoes all of it.</li>
 * </ol>
 * Units of one aggregate run one after another (each waits for the previous to succeed), so a row's membership
 * is always read after its previous change was applied. Any failure but a transient one fails the task: the
 * restart replays from the committed offsets, which never pass an unfinished unit.
 */
final class AggregateUnit implements WriteUnit {
    private static final int PARALLELISM = 64;
    private static final int MAX_RECOMPUTES = 50;
    private static final AtomicLong LAST_SERVING_MICROS = new AtomicLong();

    private final AggregateLayout layout;
    private final AggregateStatements sql;
    private final AggregateSession session;
    private final List<MemberChange> changes;
    private final CompletableFuture<Void> previous;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    AggregateUnit(AggregateLayout layout, AggregateStatements sql, AggregateSession session, List<MemberChange> changes,
                  CompletableFuture<Void> previous) {
        this.layout = layout;
        this.sql = sql;
        this.session = session;
        this.changes = List.copyOf(changes);
        this.previous = previous;
    }

    /** Completes when this unit has been applied; the next unit of the aggregate waits for it. */
    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public TableId table() {
        return layout.definition().target();
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
                    // only an outage is retried in place; anything else must restart the task (see class doc)
                    return CompletableFuture.<Void>failedFuture(FailureKind.of(cause) == FailureKind.TRANSIENT ? cause
                            : new AggregateWriteException(layout.definition().target(), cause));
                })
                .thenCompose(outcome -> outcome);
    }

    /** Aggregate units are never split: the retry of a part would break the one-after-another order. */
    @Override
    public List<WriteUnit> split() {
        return List.of();
    }

    private CompletableFuture<Void> attempt() {
        return BoundedAsync.map(changes, PARALLELISM, this::readMembership).thenCompose(current -> {
            Set<List<Object>> touched = new LinkedHashSet<>();
            List<MemberChange> toRecord = new ArrayList<>();
            List<CompletionStage<Void>> moves = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                MemberChange change = changes.get(i);
                Current was = current.get(i);
                if (was != null && was.version >= change.version()) {
                    continue; // applied already (an earlier attempt or run), or older than what is applied
                }
                List<Object> oldSlot = was == null || !was.present ? null : was.slot;
                List<Object> newSlot = change.membership() == null ? null : change.membership().slot();
                toRecord.add(change);
                if (newSlot != null) {
                    touched.add(newSlot);
                }
                if (oldSlot != null) {
                    touched.add(oldSlot);
                }
                moves.add(move(change, oldSlot, newSlot));
            }
            return allOf(moves)
                    .thenCompose(moved -> BoundedAsync.map(new ArrayList<>(touched), PARALLELISM, slot -> recompute(slot, 0)))
                    .thenCompose(recomputed -> BoundedAsync.map(toRecord, PARALLELISM, this::recordMembership))
                    .thenApply(recorded -> null);
        });
    }

    private record Current(long version, boolean present, List<Object> slot) {
    }

    private CompletionStage<Current> readMembership(MemberChange change) {
        return session.rows(sql.selectMembership(), List.of(change.memberKey())).thenApply(rows -> {
            if (rows.isEmpty()) {
                return null;
            }
            Row row = rows.get(0);
            List<Object> slot = new ArrayList<>();
            for (String column : layout.slotColumns()) {
                slot.add(row.getObject(column));
            }
            return new Current(row.getLong(AggregateLayout.VERSION), row.getBoolean(AggregateLayout.PRESENT), slot);
        });
    }

    private CompletionStage<Void> move(MemberChange change, List<Object> oldSlot, List<Object> newSlot) {
        List<CompletionStage<Void>> writes = new ArrayList<>();
        if (newSlot != null) {
            List<Object> values = new ArrayList<>(newSlot);
            values.add(change.memberKey());
            values.addAll(change.membership().contributions());
            values.add(change.version());
            values.add(layout.definition().ttlSeconds());
            writes.add(session.write(sql.insertMember(), values));
        }
        if (oldSlot != null && !oldSlot.equals(newSlot)) {
            List<Object> values = new ArrayList<>();
            values.add(change.version());
            values.addAll(oldSlot);
            values.add(change.memberKey());
            writes.add(session.write(sql.deleteMember(), values));
        }
        return allOf(writes);
    }

    private CompletionStage<Void> recompute(List<Object> slot, int round) {
        if (round >= MAX_RECOMPUTES) {
            return CompletableFuture.failedFuture(new IllegalStateException("slot " + slot + " of "
                    + layout.definition().target() + " kept changing during " + MAX_RECOMPUTES + " recomputations"));
        }
        CompletableFuture<List<Row>> members = session.rows(sql.selectMembers(), slot).toCompletableFuture();
        CompletableFuture<List<Row>> servingTime = session.rows(sql.selectServingWriteTime(), slot).toCompletableFuture();
        return members.thenCombine(servingTime, (memberRows, timeRows) -> {
            List<List<Object>> snapshot = contributions(memberRows);
            Long lastWrite = timeRows.isEmpty() || timeRows.get(0).isNull(0) ? null : timeRows.get(0).getLong(0);
            return new Object[] {snapshot, servingMicros(lastWrite)};
        }).thenCompose(read -> {
            @SuppressWarnings("unchecked")
            List<List<Object>> snapshot = (List<List<Object>>) read[0];
            long timestamp = (Long) read[1];
            return writeServing(slot, snapshot, timestamp)
                    .thenCompose(written -> session.rows(sql.selectMembers(), slot))
                    .thenCompose(again -> contributions(again).equals(snapshot) ? CompletableFuture.<Void>completedFuture(null)
                            : recompute(slot, round + 1));
        });
    }

    /** Per member row: its key, then its contribution to each measure. */
    private List<List<Object>> contributions(List<Row> rows) {
        List<List<Object>> members = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<Object> member = new ArrayList<>();
            member.add(row.getString(AggregateDefinition.MEMBER_KEY));
            for (Measure measure : layout.definition().measures()) {
                member.add(row.getObject(measure.contributionColumn()));
            }
            members.add(member);
        }
        return members;
    }

    private CompletionStage<Void> writeServing(List<Object> slot, List<List<Object>> members, long timestamp) {
        if (members.isEmpty()) {
            List<Object> values = new ArrayList<>();
            values.add(timestamp);
            values.addAll(slot);
            return session.write(sql.deleteServing(), values);
        }
        List<List<Object>> contributions = members.stream().map(member -> member.subList(1, member.size())).toList();
        List<Object> values = new ArrayList<>(slot);
        values.add((long) members.size());
        values.addAll(MeasureCalculator.compute(layout, contributions));
        values.add(timestamp);
        values.add(layout.definition().ttlSeconds());
        return session.write(sql.insertServing(), values);
    }

    private CompletionStage<Void> recordMembership(MemberChange change) {
        List<Object> values = new ArrayList<>();
        values.add(change.memberKey());
        values.add(change.version());
        values.add(change.membership() != null);
        if (change.membership() != null) {
            values.addAll(change.membership().slot());
        } else {
            layout.slotColumns().forEach(column -> values.add(null));
        }
        values.add(change.version());
        values.add(layout.definition().ttlSeconds());
        return session.write(sql.insertMembership(), values);
    }

    /** After the previous serving write and after now: the newest recomputation wins whichever task wrote before. */
    private static long servingMicros(Long lastWrite) {
        long now = System.currentTimeMillis() * 1_000L;
        long floor = lastWrite == null ? now : Math.max(now, lastWrite + 1);
        return LAST_SERVING_MICROS.accumulateAndGet(floor, (last, candidate) -> Math.max(last + 1, candidate));
    }

    private static CompletionStage<Void> allOf(List<CompletionStage<Void>> stages) {
        return CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }

    @Override
    public String toString() {
        return changes.size() + " change(s) to aggregate " + table();
    }

}
