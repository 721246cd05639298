package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one unit writes, worked out from its changes and what is known of each row's current membership, without
 * I/O: the member rows to insert and delete per slot, the slots whose serving rows must be recomputed, and the
 * changes whose memberships must be recorded.
 *
 * <p>A change is skipped when its row's recorded version is not older (an earlier attempt or run applied it, or a
 * newer change). Otherwise the row is inserted into its new slot and deleted from its recorded slot and from every
 * slot an earlier change of the batch that is newer than the recorded version put it into: a run that stopped between
 * moving a row and recording it may have left the row there, and its changes come back coalesced with later ones.
 * A change that leaves the row where it is with the same contributions (a change of columns the aggregate does not
 * read), or out of every slot, is skipped too: recording it would change nothing a later change depends on.
 */
record MovePlan(Map<List<Object>, List<AggregateStore.MemberWrite>> writes, Set<List<Object>> touched,
                List<MemberChange> applied) {

    /** What is known of a row before its change: recorded version and slot, and its contributions if known. */
    record Known(long version, List<Object> slot, List<Object> contributions) {
        static Known recorded(AggregateStore.Recorded recorded) {
            return new Known(recorded.version(), recorded.slot(), null);
        }
    }

    /** @param known per change, what is known of its row (null: nothing ever recorded) */
    static MovePlan of(List<MemberChange> changes, List<Known> known) {
        Map<List<Object>, List<AggregateStore.MemberWrite>> writes = new LinkedHashMap<>();
        Set<List<Object>> touched = new LinkedHashSet<>();
        List<MemberChange> applied = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            MemberChange change = changes.get(i);
            Known was = known.get(i);
            long recordedVersion = was == null ? Long.MIN_VALUE : was.version();
            if (recordedVersion >= change.version()) {
                continue;
            }
            List<Object> newSlot = change.slot();
            Set<List<Object>> leave = new LinkedHashSet<>();
            if (was != null && was.slot() != null) {
                leave.add(was.slot());
            }
            for (MemberChange.Earlier earlier : change.earlier()) {
                if (earlier.version() > recordedVersion) {
                    leave.add(earlier.slot());
                }
            }
            leave.remove(newSlot);
            if (leave.isEmpty() && newSlot != null && was != null && newSlot.equals(was.slot())
                    && was.contributions() != null && was.contributions().equals(change.membership().contributions())) {
                continue;
            }
            if (leave.isEmpty() && newSlot == null && (was == null || was.slot() == null)) {
                continue; // a member neither before nor after (deleted again, filtered out, a NULL group)
            }
            if (newSlot != null) {
                writes.computeIfAbsent(newSlot, slot -> new ArrayList<>()).add(new AggregateStore.MemberWrite(
                        change.memberKey(), change.version(), change.membership().contributions()));
                touched.add(newSlot);
            }
            for (List<Object> slot : leave) {
                writes.computeIfAbsent(slot, s -> new ArrayList<>())
                        .add(new AggregateStore.MemberWrite(change.memberKey(), change.version(), null));
                touched.add(slot);
            }
            applied.add(change);
        }
        return new MovePlan(writes, touched, applied);
    }

    /** What is known of a change's row once the change is recorded. */
    static Known after(MemberChange change) {
        return new Known(change.version(), change.slot(),
                change.membership() == null ? null : Objects.requireNonNull(change.membership().contributions()));
    }
}
