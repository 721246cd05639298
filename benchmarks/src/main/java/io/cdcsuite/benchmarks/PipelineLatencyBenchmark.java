package io.cdcsuite.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cdcsuite.benchmarks.EndToEnd.Report;
import io.cdcsuite.stack.ConnectRestClient;
import io.cdcsuite.stack.LocalStack;
import io.cdcsuite.stack.StackOptions;

/**
 * End-to-end latency, MySQL commit to row visible in Cassandra, of both capture paths at once, fed by one steady
 * workload on a private stack (MySQL, Kafka, one Connect worker, Cassandra):
 * <ul>
 * <li><b>binlog</b>: Debezium MySQL 3.6.1 ({@code config/connectors/10-debezium-mysql-demo.json}) to topic
 * {@code dbz.bench.pings}, the Cassandra sink ({@code 30-cassandra-sink-demo.json}) to keyspace {@code bench};</li>
 * <li><b>timestamp</b>: the timestamp source ({@code 20-timestamp-mysql-demo.json} with this run's
 * {@code poll.interval.ms} and {@code commit.lag.ms}) to {@code ts.bench.pings}, the sink
 * ({@code 40-cassandra-polling-demo.json}) to keyspace {@code bench_polling}.</li>
 * </ul>
 * The workload: {@code rate} autocommit {@code UPDATE bench.pings SET seq = ? WHERE id = ?} per second, seq
 * increasing, id = seq % ids, each stamped when executeUpdate returns. A {@link VisibilityProbe} per keyspace stamps
 * when each seq became visible (an upper bound, late by at most its stated resolution). Latency = visible - commit,
 * for the updates after the warm-up. The topics keep the broker's append time ({@code LogAppendTime}), which splits
 * it into capture (commit to Kafka) and delivery (Kafka to visible).
 *
 * <p>Run (build first: {@code ./mvnw -B -q -o -pl benchmarks -am install -DskipTests}):
 * {@code java -cp benchmarks/target/benchmarks.jar io.cdcsuite.benchmarks.PipelineLatencyBenchmark [seconds=60]}.
 * Arguments ({@code key=value}): see {@link #DEFAULTS}.
 */
public final class PipelineLatencyBenchmark {
    static final Map<String, String> DEFAULTS = defaults();
    private static final String DATABASE = "bench";
    private static final CapturePath BINLOG = new CapturePath("binlog path: Debezium MySQL 3.6.1 -> Cassandra sink",
            "bench-debezium", "dbz", "bench-sink-binlog", "bench");
    private static final CapturePath TIMESTAMP = new CapturePath("timestamp path: timestamp source -> Cassandra sink",
            "bench-timestamp", "ts", "bench-sink-polling", "bench_polling");
    private static final long BINLOG_GOAL_MS = 1_000;
    private static final long TIMESTAMP_GOAL_OVER_POLLING_MS = 1_000;
    private static final Duration CONNECTOR_START = Duration.ofMinutes(2);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WAIT_POLL = Duration.ofMillis(250);
    private static final int INSERT_ROWS = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final Map<String, String> settings;
    private final Report report = new Report();
    private final int ids;
    private final int rate;
    /** Per seq, the nanoTime at which its UPDATE returned; 0 for the inserted rows' seqs (below ids). */
    private final long[] committedAt;
    // one reading of both clocks: puts nanoTime stamps on the wall clock of the broker's append times
    private final long anchorMillis = System.currentTimeMillis();
    private final long anchorNanos = System.nanoTime();

    /** One capture path: its source connector and topic prefix, its sink and the keyspace that sink writes. */
    private record CapturePath(String title, String source, String topicPrefix, String sink, String keyspace) {
        String topic() {
            return topicPrefix + "." + DATABASE + ".pings";
        }
    }

    /** Updates {@code firstSeq} up to (excluding) {@code firstSeq + count}, and how closely they kept the rate. */
    private record Writes(long firstSeq, int count, double seconds, double maxBehindMillis) {
        long endSeq() {
            return firstSeq + count;
        }
    }

    private PipelineLatencyBenchmark(LocalStack stack, Map<String, String> settings) {
        this.stack = stack;
        this.settings = settings;
        this.ids = setting("ids");
        this.rate = setting("rate");
        if (ids < 1 || rate < 1 || setting("probeMs") < 1) {
            throw new IllegalArgumentException("ids, rate and probeMs must be at least 1: " + settings);
        }
        this.committedAt = new long[Math.addExact(ids,
                Math.multiplyExact(rate, Math.addExact(setting("warmupSeconds"), setting("seconds"))))];
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("ids", "500");              // rows of bench.pings: each is updated every ids / rate seconds
        defaults.put("rate", "200");             // autocommit UPDATEs per second
        defaults.put("warmupSeconds", "20");     // the same workload first, not measured
        defaults.put("seconds", "60");
        defaults.put("pollIntervalMs", "500");   // the timestamp source's poll.interval.ms
        defaults.put("commitLagMs", "0");        // its commit.lag.ms; production keeps 2000, which adds one for one
        defaults.put("probeMs", "20");           // how often each keyspace is read
        return Collections.unmodifiableMap(defaults);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = EndToEnd.settings(DEFAULTS, args);
        try (LocalStack stack = LocalStack.start(StackOptions.defaults().withReuse(false))) {
            new PipelineLatencyBenchmark(stack, settings).run();
        }
    }

    private int setting(String key) {
        return Integer.parseInt(settings.get(key));
    }

    private void run() throws Exception {
        int warmupWrites = Math.multiplyExact(rate, setting("warmupSeconds"));
        int measuredWrites = Math.multiplyExact(rate, setting("seconds"));
        Map<String, String> timestampSource = timestampSource();
        ConnectRestClient connect = stack.connect().rest();
        try (Connection mysql = stack.mysql().connect(null); CqlSession cql = stack.cassandra().session()) {
            createTable(mysql);
            EndToEnd.createTopics(stack, 1, BINLOG.topic(), TIMESTAMP.topic());
            connect.putConnectorConfig(BINLOG.source(), debezium());
            connect.putConnectorConfig(TIMESTAMP.source(), timestampSource);
            connect.putConnectorConfig(BINLOG.sink(), sink("30-cassandra-sink-demo.json", BINLOG));
            connect.putConnectorConfig(TIMESTAMP.sink(), sink("40-cassandra-polling-demo.json", TIMESTAMP));
            Duration probeInterval = Duration.ofMillis(setting("probeMs"));
            VisibilityProbe binlog = new VisibilityProbe(cql, BINLOG.keyspace(), ids, committedAt.length,
                    probeInterval);
            VisibilityProbe timestamp = new VisibilityProbe(cql, TIMESTAMP.keyspace(), ids, committedAt.length,
                    probeInterval);
            List<VisibilityProbe> probes = List.of(binlog, timestamp);
            Writes measured;
            long binlogStart;
            long timestampStart;
            String loadBefore;
            try (binlog; timestamp; PreparedStatement update = mysql.prepareStatement(
                    "UPDATE " + DATABASE + ".pings SET seq = ? WHERE id = ?")) {
                EndToEnd.await("every row of both snapshots in Cassandra", WAIT_POLL,
                        () -> healthy(probes) && binlog.rowsSeen() == ids && timestamp.rowsSeen() == ids);
                describe(timestampSource);
                Writes warmup = write(update, ids, warmupWrites);
                report.line("Warm-up: %,d updates in %.1f s (not measured)", warmup.count(), warmup.seconds());
                binlogStart = endOffset(BINLOG.topic());
                timestampStart = endOffset(TIMESTAMP.topic());
                loadBefore = EndToEnd.load();
                measured = write(update, warmup.endSeq(), measuredWrites);
                awaitVisible(probes, measured);
            }
            // the probes have stopped: their statistics are final
            report.line("Measured: %,d updates in %.1f s = %,.1f/s (asked %d/s; an UPDATE returned at most %.0f ms "
                            + "after it was due); %s before, %s after", measured.count(), measured.seconds(),
                    measured.count() / measured.seconds(), rate, measured.maxBehindMillis(), loadBefore,
                    EndToEnd.load());
            for (VisibilityProbe probe : probes) {
                report.line("Probe of %s: %,d reads, round trip mean %.1f ms, max %.1f ms: a visible time is late "
                                + "by at most %.0f ms (largest gap between reads + largest round trip), never early",
                        probe.keyspace(), probe.probes(), probe.meanRoundTripMillis(), probe.maxRoundTripMillis(),
                        probe.resolutionMillis());
            }
            report.line("");
            latency(BINLOG, binlog, binlogStart, measured, BINLOG_GOAL_MS, "1 s");
            report.line("");
            latency(TIMESTAMP, timestamp, timestampStart, measured,
                    setting("pollIntervalMs") + setting("commitLagMs") + TIMESTAMP_GOAL_OVER_POLLING_MS,
                    "poll.interval.ms + commit.lag.ms + 1 s");
        }
        System.out.println("\nResults written to " + report.write("pipeline-latency",
                "Pipeline latency: MySQL commit to row visible in Cassandra, binlog and timestamp paths", settings));
    }

    /** bench.pings with ids rows: row id starts with seq = id, and its k-th update sets seq = id + k * ids. */
    private void createTable(Connection mysql) throws SQLException {
        try (Statement statement = mysql.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("CREATE TABLE " + DATABASE + ".pings (id INT PRIMARY KEY, seq BIGINT NOT NULL,"
                    + " is_deleted TINYINT(1) NOT NULL DEFAULT 0,"
                    + " last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),"
                    + " KEY pings_last_updated (last_updated, id))");
            for (int first = 0; first < ids; first += INSERT_ROWS) {
                StringJoiner rows = new StringJoiner(",");
                for (int id = first; id < Math.min(ids, first + INSERT_ROWS); id++) {
                    rows.add("(" + id + "," + id + ")");
                }
                statement.execute("INSERT INTO " + DATABASE + ".pings (id, seq) VALUES " + rows);
            }
        }
    }

    private static Map<String, String> debezium() {
        Map<String, String> debezium = EndToEnd.shippedConnector("10-debezium-mysql-demo.json");
        debezium.put("name", BINLOG.source());
        debezium.put("topic.prefix", BINLOG.topicPrefix());
        debezium.put("database.include.list", DATABASE);
        debezium.put("table.include.list", DATABASE + ".pings");
        debezium.put("schema.history.internal.kafka.topic", "_schema-history." + BINLOG.topicPrefix());
        return debezium;
    }

    private Map<String, String> timestampSource() {
        Map<String, String> source = EndToEnd.shippedConnector("20-timestamp-mysql-demo.json");
        source.put("name", TIMESTAMP.source());
        source.put("topic.prefix", TIMESTAMP.topicPrefix());
        source.put("table.include.list", DATABASE + "\\.pings");
        source.put("poll.interval.ms", settings.get("pollIntervalMs"));
        source.put("commit.lag.ms", settings.get("commitLagMs"));
        return source;
    }

    private static Map<String, String> sink(String shippedFile, CapturePath path) {
        Map<String, String> sink = EndToEnd.shippedConnector(shippedFile);
        sink.put("name", path.sink());
        sink.put("topics", path.topic());
        // the keyspace the probe reads, whatever the demo's table.name.format
        sink.put("table.mapping", path.topic() + ":" + path.keyspace() + ".pings");
        // the demo's aggregates read other tables; and a record the sink cannot write must fail the run, not wait
        // in a dead-letter queue while the probe waits for it
        sink.remove("aggregates");
        sink.keySet().removeIf(key -> key.startsWith("errors."));
        return sink;
    }

    private void describe(Map<String, String> timestampSource) {
        double spacingMillis = ids * 1_000.0 / rate;
        report.line("Workload: %s.pings, %,d rows; %,d autocommit UPDATE %s.pings SET seq = ? WHERE id = ? per "
                + "second, seq increasing, id = seq %% %d", DATABASE, ids, rate, DATABASE, ids);
        report.line("  each row is updated every %.0f ms (ids / rate): a path slower than that shows a row's next "
                + "update before the previous one was seen, and both then get the later sighting's time",
                spacingMillis);
        long expectedMillis = setting("pollIntervalMs") + setting("commitLagMs") + TIMESTAMP_GOAL_OVER_POLLING_MS;
        if (spacingMillis < expectedMillis) {
            report.line("  WARNING: updates of a row are closer than the latency expected of the timestamp path "
                    + "(%d ms): it sees only a row's latest state, so raise ids or lower rate", expectedMillis);
        }
        report.line("Timestamp source: poll.interval.ms=%s, commit.lag.ms=%s (production keeps 2000, which adds to "
                        + "this path's latency one for one), rescan.window.ms=%s",
                timestampSource.get("poll.interval.ms"), timestampSource.get("commit.lag.ms"),
                timestampSource.getOrDefault("rescan.window.ms", "0"));
        report.line("Probe: SELECT id, seq FROM <keyspace>.pings every %d ms per keyspace, each on its own thread; "
                + "a seq counts as visible at the first read showing it or a later seq of its row", setting("probeMs"));
    }

    /** Runs {@code count} updates from {@code firstSeq} on, the i-th due i / rate seconds after the first. */
    private Writes write(PreparedStatement update, long firstSeq, int count) throws SQLException {
        long started = System.nanoTime();
        long maxBehind = 0;
        for (int i = 0; i < count; i++) {
            long seq = firstSeq + i;
            long due = started + i * 1_000_000_000L / rate;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            update.setLong(1, seq);
            update.setInt(2, (int) (seq % ids));
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("row " + seq % ids + " of " + DATABASE + ".pings is missing");
            }
            long committed = System.nanoTime();
            committedAt[(int) seq] = committed;
            maxBehind = Math.max(maxBehind, committed - due);
        }
        return new Writes(firstSeq, count, EndToEnd.seconds(started), maxBehind / 1e6);
    }

    /** Waits until every measured update is visible in both keyspaces, or {@link #DRAIN_TIMEOUT} has passed. */
    private void awaitVisible(List<VisibilityProbe> probes, Writes measured) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (healthy(probes) && System.nanoTime() < deadline
                && probes.stream().anyMatch(probe -> probe.unseen(measured.firstSeq(), measured.endSeq()) > 0)) {
            Thread.sleep(WAIT_POLL.toMillis());
        }
    }

    /** True, else an exception: a failed probe, connector or task would leave updates invisible for good. */
    private boolean healthy(List<VisibilityProbe> probes) {
        probes.forEach(VisibilityProbe::check);
        for (String connector : List.of(BINLOG.source(), BINLOG.sink(), TIMESTAMP.source(), TIMESTAMP.sink())) {
            stack.connect().rest().awaitRunning(connector, 1, CONNECTOR_START);
        }
        return true;
    }

    private long endOffset(String topic) throws Exception {
        return EndToEnd.endOffsets(stack, topic).get(new TopicPartition(topic, 0));
    }

    private void latency(CapturePath path, VisibilityProbe probe, long startOffset, Writes measured, long goalMillis,
                         String goal) throws Exception {
        long[] appendedAt = appendTimes(path.topic(), startOffset, measured);
        long[] total = new long[measured.count()];
        long[] capture = new long[measured.count()];
        long[] delivery = new long[measured.count()];
        int visible = 0;
        int appended = 0;
        int delivered = 0;
        for (int i = 0; i < measured.count(); i++) {
            long committed = committedAt[(int) (measured.firstSeq() + i)];
            long seen = probe.visibleAt(measured.firstSeq() + i);
            if (seen > 0) {
                total[visible++] = Math.round((seen - committed) / 1e6);
            }
            if (appendedAt[i] > 0) {
                capture[appended++] = Math.round(appendedAt[i] - wallMillis(committed));
                if (seen > 0) {
                    delivery[delivered++] = Math.round(wallMillis(seen) - appendedAt[i]);
                }
            }
        }
        long[] totals = Arrays.copyOf(total, visible);
        Arrays.sort(totals);
        int unseen = measured.count() - visible;
        report.line("%s (topic %s, keyspace %s)", path.title(), path.topic(), path.keyspace());
        report.line("  commit -> visible in Cassandra: %s", EndToEnd.percentiles(totals, "ms"));
        report.line("    commit -> appended to Kafka: %s",
                EndToEnd.percentiles(Arrays.copyOf(capture, appended), "ms"));
        report.line("    appended to Kafka -> visible: %s",
                EndToEnd.percentiles(Arrays.copyOf(delivery, delivered), "ms"));
        report.line("  not visible %d s after the last update: %,d of %,d; without a record of their own in the "
                        + "topic: %,d; reads showing an older seq than an earlier read: %,d", DRAIN_TIMEOUT.toSeconds(),
                unseen, measured.count(), measured.count() - appended, probe.regressions());
        if (visible > 0) {
            long p99 = EndToEnd.at(totals, 0.99);
            String verdict = unseen > 0 ? "missed (updates not visible)" : p99 < goalMillis ? "met" : "missed";
            report.line("  p99 %d ms vs goal p99 < %s = %d ms: %s", p99, goal, goalMillis, verdict);
        }
    }

    /** Per measured update, the broker's append time (wall ms) of the first record with its seq; 0 for none. */
    private long[] appendTimes(String topic, long startOffset, Writes measured) throws Exception {
        long[] appended = new long[measured.count()];
        TopicPartition partition = new TopicPartition(topic, 0);
        long end = endOffset(topic);
        try (KafkaConsumer<byte[], byte[]> consumer = EndToEnd.consumer(stack)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, startOffset);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    long index = seqOf(record.value()) - measured.firstSeq();
                    if (index >= 0 && index < appended.length && appended[(int) index] == 0) {
                        appended[(int) index] = record.timestamp();
                    }
                }
            }
        }
        return appended;
    }

    /** The {@code after.seq} of a change event (JsonConverter, with or without schemas); -1 for other records. */
    private static long seqOf(byte[] value) throws Exception {
        if (value == null) {
            return -1;
        }
        JsonNode event = JSON.readTree(value);
        JsonNode envelope = event.has("payload") ? event.get("payload") : event;
        JsonNode seq = envelope.path("after").path("seq");
        return seq.isIntegralNumber() ? seq.asLong() : -1;
    }

    private double wallMillis(long nanoTime) {
        return anchorMillis + (nanoTime - anchorNanos) / 1e6;
    }
}
