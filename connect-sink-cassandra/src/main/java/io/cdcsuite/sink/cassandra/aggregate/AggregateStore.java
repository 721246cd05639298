package io.cdcsuite.sink.cassandra.aggregate;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.common.TopicPartition;

/**
 * What the aggregate runtime reads and writes: an aggregate's four tables, many partitions per call (an
 * implementation groups them into as few requests as it may). Every write carries its own timestamp, so each is
 * idempotent and a write with a lower timestamp never overwrites one with a higher timestamp, whatever order they
 * land in.
 */
interface AggregateStore {
    /** The recorded memberships of these source rows; rows without one are absent from the map. */
    CompletionStage<Map<String, Recorded>> memberships(Collection<String> memberKeys);

    /** Each slot's members, in member key order, and the timestamp of its last serving write. */
    CompletionStage<Map<List<Object>, Slot>> slots(Collection<List<Object>> slots);

    /**
     * Inserts and deletes of members, per slot, each stamped with its change's version; and for the slots in
     * {@code servingTimestamps} the timestamp their next serving write will carry, recorded as their serving timestamp
     * (stamped with it) in the same partition write.
     */
    CompletionStage<Void> moveMembers(Map<List<Object>, List<MemberWrite>> writes,
                                      Map<List<Object>, Long> servingTimestamps);

    /**
     * Writes each slot's serving row (member count, then the measures; null deletes it) stamped with its timestamp,
     * and records the timestamp as the slot's serving timestamp unless {@link #moveMembers} already did.
     */
    CompletionStage<Void> serve(Map<List<Object>, Serving> rows);

    /** Records each change's version and slot (none when it no longer counts), stamped with its version. */
    CompletionStage<Void> record(List<MemberChange> changes);

    /** The partition's offset below which every record the aggregate ever applied lies; empty when none was written. */
    CompletionStage<Optional<Long>> appliedBelow(TopicPartition partition);

    /** Writes the partition's applied-below offset; of two writes the higher offset wins. */
    CompletionStage<Void> reserveBelow(TopicPartition partition, long offset);

    /**
     * The version (write timestamp) of the last change applied to a source row, and its slot (null when the row
     * does not count).
     */
    record Recorded(long version, List<Object> slot) {
    }

    /**
     * @param members          member key → its contributions, in key order
     * @param servingTimestamp the timestamp of the slot's last serving write (also after the serving row was deleted);
     *                         null when there was none
     * @param expiresAtMillis  when the first of these members expires (RETENTION); {@link Long#MAX_VALUE} for never
     */
    record Slot(SortedMap<String, List<Object>> members, Long servingTimestamp, long expiresAtMillis) {
        public Slot {
            members = Collections.unmodifiableSortedMap(new TreeMap<>(members));
        }

        static final Slot EMPTY = new Slot(new TreeMap<>(), null, Long.MAX_VALUE);

        /** The slot after member writes (inserts and deletes) made now with a TTL (0: none). */
        Slot with(List<MemberWrite> writes, long nowMillis, int ttlSeconds) {
            TreeMap<String, List<Object>> after = new TreeMap<>(members);
            long expires = expiresAtMillis;
            for (MemberWrite write : writes) {
                if (write.contributions() == null) {
                    after.remove(write.key());
                } else {
                    after.put(write.key(), write.contributions());
                    if (ttlSeconds > 0) {
                        expires = Math.min(expires, nowMillis + ttlSeconds * 1_000L);
                    }
                }
            }
            return new Slot(after, servingTimestamp, expires);
        }

        /** The same members, served at another timestamp. */
        Slot servedAt(long timestamp) {
            return new Slot(members, timestamp, expiresAtMillis);
        }

        /** Same members and serving timestamp (when members expire is not part of what a slot is). */
        boolean sameAs(Slot other) {
            return members.equals(other.members) && Objects.equals(servingTimestamp, other.servingTimestamp);
        }
    }

    /** A member row to insert ({@code contributions} non-null) or to delete, at {@code version}. */
    record MemberWrite(String key, long version, List<Object> contributions) {
    }

    /**
     * A slot's serving row (null: none, the slot is empty) and the timestamp to write it with; {@code timestampRecorded}
     * when {@link #moveMembers} recorded that timestamp already.
     */
    record Serving(List<Object> row, long timestamp, boolean timestampRecorded) {
    }
}
