package io.cdcsuite.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cdcsuite.benchmarks.EndToEnd.Report;
import io.cdcsuite.benchmarks.EndToEnd.TopicSpan;
import io.cdcsuite.benchmarks.ceiling.CeilingSourceConnector;
import io.cdcsuite.benchmarks.ceiling.CeilingSourceTask;
import io.cdcsuite.stack.ConnectRestClient;
import io.cdcsuite.stack.LocalStack;
import io.cdcsuite.stack.MySqlServer;
import io.cdcsuite.stack.StackLayout;
import io.cdcsuite.stack.StackOptions;

/**
 * Snapshot throughput of the timestamp source against Debezium's MySQL connector, a no-I/O "Connect ceiling"
 * connector and a raw JDBC keyset scan, all reading (or emitting) the same {@code orders} rows in one run, on one
 * private stack, with the same worker, converter (JsonConverter, schemas off) and producer settings; then the
 * timestamp source's change-to-Kafka latency under a steady update rate.
 *
 * <p>Rates: <b>wall</b> is from creating the connector until the topic holds every row (start-up included);
 * <b>steady</b> is between the broker's append times of the first and last record (the topics use
 * {@code LogAppendTime}). Latency: the broker's append time of a row's update record minus the moment the
 * updater's autocommit UPDATE of that row returned (same machine clock).
 *
 * <p>Run (build first: {@code ./mvnw -B -q -o -pl benchmarks -am install -DskipTests}):
 * {@code java -cp benchmarks/target/benchmarks.jar io.cdcsuite.benchmarks.SourceSnapshotBenchmark rows=1000000}.
 * Arguments ({@code key=value}): see {@link #DEFAULTS}.
 */
public final class SourceSnapshotBenchmark {
    static final Map<String, String> DEFAULTS = defaults();
    private static final String DATABASE = "bench";
    private static final String WARMUP_TOPIC = "ceiling.warmup";
    private static final int INSERT_ROWS = 1_000;
    private static final int INSERTS_PER_TRANSACTION = 50;
    private static final int KEYSET_PAGE = 10_000;
    private static final int UPDATE_TICK_MS = 10;
    private static final List<String> CEILING_CLASSES = List.of(CeilingSourceConnector.class.getSimpleName(),
            CeilingSourceTask.class.getSimpleName(), CeilingSourceTask.class.getSimpleName() + "$Settings");
    private static final String SOURCE_CONNECTOR_SERVICES =
            "META-INF/services/org.apache.kafka.connect.source.SourceConnector";

    private final LocalStack stack;
    private final Map<String, String> settings;
    private final Report report = new Report();

    private SourceSnapshotBenchmark(LocalStack stack, Map<String, String> settings) {
        this.stack = stack;
        this.settings = settings;
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("rows", "1000000");
        defaults.put("rounds", "1");               // ceiling, Debezium, ours again: the machine's noise shows
        defaults.put("warmupRows", "100000");      // a ceiling run before the measured ones: a cold worker is slower
        defaults.put("batchMaxRows", "2000");      // the timestamp source's batch.max.rows (its default)
        defaults.put("pollIntervalMs", "500");
        defaults.put("commitLagMs", "0");          // 0: latency shows the polling itself; production keeps 2000
        defaults.put("updatesPerSecond", "1000");
        defaults.put("latencySeconds", "30");
        return Collections.unmodifiableMap(defaults);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = EndToEnd.settings(DEFAULTS, args);
        Path ceilingPlugin = ceilingPluginDir();
        List<Path> pluginDirs = new ArrayList<>(suitePluginDirs());
        pluginDirs.add(ceilingPlugin);
        try (LocalStack stack = LocalStack.start(new StackOptions(false, 1, false, pluginDirs))) {
            new SourceSnapshotBenchmark(stack, settings).run();
        } finally {
            EndToEnd.deleteRecursively(ceilingPlugin.getParent());
        }
    }

    private long setting(String key) {
        return Long.parseLong(settings.get(key));
    }

    private void run() throws Exception {
        long rows = setting("rows");
        int rounds = (int) setting("rounds");
        ConnectRestClient connect = stack.connect().rest();
        EndToEnd.createTopics(stack, 1, WARMUP_TOPIC);
        try (Connection mysql = stack.mysql().connect(null)) {
            load(mysql, rows);
            double jdbc = keysetScan(mysql, rows);

            long warmupRows = setting("warmupRows");
            if (warmupRows > 0) {
                snapshot("worker warm-up (ceiling connector, not compared)", "bench-warmup", WARMUP_TOPIC, warmupRows,
                        ceilingConfig(WARMUP_TOPIC, warmupRows));
                connect.deleteConnector("bench-warmup");
            }
            double[] toDebezium = new double[rounds];
            double[] toCeiling = new double[rounds];
            double[] toJdbc = new double[rounds];
            for (int round = 1; round <= rounds; round++) {
                String ceilingTopic = "ceiling" + round + ".orders";
                String debeziumPrefix = "dbz" + round;
                EndToEnd.createTopics(stack, 1, ceilingTopic, oursTopic(round), debeziumPrefix + "." + DATABASE
                        + ".orders");
                report.line("round %d of %d", round, rounds);
                Rate ceiling = snapshot("  Connect ceiling (no-I/O source)", "bench-ceiling" + round, ceilingTopic,
                        rows, ceilingConfig(ceilingTopic, rows));
                connect.deleteConnector("bench-ceiling" + round);
                Rate debezium = snapshot("  Debezium MySQL 3.6.1 snapshot", "bench-debezium" + round,
                        debeziumPrefix + "." + DATABASE + ".orders", rows, debeziumConfig(debeziumPrefix));
                connect.deleteConnector("bench-debezium" + round);
                Rate ours = snapshot("  timestamp source snapshot", "bench-timestamp" + round, oursTopic(round), rows,
                        oursConfig(round));
                if (round < rounds) {
                    connect.deleteConnector("bench-timestamp" + round);
                }
                toDebezium[round - 1] = ours.steady / debezium.steady;
                toCeiling[round - 1] = ours.steady / ceiling.steady;
                toJdbc[round - 1] = ours.steady / jdbc;
                report.line("  ours / Debezium: wall %.2f, steady %.2f; ours / ceiling: wall %.2f, steady %.2f",
                        ours.wall / debezium.wall, toDebezium[round - 1], ours.wall / ceiling.wall,
                        toCeiling[round - 1]);
            }

            report.line("");
            report.line("raw JDBC keyset scan: %,.0f rows/s (no Connect, no Kafka: what MySQL gives one reader)", jdbc);
            report.line("median over %d round(s) of the steady ratios:", rounds);
            report.line("  ours / Debezium: %.2f (goal >= 1.5)", median(toDebezium));
            report.line("  ours / ceiling:  %.2f (goal >= 0.7)", median(toCeiling));
            report.line("  ours / raw JDBC keyset scan: %.2f", median(toJdbc));

            latency(mysql, rows, oursTopic(rounds));
            connect.deleteConnector("bench-timestamp" + rounds);
        }
        Path file = report.write("source-snapshot", "Timestamp source: snapshot throughput and streaming latency",
                settings);
        System.out.println("\nResults written to " + file);
    }

    private void load(Connection mysql, long rows) throws Exception {
        long started = System.nanoTime();
        try (Statement statement = mysql.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("CREATE TABLE " + DATABASE + ".orders ("
                    + " id BIGINT NOT NULL PRIMARY KEY,"
                    + " customer_id INT NOT NULL,"
                    + " amount DECIMAL(10,2),"
                    + " status VARCHAR(16) NOT NULL,"
                    + " note VARCHAR(64),"
                    + " created_at DATETIME(3) NOT NULL,"
                    + " last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),"
                    + " KEY orders_last_updated (last_updated, id))");
        }
        String[] statuses = {"NEW", "PAID", "SHIPPED", "DELIVERED"};
        ThreadLocalRandom random = ThreadLocalRandom.current();
        mysql.setAutoCommit(false);
        try (Statement statement = mysql.createStatement()) {
            long id = 0;
            int statements = 0;
            while (id < rows) {
                StringBuilder sql = new StringBuilder("INSERT INTO " + DATABASE
                        + ".orders (id, customer_id, amount, status, note, created_at) VALUES ");
                for (int i = 0; i < INSERT_ROWS && id < rows; i++) {
                    id++;
                    sql.append(i == 0 ? "(" : ",(").append(id).append(',').append(random.nextInt(1, 10_001))
                            .append(',').append(random.nextInt(100, 1_000_000) / 100.0).append(",'")
                            .append(statuses[random.nextInt(statuses.length)])
                            .append("','gift wrap, leave at the door',NOW(3))");
                }
                statement.execute(sql.toString());
                if (++statements % INSERTS_PER_TRANSACTION == 0) {
                    mysql.commit();
                }
            }
            mysql.commit();
        } finally {
            mysql.setAutoCommit(true);
        }
        try (Statement statement = mysql.createStatement()) {
            statement.execute("ANALYZE TABLE " + DATABASE + ".orders");
            try (ResultSet rs = statement.executeQuery("SELECT avg_row_length FROM information_schema.tables"
                    + " WHERE table_schema = '" + DATABASE + "' AND table_name = 'orders'")) {
                rs.next();
                report.line("orders: %,d rows (InnoDB avg_row_length %d B) loaded in %.1f s; %s", rows,
                        rs.getLong(1), EndToEnd.seconds(started), EndToEnd.load());
            }
        }
    }

    /** The keyset scan the timestamp source's change queries use: pages in (last_updated, id) order, OR form. */
    private double keysetScan(Connection mysql, long rows) throws Exception {
        long started = System.nanoTime();
        long read = 0;
        long checksum = 0;
        Timestamp lastTimestamp = new Timestamp(0);
        long lastId = 0;
        try (PreparedStatement page = mysql.prepareStatement("SELECT id, customer_id, amount, status, note,"
                + " created_at, last_updated FROM " + DATABASE + ".orders"
                + " WHERE last_updated > ? OR (last_updated = ? AND id > ?)"
                + " ORDER BY last_updated, id LIMIT " + KEYSET_PAGE)) {
            while (true) {
                page.setTimestamp(1, lastTimestamp);
                page.setTimestamp(2, lastTimestamp);
                page.setLong(3, lastId);
                int inPage = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        lastId = rs.getLong(1);
                        checksum += rs.getInt(2) + rs.getBigDecimal(3).scale() + rs.getString(4).length()
                                + rs.getString(5).length() + rs.getTimestamp(6).getNanos();
                        lastTimestamp = rs.getTimestamp(7);
                        inPage++;
                    }
                }
                read += inPage;
                if (inPage < KEYSET_PAGE) {
                    break;
                }
            }
        }
        if (read != rows) {
            throw new IllegalStateException("keyset scan read " + read + " of " + rows + " rows");
        }
        double rate = read / EndToEnd.seconds(started);
        report.line("raw JDBC keyset scan (pages of %,d): %,d rows in %.1f s = %,.0f rows/s (checksum %d); %s",
                KEYSET_PAGE, read, EndToEnd.seconds(started), rate, checksum, EndToEnd.load());
        return rate;
    }

    private record Rate(double wall, double steady) {
    }

    private Rate snapshot(String what, String name, String topic, long rows, Map<String, String> config)
            throws Exception {
        String loadBefore = EndToEnd.load();
        long started = System.nanoTime();
        stack.connect().rest().putConnectorConfig(name, config);
        EndToEnd.await(what + " to fill " + topic, Duration.ofMillis(250), () -> {
            stack.connect().rest().awaitRunning(name, 1, Duration.ofSeconds(60));
            return EndToEnd.recordCount(stack, topic) >= rows;
        });
        double wallSeconds = EndToEnd.seconds(started);
        String loadAfter = EndToEnd.load();
        TopicSpan span = EndToEnd.span(stack, topic);
        Rate rate = new Rate(rows / wallSeconds, rows / span.seconds());
        report.line("%s: wall %.1f s = %,.0f rows/s; steady %.1f s = %,.0f rows/s; %.0f B/record; %s before, %s after",
                what, wallSeconds, rate.wall, span.seconds(), rate.steady, span.meanRecordBytes(), loadBefore,
                loadAfter);
        return rate;
    }

    /** What every connector of the comparison shares: converters and producer tuning. */
    private static Map<String, String> common() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("tasks.max", "1");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", "false");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("producer.override.batch.size", "1048576");
        config.put("producer.override.linger.ms", "20");
        return config;
    }

    private Map<String, String> ceilingConfig(String topic, long rows) {
        Map<String, String> config = common();
        config.put("connector.class", CeilingSourceConnector.class.getName());
        config.put("topic", topic);
        config.put("record.count", Long.toString(rows));
        config.put("batch.size", settings.get("batchMaxRows"));
        return config;
    }

    private static String oursTopic(int round) {
        return "ts" + round + "." + DATABASE + ".orders";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private Map<String, String> debeziumConfig(String topicPrefix) {
        Map<String, String> config = common();
        config.put("connector.class", "io.debezium.connector.mysql.MySqlConnector");
        config.put("database.hostname", "127.0.0.1");
        config.put("database.port", Integer.toString(stack.mysql().port()));
        config.put("database.user", MySqlServer.CDC_USER);
        config.put("database.password", "${file:secrets/cdc.properties:mysql.password}");
        config.put("database.server.id", Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 1 << 30)));
        config.put("topic.prefix", topicPrefix);
        config.put("database.include.list", DATABASE);
        config.put("table.include.list", DATABASE + ".orders");
        config.put("include.schema.changes", "false");
        config.put("schema.history.internal.kafka.bootstrap.servers", stack.kafka().bootstrapServers());
        config.put("schema.history.internal.kafka.topic", "_schema-history." + topicPrefix);
        config.put("snapshot.mode", "initial");
        return config;
    }

    private Map<String, String> oursConfig(int round) {
        Map<String, String> config = common();
        config.put("connector.class", "io.cdcsuite.source.timestamp.TimestampSourceConnector");
        config.put("database.hostname", "127.0.0.1");
        config.put("database.port", Integer.toString(stack.mysql().port()));
        config.put("database.user", MySqlServer.CDC_USER);
        config.put("database.password", "${file:secrets/cdc.properties:mysql.password}");
        config.put("topic.prefix", "ts" + round);
        config.put("table.include.list", DATABASE + "\\.orders");
        config.put("timestamp.column.name", "last_updated");
        config.put("created.column", "created_at");
        config.put("snapshot.mode", "initial");
        config.put("batch.max.rows", settings.get("batchMaxRows"));
        config.put("poll.interval.ms", settings.get("pollIntervalMs"));
        config.put("commit.lag.ms", settings.get("commitLagMs"));
        return config;
    }

    /**
     * Updates distinct rows (ids 1, 2, ...) at a steady rate, one autocommit UPDATE of a few consecutive ids every
     * {@value #UPDATE_TICK_MS} ms, noting when each returned; then matches the update records to those times.
     */
    private void latency(Connection mysql, long rows, String topic) throws Exception {
        long perSecond = setting("updatesPerSecond");
        long total = perSecond * setting("latencySeconds");
        long perTick = Math.max(1, perSecond * UPDATE_TICK_MS / 1_000);
        if (total > rows) {
            throw new IllegalArgumentException("updatesPerSecond * latencySeconds must not exceed rows");
        }
        long startOffset = EndToEnd.recordCount(stack, topic);
        long[] committedAt = new long[(int) total + 1];
        AtomicLong nextId = new AtomicLong(1);
        String loadBefore = EndToEnd.load();
        long started = System.nanoTime();
        ScheduledExecutorService updater = Executors.newSingleThreadScheduledExecutor();
        try (PreparedStatement update = mysql.prepareStatement("UPDATE " + DATABASE
                + ".orders SET status = 'UPDATED', amount = amount + 1 WHERE id BETWEEN ? AND ?")) {
            updater.scheduleAtFixedRate(() -> {
                long first = nextId.get();
                long last = Math.min(total, first + perTick - 1);
                if (first > total) {
                    updater.shutdown();
                    return;
                }
                try {
                    update.setLong(1, first);
                    update.setLong(2, last);
                    update.executeUpdate();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long now = System.currentTimeMillis();
                for (long id = first; id <= last; id++) {
                    committedAt[(int) id] = now;
                }
                nextId.set(last + 1);
            }, 0, UPDATE_TICK_MS, TimeUnit.MILLISECONDS);
            if (!updater.awaitTermination(setting("latencySeconds") * 3 + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the updater did not finish");
            }
        }
        double updateSeconds = EndToEnd.seconds(started);
        EndToEnd.await("the update records", Duration.ofMillis(250),
                () -> EndToEnd.recordCount(stack, topic) >= startOffset + total);
        long[] latencies = new long[(int) total];
        int matched = 0;
        ObjectMapper json = new ObjectMapper();
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<byte[], byte[]> consumer = EndToEnd.consumer(stack)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, startOffset);
            long end = EndToEnd.endOffsets(stack, topic).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    long id = json.readTree(record.key()).path("id").asLong();
                    if (id >= 1 && id <= total && committedAt[(int) id] > 0) {
                        latencies[matched++] = record.timestamp() - committedAt[(int) id];
                        committedAt[(int) id] = 0; // the first record of a row counts
                    }
                }
            }
        }
        report.line("");
        report.line("streaming latency: %,d updates in %.1f s (%,.0f/s requested %d/s, %d rows per UPDATE); "
                        + "poll.interval.ms=%s, commit.lag.ms=%s; %s before, %s after", total, updateSeconds,
                total / updateSeconds, perSecond, perTick, settings.get("pollIntervalMs"),
                settings.get("commitLagMs"), loadBefore, EndToEnd.load());
        long[] sample = Arrays.copyOf(latencies, matched);
        report.line("  change-to-Kafka latency: %s; %d updates without a record", EndToEnd.percentiles(sample, "ms"),
                total - matched);
        if (matched > 0) {
            Arrays.sort(sample);
            long goal = setting("pollIntervalMs") + setting("commitLagMs") + 200;
            report.line("  p99 %d ms vs goal <= poll.interval.ms + commit.lag.ms + 200 = %d ms: %s",
                    EndToEnd.at(sample, 0.99), goal, EndToEnd.at(sample, 0.99) <= goal ? "met" : "missed");
        }
    }

    /** The suite's packaged plugins (Debezium's is added by the stack itself). */
    private static List<Path> suitePluginDirs() throws IOException {
        StackLayout layout = StackLayout.locate();
        try (Stream<Path> dirs = Files.list(layout.pluginPath())) {
            return dirs.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().equals(layout.debeziumPlugin().getFileName()))
                    .sorted().toList();
        }
    }

    /**
     * A plugin directory holding only the ceiling connector's classes and its service entry (connect-api comes
     * from the worker), written from this jar so that the worker loads exactly the code measured here.
     */
    private static Path ceilingPluginDir() throws IOException {
        Path plugin = Files.createTempDirectory("cdc-bench-plugins-").resolve("benchmarks-ceiling");
        Files.createDirectories(plugin);
        try (OutputStream out = Files.newOutputStream(plugin.resolve("benchmarks-ceiling.jar"));
             JarOutputStream jar = new JarOutputStream(out)) {
            String packagePath = CeilingSourceConnector.class.getPackageName().replace('.', '/');
            for (String simpleName : CEILING_CLASSES) {
                try (InputStream in = CeilingSourceConnector.class.getResourceAsStream(simpleName + ".class")) {
                    if (in == null) {
                        throw new IllegalStateException("class file of " + simpleName + " not found");
                    }
                    jar.putNextEntry(new JarEntry(packagePath + "/" + simpleName + ".class"));
                    in.transferTo(jar);
                }
            }
            jar.putNextEntry(new JarEntry(SOURCE_CONNECTOR_SERVICES));
            jar.write(ceilingServiceEntry());
        }
        return plugin;
    }

    /** This module's service file (the only one on the classpath that names the ceiling connector). */
    private static byte[] ceilingServiceEntry() throws IOException {
        for (URL url : Collections.list(SourceSnapshotBenchmark.class.getClassLoader()
                .getResources(SOURCE_CONNECTOR_SERVICES))) {
            try (InputStream in = url.openStream()) {
                byte[] content = in.readAllBytes();
                if (new String(content, StandardCharsets.UTF_8).contains(CeilingSourceConnector.class.getName())) {
                    return content;
                }
            }
        }
        throw new IllegalStateException(SOURCE_CONNECTOR_SERVICES + " naming the ceiling connector not found");
    }
}
