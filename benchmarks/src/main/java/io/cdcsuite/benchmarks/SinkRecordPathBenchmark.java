package io.cdcsuite.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.record.TimestampType;

import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.apache.kafka.connect.storage.Converter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.json.SchemaCachingJsonConverter;
import io.cdcsuite.sink.cassandra.mapping.NormalizedRecord;
import io.cdcsuite.sink.cassandra.mapping.RecordMapper;
import io.cdcsuite.sink.cassandra.mapping.RowChange;
import io.cdcsuite.sink.cassandra.mapping.TableRouter;
import io.cdcsuite.sink.cassandra.metrics.SinkMetrics;
import io.cdcsuite.sink.cassandra.schema.CassandraCatalog;
import io.cdcsuite.sink.cassandra.schema.SchemaManager;
import io.cdcsuite.sink.cassandra.write.AsyncWriter;
import io.cdcsuite.sink.cassandra.write.DeadLetterRouter;
import io.cdcsuite.sink.cassandra.write.RecordPosition;
import io.cdcsuite.sink.cassandra.write.RowConverter;
import io.cdcsuite.sink.cassandra.write.RowWrite;
import io.cdcsuite.sink.cassandra.write.SinkProcessor;
import io.cdcsuite.sink.cassandra.write.TableChangeWriter;
import io.cdcsuite.sink.cassandra.write.WriteTimestampPolicy;

/**
 * ns/record of the Cassandra sink's work in the worker before a row reaches the driver, on the records
 * {@link SinkThroughputBenchmark} sends (Debezium MySQL inserts of {@code orders}, JSON with schemas): reading key
 * and value with the sink's {@link SchemaCachingJsonConverter} against Kafka's {@link JsonConverter} (the
 * baseline), mapping a read record to the row write for its table (the sink's {@link RecordMapper} and
 * {@link RowConverter}, configured as that benchmark configures the connector), and a whole {@code put()} of
 * {@value #BATCH} read records (the task's {@link SinkProcessor}: also write timestamps, offset tracking, coalescing,
 * planning units and the writer thread's hand-offs), with an executor that acknowledges every unit at once instead of
 * the driver. Each put() is drained before the next, so the writer thread's work counts too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SinkRecordPathBenchmark {
    /** Distinct records, so that no single record's memory layout decides. */
    private static final int RECORDS = 1024;
    /** Records per put(), as the shipped configurations poll them ({@code max.poll.records}). */
    private static final int BATCH = 2000;
    private static final String TOPIC = "orders";
    private static final TableId TABLE = new TableId(OrderEnvelopes.KEYSPACE, "orders");

    private final byte[][] keys = new byte[RECORDS][];
    private final byte[][] values = new byte[RECORDS][];
    private final SinkRecord[] records = new SinkRecord[RECORDS];
    private final JsonConverter jsonKeys = converter(new JsonConverter(), true);
    private final JsonConverter jsonValues = converter(new JsonConverter(), false);
    private final SchemaCachingJsonConverter cachingKeys = converter(new SchemaCachingJsonConverter(), true);
    private final SchemaCachingJsonConverter cachingValues = converter(new SchemaCachingJsonConverter(), false);
    private RecordMapper mapper;
    private RowConverter rowConverter;
    private TableLayout layout;
    private int next;
    private SinkProcessor processor;
    private AsyncWriter writer;
    private SinkMetrics metrics;
    private long offset;

    private static <C extends Converter> C converter(C converter, boolean isKey) {
        converter.configure(Map.of("schemas.enable", "true", "replace.null.with.default", "false"), isKey);
        return converter;
    }

    @Setup
    public void prepare() {
        JsonConverter json = converter(new JsonConverter(), false);
        for (int i = 0; i < RECORDS; i++) {
            long id = i + 1;
            keys[i] = json.fromConnectData(TOPIC, OrderEnvelopes.KEY_SCHEMA, OrderEnvelopes.key(id));
            values[i] = json.fromConnectData(TOPIC, OrderEnvelopes.ENVELOPE_SCHEMA, OrderEnvelopes.envelope(id));
            SchemaAndValue key = cachingKeys.toConnectData(TOPIC, keys[i]);
            SchemaAndValue value = cachingValues.toConnectData(TOPIC, values[i]);
            records[i] = new SinkRecord(TOPIC, 0, key.schema(), key.value(), value.schema(), value.value(), i,
                    1_790_000_000_000L + i, TimestampType.CREATE_TIME);
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("name", "bench-sink");
        props.put("contact.points", "127.0.0.1");
        props.put("local.datacenter", "datacenter1");
        props.put("table.mapping", TOPIC + ":" + TABLE);
        CassandraSinkConfig config = new CassandraSinkConfig(props);
        mapper = new RecordMapper(new TableRouter(config.tableMappings(), config.tableNameTemplate()),
                config.columnMappings(), config.deleteMarkers(), config.ttlField());
        rowConverter = new RowConverter(config.nullHandling(), config.unmappedFields(), config::ttlSeconds);
        layout = new TableLayout(TABLE, OrderEnvelopes.COLUMNS, List.of("id"), List.of());
        metrics = new SinkMetrics("bench-sink", "0");
        writer = new AsyncWriter("bench-sink-writer", config.maxInflightRequests(), config.retryBackoffInitialMs(),
                config.retryBackoffMaxMs(), config.retryTimeoutMs(), metrics);
        SchemaManager schemas = new SchemaManager(new FixedCatalog(layout), config.autoCreate(), config.autoEvolve(),
                config.keyspaceReplication());
        TableChangeWriter tables = new TableChangeWriter(config.batchMaxStatements(), config.batchMaxPartitions(),
                rows -> CompletableFuture.completedFuture(null));
        processor = new SinkProcessor(mapper, schemas, rowConverter,
                new WriteTimestampPolicy(config.writeTimestampSource()), List.of(tables), writer,
                new DeadLetterRouter(null, false), metrics, new QuietContext(), config.retryBackoffInitialMs(), true);
    }

    @TearDown
    public void close() {
        processor.close(10_000);
        writer.close();
        metrics.close();
    }

    private int nextIndex() {
        int index = next;
        next = (next + 1) & (RECORDS - 1);
        return index;
    }

    @Benchmark
    public Object readJsonConverter() {
        int i = nextIndex();
        return List.of(jsonKeys.toConnectData(TOPIC, keys[i]), jsonValues.toConnectData(TOPIC, values[i]));
    }

    @Benchmark
    public Object readSchemaCaching() {
        int i = nextIndex();
        return List.of(cachingKeys.toConnectData(TOPIC, keys[i]), cachingValues.toConnectData(TOPIC, values[i]));
    }

    @Benchmark
    public RowWrite mapAndConvert() {
        SinkRecord record = records[nextIndex()];
        RowChange change = mapper.map(NormalizedRecord.of(record));
        return rowConverter.convert(change, layout, record.timestamp() * 1_000L,
                new RecordPosition(record, true, false));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object put() {
        // every put() carries new offsets, or the processor would skip its records as redelivered
        List<SinkRecord> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            SinkRecord record = records[nextIndex()];
            batch.add(new SinkRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                    record.valueSchema(), record.value(), offset++, record.timestamp(), record.timestampType()));
        }
        processor.put(batch);
        if (!processor.drain(10_000)) {
            throw new IllegalStateException("the writer did not finish a put() in 10 s");
        }
        // as the worker's offset commits do: the processor then forgets the records written
        return processor.committableOffsets();
    }

    /** The one table, as it exists in Cassandra; no schema changes. */
    private record FixedCatalog(TableLayout layout) implements CassandraCatalog {
        @Override
        public Optional<TableLayout> table(TableId table) {
            return table.equals(layout.table()) ? Optional.of(layout) : Optional.empty();
        }

        @Override
        public boolean keyspaceExists(String keyspace) {
            return keyspace.equals(layout.table().keyspace());
        }

        @Override
        public void execute(String ddl) {
            throw new UnsupportedOperationException("no schema changes in this benchmark: " + ddl);
        }

        @Override
        public void awaitQueryable(TableId table) {
        }
    }

    /** A task context of one partition that is never paused (the executor keeps up with anything). */
    private static final class QuietContext implements SinkTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void offset(TopicPartition partition, long offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void timeout(long timeoutMs) {
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of(new TopicPartition(TOPIC, 0));
        }

        @Override
        public void pause(TopicPartition... partitions) {
        }

        @Override
        public void resume(TopicPartition... partitions) {
        }

        @Override
        public void requestCommit() {
        }

        @Override
        public PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException("the sink registers no plugin metrics");
        }
    }
}
