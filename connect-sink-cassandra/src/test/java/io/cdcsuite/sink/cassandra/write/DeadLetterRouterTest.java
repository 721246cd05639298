package io.cdcsuite.sink.cassandra.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import io.cdcsuite.sink.cassandra.TestRecords;
import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;

class DeadLetterRouterTest {
    private final List<SinkRecord> reported = new ArrayList<>();
    private final ErrantRecordReporter reporter = (record, error) -> {
        reported.add(record);
        return CompletableFuture.completedFuture(null);
    };
    private final SinkRecord record = TestRecords.record(3, 42, TestRecords.key(1), null);

    @Test
    void positionsKeepTheirRecordsOnlyWhenTheDeadLetterQueueTakesThem() {
        DeadLetterRouter toQueue = new DeadLetterRouter(reporter, true);
        assertThat(toQueue.needsRecords()).isTrue();
        assertThat(new DeadLetterRouter(reporter, false).needsRecords()).as("errors fail the task").isFalse();
        assertThat(new DeadLetterRouter(null, true).needsRecords()).as("no reporter: logged and skipped").isFalse();

        toQueue.report(new RecordPosition(record, true, toQueue.needsRecords()),
                new RecordMappingException("x", "bad"));
        assertThat(reported).containsExactly(record);
    }

    @Test
    void aFailingTaskNamesTheRecordWithoutKeepingIt() {
        RecordPosition position = new RecordPosition(record, true, false);
        assertThat(position.record()).isNull();
        assertThat(position.offset()).isEqualTo(42);

        assertThatThrownBy(() -> new DeadLetterRouter(reporter, false).report(position,
                new RecordMappingException("amount", "not a decimal")))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("topic=" + TestRecords.TOPIC + " partition=3 offset=42")
                .hasMessageContaining("amount");
        assertThat(reported).isEmpty();
    }
}
