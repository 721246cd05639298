package io.cdcsuite.sink.cassandra.write;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Decides which offsets may be committed: per partition, the highest clean record offset such that every
 * record accepted before it is done. Committing offset c means "resume at c", so records from c on may be
 * written again after a restart; because c is clean they then get the same write timestamps as before, which
 * makes the repeated writes idempotent.
 *
 * <p>Records are accepted on the task thread in offset order; they become done on any thread.
 */
public final class OffsetTracker {
    private static final class Partition {
        final ArrayDeque<RecordPosition> pending = new ArrayDeque<>();
        long committable = -1;
    }

    private final Map<TopicPartition, Partition> partitions = new HashMap<>();

    public void accept(RecordPosition position) {
        Partition partition = partitions.computeIfAbsent(position.partition(), p -> new Partition());
        RecordPosition last = partition.pending.peekLast();
        if (last != null && last.offset() >= position.offset()) {
            throw new IllegalStateException("record " + position + " accepted after " + last);
        }
        partition.pending.addLast(position);
    }

    /** The offsets that may be committed now, for partitions that made progress. */
    public Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        partitions.forEach((topicPartition, partition) -> {
            RecordPosition head;
            while ((head = partition.pending.peekFirst()) != null) {
                if (head.isClean()) {
                    partition.committable = head.offset();
                }
                if (!head.isDone()) {
                    break;
                }
                partition.pending.pollFirst();
            }
            if (partition.committable >= 0) {
                result.put(topicPartition, new OffsetAndMetadata(partition.committable));
            }
        });
        return result;
    }

    public void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }
}
