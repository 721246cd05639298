package io.cdcsuite.sink.cassandra.aggregate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What the aggregate runtime reads and writes: an aggregate's three tables, many partitions per call (an
 * implementation groups them into as few requests as it may). Every write carries its own timestamp, so each is
 * idempotent and a write with a lower timestamp never overwrites one with a higher timestamp, whatever order they
 * land in.
 */
interface AggregateStore {
    /** The recorded memberships of these source rows; rows without one are absent from the map. */
    CompletionStage<Map<String, Recorded>> memberships(Collection<String> memberKeys);

    /** Each slot's members, in member key order, and the timestamp of its last serving write. */
    CompletionStage<Map<List<Object>, Slot>> slots(Collection<List<Object>> slots);

    /** Inserts and deletes of members, per slot, each stamped with its change's version. */
    CompletionStage<Void> moveMembers(Map<List<Object>, List<MemberWrite>> writes);

    /**
     * Writes each slot's serving row (member count, then the measures; null deletes it) and records the timestamp as
     * the slot's serving timestamp, both stamped with it.
     */
    CompletionStage<Void> serve(Map<List<Object>, Serving> rows);

    /** Records each change's version and slot (none when it no longer counts), stamped with its version. */
    CompletionStage<Void> record(List<MemberChange> changes);

    /**
     * The version (write timestamp) of the last change applied to a source row, and its slot (null when the row
     * does not count).
     */
    record Recorded(long version, List<Object> slot) {
    }

    /**
     * @param servingTimestamp the timestamp of the slot's last serving write (also after the serving row was deleted);
     *                         null when there was none
     */
    record Slot(List<Member> members, Long servingTimestamp) {
        public Slot {
            members = List.copyOf(members);
        }

        static final Slot EMPTY = new Slot(List.of(), null);
    }

    /** A source row in a slot with its contribution to each measure. */
    record Member(String key, List<Object> contributions) {
    }

    /** A member row to insert ({@code contributions} non-null) or to delete, at {@code version}. */
    record MemberWrite(String key, long version, List<Object> contributions) {
    }

    /** A slot's serving row (null: none, the slot is empty) and the timestamp to write it with. */
    record Serving(List<Object> row, long timestamp) {
    }
}
