package io.cdcsuite.benchmarks;

import static io.cdcsuite.benchmarks.OrderEnvelopes.KEYSPACE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.json.JsonConverter;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;

import io.cdcsuite.benchmarks.EndToEnd.Report;
import io.cdcsuite.stack.CassandraNode;
import io.cdcsuite.stack.LocalStack;
import io.cdcsuite.stack.StackOptions;

/**
 * Throughput of the Cassandra sink against a raw driver loop writing the same rows, in one run on one private stack.
 * The records are produced before the sink starts: Debezium-style envelopes ({@code op=c}) of {@code orders} rows,
 * keyed by id, serialized by JsonConverter with schemas (the worker's converter).
 *
 * <p>Sink rate, wall: from creating the connector until its consumer group has committed every offset but the last
 * of each partition (the sink commits the offset of its last clean record, to be rewritten after a restart, never the
 * end offset; the worker commits every second) and {@code SELECT count(*)} of its table equals the rows; steady:
 * between the commits that reach 10% and 90% of the rows. Raw rate: one prepared INSERT per row through
 * {@code executeAsync}, at most {@code inFlight} outstanding, at the sink's consistency level. A warm-up of each
 * (not compared) runs first, then {@code rounds} of (raw loop, sink phases, raw loop in batches) and a last raw loop;
 * the ratio uses the fastest raw run and each sink configuration's best steady rate (every process keeps warming up).
 * Each phase also reports the CPU every process spent per row, and of it what the JIT compilers used. Every phase
 * writes a table of the same columns with compaction off (see {@link #createTable}); sink variants
 * ({@code sinkConfig=a|b}) run side by side in each round.
 *
 * <p>Run (build first: {@code ./mvnw -B -q -o -pl benchmarks -am install -DskipTests}):
 * {@code java -cp benchmarks/target/benchmarks.jar io.cdcsuite.benchmarks.SinkThroughputBenchmark rows=1000000}.
 * Arguments ({@code key=value}): see {@link #DEFAULTS}.
 */
public final class SinkThroughputBenchmark {
    static final Map<String, String> DEFAULTS = defaults();
    /** The converters the sink can be measured with, by the name the {@code converters} setting uses. */
    private static final Map<String, String> CONVERTERS = Map.of(
            "json", "org.apache.kafka.connect.json.JsonConverter",
            "caching", "io.cdcsuite.sink.cassandra.json.SchemaCachingJsonConverter");
    /** Longest wait for the servers to finish an earlier phase's background work (flushes, compactions). */
    private static final Duration QUIET_MAX = Duration.ofSeconds(60);

    private final LocalStack stack;
    private final Map<String, String> settings;
    private final Report report = new Report();

    private SinkThroughputBenchmark(LocalStack stack, Map<String, String> settings) {
        this.stack = stack;
        this.settings = settings;
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("rows", "1000000");
        defaults.put("warmupRows", "200000");     // a raw loop and a sink per converter first, not measured
        defaults.put("rounds", "1");              // raw loop, sink phases, batched raw loop: this many times
        defaults.put("inFlight", "256");          // the raw loop's outstanding requests
        defaults.put("rawBatch", "10");           // rows per unlogged batch of the batched raw loop (0: no such loop)
        defaults.put("consistency", "LOCAL_QUORUM"); // of the raw loops and the sink (the sink's default)
        defaults.put("maxPollRecords", "2000");   // the sink's consumer.override.max.poll.records (as in config/)
        defaults.put("maxPartitionFetchBytes", "1048576"); // consumer.override.max.partition.fetch.bytes
        defaults.put("twoTasks", "true");         // also tasks.max=2 on a 2-partition topic
        defaults.put("compression", "lz4");       // the topics' compression.type, as the shipped sources produce
        defaults.put("converters", "json,caching"); // the sink's converters, each measured in turn (see CONVERTERS)
        // more sink settings, key:value,key:value (e.g. batch.max.partitions:32); variants separated by '|' are
        // measured side by side, each a sink phase of its own per round ('|a:1' = as is, then with a=1)
        defaults.put("sinkConfig", "");
        return Collections.unmodifiableMap(defaults);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = EndToEnd.settings(DEFAULTS, args);
        try (LocalStack stack = LocalStack.start(new StackOptions(false, 1, true, List.of()))) {
            new SinkThroughputBenchmark(stack, settings).run();
        }
    }

    private void run() throws Exception {
        long rows = Long.parseLong(settings.get("rows"));
        long warmupRows = Long.parseLong(settings.get("warmupRows"));
        boolean twoTasks = Boolean.parseBoolean(settings.get("twoTasks"));
        String[] converters = settings.get("converters").split(",");
        String[] variants = settings.get("sinkConfig").split("\\|", -1);
        if (warmupRows > 0) {
            EndToEnd.createTopics(stack, 1, "orders.warmup");
            produce("orders.warmup", warmupRows);
        }
        EndToEnd.createTopics(stack, 1, "orders.p1");
        produce("orders.p1", rows);
        if (twoTasks) {
            EndToEnd.createTopics(stack, 2, "orders.p2");
            produce("orders.p2", rows);
        }
        try (CqlSession cql = stack.cassandra().session()) {
            cql.execute("CREATE KEYSPACE " + KEYSPACE
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            cql.execute(createTable("orders_raw"));
            if (warmupRows > 0) {
                // the first writes of a cold Cassandra and worker (JIT, caches) are several times slower
                raw(cql, warmupRows, 1, "warm-up, not compared: raw driver loop");
                for (String converter : converters) {
                    sink(cql, "orders.warmup", "orders_warm_" + converter, 1, warmupRows, converter, variants[0],
                            "warm-up, not compared: ");
                }
            }
            int rounds = Integer.parseInt(settings.get("rounds"));
            int rawBatch = Integer.parseInt(settings.get("rawBatch"));
            double rawBest = 0;
            // per converter and task count, the best steady rate of the rounds (the machine warms up over the run)
            Map<String, SinkRate> sinkBest = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                String suffix = rounds == 1 ? "" : "_r" + round;
                report.line("round %d of %d", round, rounds);
                rawBest = Math.max(rawBest, raw(cql, rows, 1, "raw driver loop"));
                for (String converter : converters) {
                    for (int v = 0; v < variants.length; v++) {
                        String variant = variants.length == 1 ? "" : "_v" + (v + 1);
                        best(sinkBest, sink(cql, "orders.p1", "orders_t1_" + converter + variant + suffix, 1, rows,
                                converter, variants[v], ""));
                        if (twoTasks) {
                            best(sinkBest, sink(cql, "orders.p2", "orders_t2_" + converter + variant + suffix, 2,
                                    rows, converter, variants[v], ""));
                        }
                    }
                }
                if (rawBatch > 1) {
                    // as the sink sends them: what Cassandra itself costs per row that way, not the goal's baseline
                    raw(cql, rows, rawBatch, "raw driver loop in unlogged batches of " + rawBatch
                            + " rows, the sink's INSERT ... USING TTL ? AND TIMESTAMP ? (not the goal's baseline)");
                }
            }
            rawBest = Math.max(rawBest, raw(cql, rows, 1, "raw driver loop (after the sink)"));
            report.line("");
            report.line("raw = the fastest raw run, %,.0f rows/s; goal sink / raw >= 0.8 (the sink's best steady rate; "
                    + "wall / raw counts the connector's start-up and the last commit as well)", rawBest);
            for (SinkRate rate : sinkBest.values()) {
                report.line("sink with %s, tasks.max=%d%s / raw: steady %.2f, wall %.2f",
                        CONVERTERS.get(rate.converter()), rate.tasks(), described(rate.variant()),
                        rate.steady() / rawBest, rate.wall() / rawBest);
            }
        }
        System.out.println("\nResults written to " + report.write("sink-throughput",
                "Cassandra sink: throughput against a raw driver loop", settings));
    }

    private void produce(String topic, long rows) throws Exception {
        JsonConverter keys = new JsonConverter();
        keys.configure(Map.of("schemas.enable", "true"), true);
        JsonConverter values = new JsonConverter();
        values.configure(Map.of("schemas.enable", "true"), false);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers());
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "1048576");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.get("compression"));
        long started = System.nanoTime();
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long id = 1; id <= rows; id++) {
                byte[] key = keys.fromConnectData(topic, OrderEnvelopes.KEY_SCHEMA, OrderEnvelopes.key(id));
                byte[] value = values.fromConnectData(topic, OrderEnvelopes.ENVELOPE_SCHEMA,
                        OrderEnvelopes.envelope(id));
                bytes += key.length + value.length;
                producer.send(new ProducerRecord<>(topic, key, value));
            }
            producer.flush();
        }
        long stored = 0;
        for (Path log : topicLogs(topic)) {
            stored += Files.size(log);
        }
        report.line("produced %,d records to %s in %.1f s (%.0f B/record, key and value JSON with schemas;"
                + " compression %s: %.0f B/record in the log)", rows, topic, EndToEnd.seconds(started),
                bytes / (double) rows, settings.get("compression"), stored / (double) rows);
    }

    /** Writes the rows into the emptied {@code orders_raw}, {@code batch} rows per request (1: one statement each). */
    private double raw(CqlSession cql, long rows, int batch, String what) throws Exception {
        cql.execute("TRUNCATE " + KEYSPACE + ".orders_raw");
        // batched, the loop writes the sink's statement: its TTL (0, none) and write timestamp bound per row
        boolean sinkStatement = batch > 1;
        PreparedStatement insert = cql.prepare("INSERT INTO " + KEYSPACE + ".orders_raw (id, customer_id, amount,"
                + " status, note, created_at, last_updated) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + (sinkStatement ? " USING TTL ? AND TIMESTAMP ?" : ""));
        int inFlight = Integer.parseInt(settings.get("inFlight"));
        ConsistencyLevel consistency = DefaultConsistencyLevel.valueOf(settings.get("consistency"));
        Semaphore permits = new Semaphore(inFlight);
        AtomicLong failures = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        Duration settled = CpuUse.awaitQuiet(stack, QUIET_MAX);
        String loadBefore = EndToEnd.load();
        CpuUse cpu = CpuUse.start(stack);
        long started = System.nanoTime();
        for (long from = 1; from <= rows; from += batch) {
            List<BatchableStatement<?>> statements = new ArrayList<>(batch);
            for (long id = from; id < from + batch && id <= rows; id++) {
                OrderEnvelopes.Order order = OrderEnvelopes.Order.of(id);
                BoundStatementBuilder row = insert.boundStatementBuilder(order.id(), order.customerId(),
                        order.amount(), order.status(), order.note(), Instant.ofEpochMilli(order.createdAt()),
                        order.lastUpdated());
                if (sinkStatement) {
                    row.setInt(7, 0).setLong(8, order.createdAt() * 1_000L);
                }
                statements.add(row.build());
            }
            Statement<?> statement = statements.size() == 1 ? (Statement<?>) statements.get(0)
                    : BatchStatement.newInstance(BatchType.UNLOGGED, statements);
            permits.acquire();
            cql.executeAsync(statement.setConsistencyLevel(consistency)).whenComplete((result, error) -> {
                if (error != null) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, error);
                }
                permits.release();
            });
        }
        permits.acquire(inFlight);
        double seconds = EndToEnd.seconds(started);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " raw inserts failed", firstFailure.get());
        }
        double rate = rows / seconds;
        report.line("%s: %,d rows in %.1f s = %,.0f rows/s (%d requests in flight); %s before (after %d s to settle), "
                + "%s after", what, rows, seconds, rate, inFlight, loadBefore, settled.toSeconds(), EndToEnd.load());
        report.line("  %s", cpu.perRow(rows));
        return rate;
    }

    /** A sink run's rows/s over the whole phase and between 10% and 90% of the rows committed. */
    private record SinkRate(String converter, int tasks, String variant, double wall, double steady) {
    }

    private static String described(String variant) {
        return variant.isBlank() ? "" : " [" + variant + "]";
    }

    /**
     * Every table of the run, the raw loop's and each sink phase's: the same columns, and no compaction. Each phase
     * writes the same rows, so the compactions would be the same work, but a compaction runs whenever enough sstables
     * exist, often in a later, longer phase (the sink's), which would then pay for an earlier phase's data.
     */
    private static String createTable(String table) {
        StringJoiner columns = new StringJoiner(", ");
        OrderEnvelopes.COLUMNS.forEach((name, type) -> columns.add(name + " " + type.asCql(false, true)
                + (name.equals("id") ? " PRIMARY KEY" : "")));
        return "CREATE TABLE " + KEYSPACE + "." + table + " (" + columns + ")"
                + " WITH compaction = {'class': 'SizeTieredCompactionStrategy', 'enabled': 'false'}";
    }

    private static void best(Map<String, SinkRate> best, SinkRate rate) {
        best.merge(rate.converter() + "/" + rate.tasks() + "/" + rate.variant(), rate,
                (a, b) -> a.steady() >= b.steady() ? a : b);
    }

    private SinkRate sink(CqlSession cql, String topic, String table, int tasks, long rows, String converter,
                          String variant, String label) throws Exception {
        String name = "bench-sink-" + table.replace('_', '-');
        String converterClass = CONVERTERS.get(converter);
        if (converterClass == null) {
            throw new IllegalArgumentException("unknown converter " + converter + "; known: " + CONVERTERS.keySet());
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "io.cdcsuite.sink.cassandra.CassandraSinkConnector");
        config.put("tasks.max", Integer.toString(tasks));
        config.put("topics", topic);
        config.put("contact.points", stack.cassandra().contactPoint());
        config.put("local.datacenter", CassandraNode.LOCAL_DATACENTER);
        config.put("table.mapping", topic + ":" + KEYSPACE + "." + table);
        config.put("auto.create", "true");
        config.put("keyspace.replication", "class=SimpleStrategy,replication_factor=1");
        config.put("consistency.level", settings.get("consistency"));
        config.put("consumer.override.max.poll.records", settings.get("maxPollRecords"));
        config.put("consumer.override.max.partition.fetch.bytes", settings.get("maxPartitionFetchBytes"));
        for (String side : List.of("key", "value")) {
            config.put(side + ".converter", converterClass);
            config.put(side + ".converter.schemas.enable", "true");
        }
        config.put("value.converter.replace.null.with.default", "false");
        EndToEnd.putAll(config, variant);
        cql.execute(createTable(table)); // as the sink would create it, but without compaction
        Map<TopicPartition, Long> end = EndToEnd.endOffsets(stack, topic);
        cacheTopic(topic);
        Duration settled = CpuUse.awaitQuiet(stack, QUIET_MAX);
        long kafkaDiskReads = diskReadBytes(stack.kafka().process().pid());
        String loadBefore = EndToEnd.load();
        CommitProgress progress = new CommitProgress(rows);
        CpuUse cpu = CpuUse.start(stack);
        long started = System.nanoTime();
        stack.connect().rest().putConnectorConfig(name, config);
        // the sink commits the offset of its last clean record (resume there; rewriting it is idempotent), never
        // the end: wait for end - 1 on every partition, then for the last rows to be visible
        stack.connect().rest().awaitRunning(name, tasks, Duration.ofSeconds(60));
        EndToEnd.awaitCommittedNear(stack, name, end, 1, progress::sample, () -> true);
        String cpuPerRow = cpu.perRow(rows); // before count(*), which reads the whole table
        kafkaDiskReads = diskReadBytes(stack.kafka().process().pid()) - kafkaDiskReads;
        SimpleStatement count = SimpleStatement.newInstance("SELECT count(*) FROM " + KEYSPACE + "." + table)
                .setTimeout(Duration.ofMinutes(2));
        EndToEnd.await(table + " to hold " + rows + " rows", Duration.ofMillis(250),
                () -> cql.execute(count).one().getLong(0) >= rows);
        double seconds = EndToEnd.seconds(started);
        String loadAfter = EndToEnd.load();
        stack.connect().rest().deleteConnector(name);
        SinkRate rate = new SinkRate(converter, tasks, variant, rows / seconds, progress.steadyRate());
        report.line("%ssink with %s, tasks.max=%d, %d partition(s)%s: %,d rows in %.1f s = %,.0f rows/s wall, "
                        + "%,.0f rows/s steady; %s before (after %d s to settle), %s after", label, converterClass,
                tasks, end.size(), described(variant), rows, seconds, rate.wall(), rate.steady(), loadBefore,
                settled.toSeconds(), loadAfter);
        report.line("  %s; Kafka read %,.0f MB from disk", cpuPerRow, kafkaDiskReads / 1e6);
        return rate;
    }

    /**
     * Reads the topic's log files, so that the sink phase finds them in the page cache as a sink reading recent
     * records does: the first phase to read a topic after the OS dropped it from the cache read it from disk and was a
     * third slower than the next phase on the same topic (and the raw loop reads nothing from Kafka).
     */
    private void cacheTopic(String topic) throws IOException {
        for (Path log : topicLogs(topic)) {
            try (InputStream in = Files.newInputStream(log)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    /** The topic's log segment files, all partitions. */
    private List<Path> topicLogs(String topic) throws IOException {
        Pattern partitionDir = Pattern.compile(Pattern.quote(topic) + "-\\d+");
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(stack.kafka().dataDir())) {
            for (Path dir : dirs.filter(d -> partitionDir.matcher(d.getFileName().toString()).matches()).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".log")).forEach(logs::add);
                }
            }
        }
        return logs;
    }

    /** Bytes the process has read from storage ({@code /proc/<pid>/io}), page cache hits not counted. */
    private static long diskReadBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
            if (line.startsWith("read_bytes:")) {
                return Long.parseLong(line.substring("read_bytes:".length()).trim());
            }
        }
        throw new IOException("no read_bytes in /proc/" + pid + "/io");
    }
}
