package io.cdcsuite.sink.cassandra.write;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One accepted record on its way to Cassandra. It is done when every write it needs has been acknowledged
 * (or it was dead-lettered or carried nothing to write); only then may its offset be committed. The count of
 * outstanding writes starts at one, held by the task until it has registered all of the record's writes.
 */
public final class RecordPosition {
    /** Null unless a dead-letter report may need it: in flight, it would keep the record's raw bytes alive. */
    private final SinkRecord record;
    private final TopicPartition partition;
    private final long offset;
    private final boolean clean;
    private final AtomicInteger outstanding = new AtomicInteger(1);
    private volatile boolean done;

    /**
     * @param clean whether replaying the partition from this record's offset gives every record the write
     *              timestamp it got before (see {@link WriteTimestampPolicy}); offsets are committed only at
     *              clean records
     * @param keepRecord whether {@link #record()} must return the record (to hand it to the dead-letter queue)
     */
    public RecordPosition(SinkRecord record, boolean clean, boolean keepRecord) {
        this(record, new TopicPartition(record.topic(), record.kafkaPartition()), clean, keepRecord);
    }

    /** @param partition the record's topic and partition, when the caller has it already */
    public RecordPosition(SinkRecord record, TopicPartition partition, boolean clean, boolean keepRecord) {
        this.record = keepRecord ? record : null;
        this.partition = partition;
        this.offset = record.kafkaOffset();
        this.clean = clean;
    }

    /** The record, when kept; else null. */
    public SinkRecord record() {
        return record;
    }

    public TopicPartition partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    public boolean isClean() {
        return clean;
    }

    public boolean isDone() {
        return done;
    }

    /** One more write must complete before this record is done. */
    public void retain() {
        if (outstanding.getAndIncrement() <= 0) {
            throw new IllegalStateException("record " + this + " is already done");
        }
    }

    /** One write (or the task's own hold) completed. */
    public void release() {
        int left = outstanding.decrementAndGet();
        if (left == 0) {
            done = true;
        } else if (left < 0) {
            throw new IllegalStateException("record " + this + " released more often than retained");
        }
    }

    @Override
    public String toString() {
        return partition + "@" + offset();
    }
}
