package io.cdcsuite.sink.cassandra.write;

import static io.cdcsuite.sink.cassandra.TestRecords.delete;
import static io.cdcsuite.sink.cassandra.TestRecords.tombstone;
import static io.cdcsuite.sink.cassandra.TestRecords.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.mapping.DeleteMarkers;
import io.cdcsuite.sink.cassandra.TestRecords;
import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig.NullHandling;
import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig.TimestampSource;
import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig.UnmappedFields;
import io.cdcsuite.sink.cassandra.config.ColumnMappings;
import io.cdcsuite.sink.cassandra.config.ReplicationSettings;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.mapping.RecordMapper;
import io.cdcsuite.sink.cassandra.mapping.RowChange;
import io.cdcsuite.sink.cassandra.mapping.TableNameTemplate;
import io.cdcsuite.sink.cassandra.mapping.TableRouter;
import io.cdcsuite.sink.cassandra.metrics.SinkMetrics;
import io.cdcsuite.sink.cassandra.schema.CassandraCatalog;
import io.cdcsuite.sink.cassandra.schema.FakeCatalog;
import io.cdcsuite.sink.cassandra.schema.SchemaManager;

class SinkProcessorTest {
    private static final TableId ORDERS = new TableId("shop", "orders");
    private static final TopicPartition P0 = new TopicPartition(TestRecords.TOPIC, 0);

    /** Cassandra as the executor sees it: every request is answered by {@code answer}. */
    private final List<List<RowWrite>> sent = new CopyOnWriteArrayList<>();
    private volatile Supplier<CompletionStage<?>> answer = () -> CompletableFuture.completedFuture(null);
    private final FakeContext context = new FakeContext();
    private AsyncWriter writer;
    private SinkMetrics metrics;

    private static final class FakeContext implements SinkTaskContext {
        final Set<TopicPartition> paused = new HashSet<>();
        final List<SinkRecord> reported = new ArrayList<>();
        final List<Throwable> reasons = new ArrayList<>();
        long timeout = -1;

        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            throw new UnsupportedOperationException("the sink never rewinds");
        }

        @Override
        public void offset(TopicPartition partition, long offset) {
            throw new UnsupportedOperationException("the sink never rewinds");
        }

        @Override
        public void timeout(long timeoutMs) {
            timeout = timeoutMs;
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of(P0);
        }

        @Override
        public void pause(TopicPartition... partitions) {
            paused.addAll(List.of(partitions));
        }

        @Override
        public void resume(TopicPartition... partitions) {
            List.of(partitions).forEach(paused::remove);
        }

        @Override
        public void requestCommit() {
        }

        @Override
        public ErrantRecordReporter errantRecordReporter() {
            return (record, error) -> {
                reported.add(record);
                reasons.add(error);
                return CompletableFuture.completedFuture(null);
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException();
        }
    }

    private static TableLayout orders() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("id", DataTypes.INT);
        columns.put("customer", DataTypes.TEXT);
        columns.put("amount", DataTypes.DECIMAL);
        columns.put("note", DataTypes.TEXT);
        return new TableLayout(ORDERS, columns, List.of("id"), List.of());
    }

    private SinkProcessor processor(CassandraCatalog catalog, boolean tolerateAll, int maxInFlight) {
        return processor(catalog, tolerateAll, maxInFlight, List.of());
    }

    private SinkProcessor processor(CassandraCatalog catalog, boolean tolerateAll, int maxInFlight,
                                    List<ChangeWriter> derived) {
        metrics = new SinkMetrics("test", "0");
        writer = new AsyncWriter("test-writer", maxInFlight, 1, 5, -1, metrics);
        RecordMapper mapper = new RecordMapper(new TableRouter(Map.of(), TableNameTemplate.parse("${db}.${table}")),
                ColumnMappings.parse("column.mapping", List.of()), DeleteMarkers.marker("__deleted"), null);
        SchemaManager schemas = new SchemaManager(catalog, false, false,
                ReplicationSettings.parse("r", List.of("class=SimpleStrategy", "replication_factor=1")));
        RowConverter converter = new RowConverter(NullHandling.WRITE, UnmappedFields.FAIL, table -> 0);
        TableChangeWriter tables = new TableChangeWriter(16, 1, rows -> {
            sent.add(rows);
            return answer.get();
        });
        List<ChangeWriter> writers = new ArrayList<>(List.of(tables));
        writers.addAll(derived);
        return new SinkProcessor(mapper, schemas, converter, new WriteTimestampPolicy(TimestampSource.EVENT),
                writers, writer, new DeadLetterRouter(context.errantRecordReporter(), tolerateAll), metrics,
                context, 100, true);
    }

    private SinkProcessor processor() {
        return processor(new FakeCatalog().with(orders()), true, 8);
    }

    @AfterEach
    void close() {
        if (writer != null) {
            writer.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> awaitCommit(SinkProcessor processor, long offset)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        Map<TopicPartition, OffsetAndMetadata> committable;
        while (!(committable = processor.committableOffsets()).equals(Map.of(P0, new OffsetAndMetadata(offset)))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected commit at " + offset + " but got " + committable);
            }
            Thread.sleep(2);
        }
        return committable;
    }

    /** put() returns once the writes are queued; they start on the writer thread. */
    private static void awaitSize(List<?> started, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (started.size() < size) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + size + " started but got " + started.size());
            }
            Thread.sleep(2);
        }
    }

    private List<RowWrite> sentRows() {
        List<RowWrite> rows = new ArrayList<>();
        sent.forEach(rows::addAll);
        return rows;
    }

    @Test
    void debeziumEventsBecomeTimestampedUpsertsAndDeletesCoalescedPerKey() throws Exception {
        SinkProcessor processor = processor();
        processor.put(List.of(
                upsert(0, 1, "10.00", 1_000),
                upsert(1, 2, "20.00", 1_000),
                upsert(2, 1, "2193.60", 1_000), // same millisecond: must still win over offset 0
                delete(3, 2, 1_001),
                tombstone(4, 2),                  // redundant after the delete: no write
                upsert(5, 2, "5.00", 1_001)));    // re-insert after the delete
        // offsets 4 (a tombstone) and 5 (clock tied with 3) are not clean: a restart resumes at 3
        awaitCommit(processor, 3);
        List<RowWrite> rows = sentRows();
        assertThat(rows).extracting(RowWrite::kind, RowWrite::primaryKey, RowWrite::timestamp).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RowChange.Kind.UPSERT, List.of(1), 1_000_002L),
                org.assertj.core.groups.Tuple.tuple(RowChange.Kind.DELETE, List.of(2), 1_001_000L),
                org.assertj.core.groups.Tuple.tuple(RowChange.Kind.UPSERT, List.of(2), 1_001_002L));
        assertThat(rows.get(0).values().get("amount")).isEqualTo(new BigDecimal("2193.60"));
        assertThat(rows.get(0).positions()).extracting(RecordPosition::offset).containsExactly(0L, 2L);
        assertThat(rows.get(1).positions()).extracting(RecordPosition::offset).containsExactly(1L, 3L);
        assertThat(sent).as("the delete and the re-insert of key 2 go in one partition batch").hasSize(2);
        assertThat(metrics.table(ORDERS).getRowsWritten()).isEqualTo(2);
        assertThat(metrics.table(ORDERS).getRowsDeleted()).isEqualTo(1);
    }

    @Test
    void offsetsAreCommittedOnlyForAcknowledgedWrites() throws Exception {
        List<CompletableFuture<Void>> requests = new CopyOnWriteArrayList<>();
        answer = () -> {
            CompletableFuture<Void> request = new CompletableFuture<>();
            requests.add(request);
            return request;
        };
        SinkProcessor processor = processor();
        processor.put(List.of(upsert(10, 1, "1.00", 1_000), upsert(11, 2, "1.00", 2_000), upsert(12, 3, "1.00", 3_000)));
        awaitSize(requests, 3);
        assertThat(processor.committableOffsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
        requests.get(1).complete(null);
        requests.get(2).complete(null);
        Thread.sleep(50);
        assertThat(processor.committableOffsets()).as("10 is unacknowledged").isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
        requests.get(0).complete(null);
        awaitCommit(processor, 12);
    }

    @Test
    void redeliveredRecordsAreNotWrittenTwice() throws Exception {
        SinkProcessor processor = processor();
        List<SinkRecord> batch = List.of(upsert(0, 1, "1.00", 1_000), upsert(1, 2, "1.00", 1_000));
        processor.put(batch);
        processor.put(batch);
        awaitCommit(processor, 0);
        Thread.sleep(20);
        assertThat(sentRows()).hasSize(2);
        processor.reset(List.of(P0));
        processor.put(batch);
        Thread.sleep(20);
        assertThat(sentRows()).as("after a rebalance the partition starts over").hasSize(4);
        assertThat(sentRows().get(2).timestamp()).as("same timestamps as the first time").isEqualTo(sentRows().get(0).timestamp());
    }

    @Test
    void unwritableRecordsGoToTheDeadLetterQueueAndStillCommit() throws Exception {
        SinkRecord badAmount = TestRecords.record(0, 1, TestRecords.key(2), TestRecords.envelope("c", null,
                TestRecords.row(2, "bob", "1.50", null), 1_000));
        // a pre-created table where amount is an int: 1.00 cannot be written exactly
        TableLayout intAmount = new TableLayout(ORDERS, Map.of("id", DataTypes.INT, "customer", DataTypes.TEXT,
                "amount", DataTypes.INT, "note", DataTypes.TEXT), List.of("id"), List.of());
        SinkProcessor processor = processor(new FakeCatalog().with(intAmount), true, 8);
        processor.put(List.of(badAmount, upsert(2, 3, null, 1_001)));
        awaitCommit(processor, 2);
        assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(1L);
        assertThat(context.reasons.get(0)).hasMessageContaining("topic=demo.shop.orders partition=0 offset=1")
                .hasMessageContaining("column 'amount'");
        assertThat(metrics.table(ORDERS).getRecordsFailed()).isEqualTo(1);
    }

    @Test
    void withoutToleranceTheTaskFailsNamingTopicPartitionOffsetAndColumn() {
        TableLayout intAmount = new TableLayout(ORDERS, Map.of("id", DataTypes.INT, "customer", DataTypes.TEXT,
                "amount", DataTypes.INT, "note", DataTypes.TEXT), List.of("id"), List.of());
        SinkProcessor processor = processor(new FakeCatalog().with(intAmount), false, 8);
        assertThatThrownBy(() -> processor.put(List.of(upsert(7, 1, "1.50", 1_000))))
                .isInstanceOf(ConnectException.class)
                .hasMessageStartingWith("Cannot write record topic=demo.shop.orders partition=0 offset=7: column 'amount': "
                        + "cannot write org.apache.kafka.connect.data.Decimal value '1.50' to a int column");
    }

    @Test
    void writesCassandraRejectsAreSplitAndDeadLettered() throws Exception {
        answer = () -> CompletableFuture.failedFuture(new InvalidQueryException(null, "Batch too large"));
        SinkProcessor processor = processor();
        processor.put(List.of(upsert(0, 1, "1.00", 1_000), delete(1, 1, 1_001), upsert(2, 1, "2.00", 1_002)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (context.reported.size() < 3 && System.nanoTime() < deadline) {
            processor.put(List.of()); // failures are dead-lettered on the task thread, in put()
            Thread.sleep(5);
        }
        assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactlyInAnyOrder(0L, 1L, 2L);
        awaitCommit(processor, 2);
    }

    @Test
    void cassandraDownDuringSchemaReadHandsTheBatchBackUntouched() throws Exception {
        FakeCatalog real = new FakeCatalog().with(orders());
        boolean[] down = {true};
        CassandraCatalog flaky = new CassandraCatalog() {
            @Override
            public java.util.Optional<TableLayout> table(TableId table) {
                if (down[0]) {
                    throw new NoNodeAvailableException();
                }
                return real.table(table);
            }

            @Override
            public boolean keyspaceExists(String keyspace) {
                return real.keyspaceExists(keyspace);
            }

            @Override
            public void execute(String ddl) {
                real.execute(ddl);
            }

            @Override
            public void awaitQueryable(TableId table) {
                real.awaitQueryable(table);
            }
        };
        SinkProcessor processor = processor(flaky, true, 8);
        List<SinkRecord> batch = List.of(upsert(0, 1, "1.00", 1_000));
        assertThatThrownBy(() -> processor.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(context.timeout).isEqualTo(100);
        assertThat(processor.committableOffsets()).isEmpty();
        down[0] = false;
        processor.put(batch); // the framework redelivers the same batch
        awaitSize(sent, 1);
        awaitCommit(processor, 0);
        assertThat(sentRows()).hasSize(1);
    }

    @Test
    void anOutageWithoutDataLossPausesThenResumes() throws Exception {
        List<CompletableFuture<Void>> requests = new CopyOnWriteArrayList<>();
        boolean[] down = {true};
        answer = () -> {
            if (down[0]) {
                return CompletableFuture.failedFuture(new NoNodeAvailableException());
            }
            CompletableFuture<Void> ok = CompletableFuture.completedFuture(null);
            requests.add(ok);
            return ok;
        };
        SinkProcessor processor = processor(new FakeCatalog().with(orders()), true, 1);
        processor.put(List.of(upsert(0, 1, "1.00", 1_000), upsert(1, 2, "1.00", 1_001), upsert(2, 3, "1.00", 1_002)));
        assertThat(context.paused).as("the writer cannot start its units").containsExactly(P0);
        assertThat(context.timeout).isEqualTo(SinkProcessor.PAUSED_POLL_MILLIS);
        assertThat(processor.committableOffsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(0)));
        down[0] = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!context.paused.isEmpty() && System.nanoTime() < deadline) {
            processor.put(List.of());
        }
        assertThat(context.paused).isEmpty();
        awaitCommit(processor, 2);
        assertThat(requests).hasSize(3);
        assertThat(context.reported).isEmpty();
        assertThat(metrics.table(ORDERS).getRetries()).isPositive();
    }

    /** A derived-table writer that has room for another batch only when told, and notes what happens to it. */
    private static final class BusyWriter implements ChangeWriter {
        volatile boolean room;
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public List<WriteUnit> plan(WriteBatch batch) {
            events.add("plan " + batch.changes().size());
            return List.of();
        }

        @Override
        public boolean awaitCapacity(long timeoutMillis) {
            return room;
        }

        @Override
        public void partitionsChanged() {
            events.add("partitions changed");
        }

        @Override
        public void close() {
            events.add("close");
        }
    }

    @Test
    void aChangeWriterWithoutRoomPausesConsumptionUntilItHasRoom() throws Exception {
        answer = () -> CompletableFuture.completedFuture(null);
        BusyWriter busy = new BusyWriter();
        SinkProcessor processor = processor(new FakeCatalog().with(orders()), true, 8, List.of(busy));

        processor.put(List.of(upsert(0, 1, "1.00", 1_000)));
        assertThat(context.paused).as("no room for another batch").containsExactly(P0);
        assertThat(context.timeout).isEqualTo(SinkProcessor.PAUSED_POLL_MILLIS);

        busy.room = true;
        processor.put(List.of());
        assertThat(context.paused).isEmpty();

        processor.reset(List.of(P0));
        processor.close(1_000);
        assertThat(busy.events).containsExactly("plan 1", "plan 0", "partitions changed", "close");
    }

    @Test
    void recordsInNoTableAndTruncatesAreDeadLetteredOrSkipped() throws Exception {
        SinkProcessor processor = processor();
        SinkRecord otherTable = new SinkRecord("demo.shop.missing", 0, null, Map.of("id", 1L), null, Map.of("id", 1L), 0,
                5L, org.apache.kafka.common.record.TimestampType.CREATE_TIME);
        SinkRecord truncate = TestRecords.record(0, 0, null, TestRecords.envelope("t", null, null, 1));
        processor.put(List.of(otherTable, truncate));
        assertThat(context.reported).containsExactly(otherTable);
        assertThat(context.reasons.get(0)).hasMessageContaining("table shop.missing does not exist");
        assertThat(processor.committableOffsets()).isEqualTo(Map.of(P0, new OffsetAndMetadata(0),
                new TopicPartition("demo.shop.missing", 0), new OffsetAndMetadata(0)));
        assertThat(sent).isEmpty();
    }

    @Test
    void everyRecordIsTrackedEvenWithoutAWrite() throws Exception {
        SinkProcessor processor = processor();
        processor.put(List.of(delete(0, 1, 1_000), tombstone(1, 1), TestRecords.record(0, 2, null,
                TestRecords.envelope("m", null, null, 1_002))));
        awaitCommit(processor, 2);
        assertThat(sentRows()).hasSize(1);
    }
}
