package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.common.TopicPartition;

import com.datastax.oss.driver.api.core.cql.Row;

import io.cdcsuite.sink.cassandra.aggregate.AggregateSession.Bound;

/**
 * An aggregate's tables in Cassandra, in few requests: reads of many partitions or rows as {@code IN} queries of at
 * most {@link #KEYS_PER_READ} keys, writes as unlogged batches of at most {@link #PARTITIONS_PER_BATCH} partitions
 * (Cassandra warns about more, {@code unlogged_batch_across_partitions_warn_threshold}) and {@code batchSize}
 * statements. A batch spanning partitions is not atomic, and needs not be: every write is idempotent.
 */
final class CassandraAggregateStore implements AggregateStore {
    static final int KEYS_PER_READ = 50;
    static final int PARTITIONS_PER_BATCH = 10;
    private static final int PARALLELISM = 32;

    private final AggregateLayout layout;
    private final AggregateSession session;
    private final String selectMemberships;
    private final String selectSlots;
    private final String insertMember;
    private final String deleteMember;
    private final String insertServing;
    private final String deleteServing;
    private final String updateServingTimestamp;
    private final String insertMembership;
    private final String selectProgress;
    private final String insertProgress;
    private final int batchSize;
    private final int ttl;

    CassandraAggregateStore(AggregateLayout layout, AggregateSession session, int batchSize) {
        this.layout = layout;
        this.session = session;
        AggregateStatements sql = new AggregateStatements(layout);
        this.selectMemberships = sql.selectMemberships();
        this.selectSlots = sql.selectSlots();
        this.insertMember = sql.insertMember();
        this.deleteMember = sql.deleteMember();
        this.insertServing = sql.insertServing();
        this.deleteServing = sql.deleteServing();
        this.updateServingTimestamp = sql.updateServingTimestamp();
        this.insertMembership = sql.insertMembership();
        this.selectProgress = sql.selectProgress();
        this.insertProgress = sql.insertProgress();
        this.batchSize = batchSize;
        this.ttl = layout.definition().ttlSeconds();
    }

    @Override
    public CompletionStage<Map<String, Recorded>> memberships(Collection<String> memberKeys) {
        Map<Integer, List<String>> byBucket = new TreeMap<>();
        memberKeys.forEach(key -> byBucket.computeIfAbsent(MembershipBuckets.of(key), b -> new ArrayList<>()).add(key));
        List<Bound> queries = new ArrayList<>();
        byBucket.forEach((bucket, keys) -> chunks(keys, KEYS_PER_READ).forEach(chunk ->
                queries.add(new Bound(selectMemberships, List.of(bucket, chunk)))));
        return BoundedAsync.map(queries, PARALLELISM, session::rows).thenApply(pages -> {
            Map<String, Recorded> recorded = new HashMap<>();
            pages.forEach(rows -> rows.forEach(row -> {
                boolean present = row.getBoolean(AggregateLayout.PRESENT);
                recorded.put(row.getString(AggregateDefinition.MEMBER_KEY),
                        new Recorded(row.getLong(AggregateLayout.VERSION), present ? slotOf(row) : null));
            }));
            return recorded;
        });
    }

    @Override
    public CompletionStage<Map<List<Object>, Slot>> slots(Collection<List<Object>> slots) {
        // slots that differ only in the first slot column are read by one IN query
        Map<List<Object>, List<Object>> firstValuesByRest = new LinkedHashMap<>();
        for (List<Object> slot : slots) {
            firstValuesByRest.computeIfAbsent(slot.subList(1, slot.size()), rest -> new ArrayList<>()).add(slot.get(0));
        }
        List<List<Object>> queries = new ArrayList<>();
        firstValuesByRest.forEach((rest, firsts) -> chunks(firsts, KEYS_PER_READ).forEach(chunk -> {
            List<Object> values = new ArrayList<>();
            values.add(chunk);
            values.addAll(rest);
            queries.add(values);
        }));
        return BoundedAsync.map(queries, PARALLELISM, values -> session.rows(new Bound(selectSlots, values)))
                .thenApply(pages -> {
                    long now = System.currentTimeMillis();
                    Map<List<Object>, TreeMap<String, List<Object>>> members = new HashMap<>();
                    Map<List<Object>, Long> servingTimestamps = new HashMap<>();
                    Map<List<Object>, Long> expiries = new HashMap<>();
                    pages.forEach(rows -> rows.forEach(row -> {
                        List<Object> slot = slotOf(row);
                        TreeMap<String, List<Object>> slotMembers = members.computeIfAbsent(slot, s -> new TreeMap<>());
                        if (!row.isNull(AggregateLayout.SERVING_TIMESTAMP)) {
                            servingTimestamps.put(slot, row.getLong(AggregateLayout.SERVING_TIMESTAMP));
                        }
                        String key = row.getString(AggregateDefinition.MEMBER_KEY);
                        if (key != null) { // null: the static row of a slot without members
                            List<Object> contributions = new ArrayList<>();
                            for (Measure measure : layout.definition().measures()) {
                                contributions.add(row.getObject(measure.contributionColumn()));
                            }
                            slotMembers.put(key, contributions);
                            if (!row.isNull(AggregateLayout.VERSION_TTL)) {
                                expiries.merge(slot, now + row.getInt(AggregateLayout.VERSION_TTL) * 1_000L,
                                        Math::min);
                            }
                        }
                    }));
                    Map<List<Object>, Slot> read = new LinkedHashMap<>();
                    for (List<Object> slot : slots) {
                        read.put(slot, members.containsKey(slot) ? new Slot(members.get(slot), servingTimestamps.get(slot),
                                expiries.getOrDefault(slot, Long.MAX_VALUE)) : Slot.EMPTY);
                    }
                    return read;
                });
    }

    @Override
    public CompletionStage<Void> moveMembers(Map<List<Object>, List<MemberWrite>> writes,
                                             Map<List<Object>, Long> servingTimestamps) {
        Map<List<Object>, List<Bound>> partitions = new LinkedHashMap<>();
        writes.forEach((slot, slotWrites) -> {
            List<Bound> statements = partitions.computeIfAbsent(slot, s -> new ArrayList<>());
            for (MemberWrite write : slotWrites) {
                List<Object> values = new ArrayList<>();
                if (write.contributions() == null) {
                    values.add(write.version());
                    values.addAll(slot);
                    values.add(write.key());
                    statements.add(new Bound(deleteMember, values));
                } else {
                    values.addAll(slot);
                    values.add(write.key());
                    values.addAll(write.contributions());
                    values.add(write.version());
                    values.add(write.version());
                    values.add(ttl);
                    statements.add(new Bound(insertMember, values));
                }
            }
        });
        // one partition write per slot: Cassandra applies the members partition's statements of a batch as one mutation
        servingTimestamps.forEach((slot, timestamp) ->
                partitions.computeIfAbsent(slot, s -> new ArrayList<>()).add(servingTimestamp(slot, timestamp)));
        return inBatches(new ArrayList<>(partitions.values()));
    }

    @Override
    public CompletionStage<Void> serve(Map<List<Object>, Serving> rows) {
        List<List<Bound>> partitions = new ArrayList<>();
        rows.forEach((slot, serving) -> {
            List<Object> values = new ArrayList<>();
            Bound write;
            if (serving.row() == null) {
                values.add(serving.timestamp());
                values.addAll(slot);
                write = new Bound(deleteServing, values);
            } else {
                values.addAll(slot);
                values.addAll(serving.row());
                values.add(serving.timestamp());
                values.add(ttl);
                write = new Bound(insertServing, values);
            }
            partitions.add(List.of(write));
            if (!serving.timestampRecorded()) {
                partitions.add(List.of(servingTimestamp(slot, serving.timestamp())));
            }
        });
        return inBatches(partitions);
    }

    /** The slot's serving timestamp (a static column of its members partition), stamped with itself. */
    private Bound servingTimestamp(List<Object> slot, long timestamp) {
        List<Object> values = new ArrayList<>(List.of(timestamp, ttl, timestamp));
        values.addAll(slot);
        return new Bound(updateServingTimestamp, values);
    }

    @Override
    public CompletionStage<Void> record(List<MemberChange> changes) {
        Map<Integer, List<Bound>> partitions = new TreeMap<>();
        for (MemberChange change : changes) {
            int bucket = MembershipBuckets.of(change.memberKey());
            List<Object> values = new ArrayList<>();
            values.add(bucket);
            values.add(change.memberKey());
            values.add(change.version());
            values.add(change.membership() != null);
            if (change.membership() != null) {
                values.addAll(change.membership().slot());
            } else {
                layout.slotColumns().forEach(column -> values.add(null));
            }
            values.add(change.version());
            values.add(ttl);
            partitions.computeIfAbsent(bucket, b -> new ArrayList<>()).add(new Bound(insertMembership, values));
        }
        return inBatches(new ArrayList<>(partitions.values()));
    }

    @Override
    public CompletionStage<Optional<Long>> appliedBelow(TopicPartition partition) {
        return session.rows(new Bound(selectProgress, List.of(partition.topic(), partition.partition())))
                .thenApply(rows -> rows.isEmpty() ? Optional.empty()
                        : Optional.of(rows.get(0).getLong(AggregateLayout.APPLIED_BELOW)));
    }

    @Override
    public CompletionStage<Void> reserveBelow(TopicPartition partition, long offset) {
        return session.write(List.of(new Bound(insertProgress,
                List.of(partition.topic(), partition.partition(), offset, offset))));
    }

    private List<Object> slotOf(Row row) {
        List<Object> slot = new ArrayList<>();
        for (String column : layout.slotColumns()) {
            slot.add(row.getObject(column));
        }
        return slot;
    }

    /**
     * Packs the statements, given per partition, into batches of at most {@link #PARTITIONS_PER_BATCH} partitions
     * and {@code batchSize} statements (a partition with more goes into several), and runs them.
     */
    private CompletionStage<Void> inBatches(List<List<Bound>> partitions) {
        List<List<Bound>> batches = new ArrayList<>();
        List<Bound> batch = new ArrayList<>();
        int partitionsInBatch = 0;
        for (List<Bound> partition : partitions) {
            for (List<Bound> part : chunks(partition, batchSize)) {
                if (!batch.isEmpty() && (partitionsInBatch == PARTITIONS_PER_BATCH
                        || batch.size() + part.size() > batchSize)) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                    partitionsInBatch = 0;
                }
                batch.addAll(part);
                partitionsInBatch++;
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches.isEmpty() ? CompletableFuture.completedFuture(null)
                : BoundedAsync.map(batches, PARALLELISM, session::write).thenApply(done -> null);
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }
}
