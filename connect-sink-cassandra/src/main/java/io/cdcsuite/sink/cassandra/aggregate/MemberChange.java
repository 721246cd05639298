package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcsuite.sink.cassandra.write.RecordPosition;

/**
 * The last change of one source row in a batch, as far as one aggregate is concerned.
 *
 * @param memberKey  the source row's primary key, as text
 * @param version    the change's write timestamp: orders it against what an earlier run already applied
 * @param membership the row's new place, or null when it no longer counts (deleted, filtered out)
 * @param earlier    the slots of the row's earlier changes in the batch (with their versions), which this change
 *                   stands for: an interrupted earlier run may have inserted the row into any of them
 * @param positions  every record of the batch this change stands for, in offset order
 * @param newRow     whether the first of those records inserted the row, so that it had no earlier state (a binlog
 *                   insert); see {@link AggregateLane#known}
 */
record MemberChange(String memberKey, long version, Membership membership, List<Earlier> earlier,
                    List<RecordPosition> positions, boolean newRow) {
    MemberChange {
        earlier = List.copyOf(earlier);
        positions = List.copyOf(positions);
    }

    /** A slot an earlier change of the row put it into. */
    record Earlier(long version, List<Object> slot) {
    }

    static MemberChange first(String memberKey, long version, Membership membership, RecordPosition position,
                              boolean newRow) {
        return new MemberChange(memberKey, version, membership, List.of(), List.of(position), newRow);
    }

    /** This change after {@code previous}, a change of the same row earlier in the batch; each slot once. */
    MemberChange after(MemberChange previous) {
        Map<List<Object>, Long> slots = new LinkedHashMap<>();
        List<Earlier> candidates = new ArrayList<>(previous.earlier());
        if (previous.membership() != null) {
            candidates.add(new Earlier(previous.version(), previous.membership().slot()));
        }
        candidates.addAll(earlier);
        candidates.forEach(candidate -> slots.merge(candidate.slot(), candidate.version(), Math::max));
        List<Earlier> merged = new ArrayList<>();
        slots.forEach((slot, latest) -> merged.add(new Earlier(latest, slot)));
        List<RecordPosition> all = new ArrayList<>(previous.positions());
        all.addAll(positions);
        return new MemberChange(memberKey, version, membership, merged, all, previous.newRow());
    }

    /** The slot the row is in after this change; null when it no longer counts. */
    List<Object> slot() {
        return membership == null ? null : membership.slot();
    }
}
