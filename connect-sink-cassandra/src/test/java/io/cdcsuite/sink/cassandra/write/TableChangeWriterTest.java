package io.cdcsuite.sink.cassandra.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.mapping.RowChange;

class TableChangeWriterTest {
    private static final TableLayout EVENTS = new TableLayout(new TableId("shop", "events"),
            Map.of("customer", DataTypes.INT, "seq", DataTypes.INT), List.of("customer"), List.of("seq"));

    /** Records what was sent together; the replicas of a partition are given by {@code replicas}. */
    private static final class Recorder implements RowWriteExecutor {
        final Function<Integer, Object> replicas;
        final List<List<String>> sent = new ArrayList<>();

        Recorder(Function<Integer, Object> replicas) {
            this.replicas = replicas;
        }

        @Override
        public CompletionStage<?> execute(List<RowWrite> rows) {
            sent.add(rows.stream().map(row -> row.primaryKey().get(0) + "/" + row.primaryKey().get(1)).toList());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Object replicas(RowWrite row) {
            return replicas.apply((Integer) row.partitionKey().get(0));
        }
    }

    private static RowWrite row(int customer, int seq) {
        return new RowWrite(EVENTS, RowChange.Kind.UPSERT, Map.of("customer", customer, "seq", seq),
                List.of(customer, seq), List.of(customer), 1_000L, 0, List.of());
    }

    private static List<List<String>> send(TableChangeWriter writer, Recorder recorder, List<RowWrite> rows) {
        writer.plan(new WriteBatch(List.of(), rows)).forEach(WriteUnit::execute);
        return recorder.sent;
    }

    @Test
    void partitionsWithTheSameReplicasShareBatchesUpToBothLimits() {
        Recorder recorder = new Recorder(customer -> customer % 2 == 0 ? "nodes A" : "nodes B");
        TableChangeWriter writer = new TableChangeWriter(4, 3, recorder);
        List<RowWrite> rows = List.of(row(2, 1), row(2, 2), row(4, 1), row(1, 1), row(6, 1), row(3, 1), row(8, 1),
                row(10, 1), row(10, 2), row(10, 3), row(10, 4));
        assertThat(send(writer, recorder, rows)).containsExactly(
                List.of("2/1", "2/2", "4/1", "6/1"),      // three partitions, four statements: full
                List.of("10/1", "10/2", "10/3", "10/4"),  // a batch of its own
                List.of("8/1"),
                List.of("1/1", "3/1"));
    }

    @Test
    void withoutKnownReplicasOrWithOnePartitionPerBatchEachPartitionGoesAlone() {
        Recorder unknown = new Recorder(customer -> null);
        assertThat(send(new TableChangeWriter(4, 10, unknown), unknown, List.of(row(1, 1), row(2, 1), row(1, 2))))
                .containsExactly(List.of("1/1", "1/2"), List.of("2/1"));
        Recorder known = new Recorder(customer -> "nodes A");
        assertThat(send(new TableChangeWriter(4, 1, known), known, List.of(row(1, 1), row(2, 1), row(1, 2))))
                .containsExactly(List.of("1/1", "1/2"), List.of("2/1"));
    }

    @Test
    void aPartitionLargerThanABatchIsSplitAndNeverMixed() {
        Recorder recorder = new Recorder(customer -> "nodes A");
        TableChangeWriter writer = new TableChangeWriter(2, 10, recorder);
        assertThat(send(writer, recorder, List.of(row(1, 1), row(1, 2), row(1, 3), row(2, 1))))
                .containsExactly(List.of("1/1", "1/2"), List.of("1/3"), List.of("2/1"));
    }
}
