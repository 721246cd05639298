package io.cdcsuite.sink.cassandra.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.cdcsuite.sink.cassandra.TestRecords;

class OffsetTrackerTest {
    private static final TopicPartition P0 = new TopicPartition(TestRecords.TOPIC, 0);
    private final OffsetTracker tracker = new OffsetTracker();

    private RecordPosition accept(int partition, long offset, boolean clean) {
        RecordPosition position = new RecordPosition(TestRecords.record(partition, offset, TestRecords.key(1), null),
                clean, true);
        tracker.accept(position);
        return position;
    }

    @Test
    void commitsOnlyUpToTheFirstRecordNotYetAcknowledged() {
        RecordPosition r10 = accept(0, 10, true);
        RecordPosition r11 = accept(0, 11, true);
        RecordPosition r12 = accept(0, 12, true);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
        r11.release();
        r12.release();
        assertThat(tracker.committable()).as("10 is still in flight").isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
        r10.release();
        assertThat(tracker.committable()).as("all done: resume at the last clean record")
                .isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));
    }

    @Test
    void commitsOnlyAtCleanRecords() {
        RecordPosition r0 = accept(0, 0, true);
        RecordPosition r1 = accept(0, 1, false);
        RecordPosition r2 = accept(0, 2, false);
        RecordPosition r3 = accept(0, 3, true);
        RecordPosition r4 = accept(0, 4, false);
        List.of(r0, r1, r2).forEach(RecordPosition::release);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
        r3.release();
        r4.release();
        assertThat(tracker.committable()).as("4 is not clean: replays from 3").isEqualTo(Map.of(P0, new OffsetAndMetadata(3)));
    }

    @Test
    void aRecordWithSeveralWritesIsDoneWhenAllAreAcknowledged() {
        RecordPosition r5 = accept(0, 5, true);
        RecordPosition r6 = accept(0, 6, true);
        r5.retain();
        r5.retain();
        r5.release(); // the task's hold
        r6.release();
        r5.release(); // first write
        assertThat(r5.isDone()).isFalse();
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(5)));
        r5.release(); // second write
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(6)));
        assertThatThrownBy(r5::release).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(r5::retain).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void partitionsAreSeparateAndForgettable() {
        RecordPosition a = accept(0, 1, true);
        RecordPosition b = accept(1, 7, true);
        b.release();
        assertThat(tracker.committable()).containsEntry(P0, new OffsetAndMetadata(1))
                .containsEntry(new TopicPartition(TestRecords.TOPIC, 1), new OffsetAndMetadata(7));
        tracker.forget(List.of(P0));
        a.release();
        assertThat(tracker.committable()).containsOnlyKeys(new TopicPartition(TestRecords.TOPIC, 1));
        accept(1, 8, true);
        assertThatThrownBy(() -> accept(1, 8, true)).isInstanceOf(IllegalStateException.class);
    }
}
