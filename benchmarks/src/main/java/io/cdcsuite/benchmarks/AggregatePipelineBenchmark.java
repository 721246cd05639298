package io.cdcsuite.benchmarks;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;

import io.cdcsuite.stack.ConnectRestClient;
import io.cdcsuite.stack.LocalStack;
import io.cdcsuite.stack.MySqlServer;
import io.cdcsuite.stack.SqlScript;
import io.cdcsuite.stack.StackException;
import io.cdcsuite.stack.StackLayout;
import io.cdcsuite.stack.StackOptions;

/**
 * End-to-end throughput of the sink's aggregates with the whole pipeline on this machine: MySQL, Kafka, a Connect
 * worker running Debezium and the Cassandra sink, Cassandra. Seed 002's aggregate (orders into 5-minute windows per
 * customer, from {@code config/connectors/30-cassandra-aggregates-demo.json}) over a stream of orders
 * ({@link OrderStream}), captured by Debezium as configured in {@code 10-debezium-mysql-demo.json} (JSON with schemas
 * in lz4-compressed batches).
 *
 * <ol>
 * <li><b>backlog</b>: the sink is stopped while the changes are made in MySQL and captured by Debezium; then it
 * resumes (its tasks start anew) and aggregates them. Measured from the resume until it has committed every offset
 * (the tables are then checked, untimed), and (steady) between the commits of 10% and 90% of the backlog's records,
 * which leaves out the tasks' start and the wait for the last commit: the rate at which the sink turns source changes
 * into exact aggregates, with every process running. Repeated {@code rounds} times (the JVMs keep compiling for
 * minutes: a later round is warmer).</li>
 * <li><b>live</b>: more changes while Debezium and the sink run: from the first change until the sink has committed
 * the last one (then checked), i.e. what the pipeline sustains end to end (MySQL and Debezium included).</li>
 * </ol>
 * After each phase the serving table must equal MySQL's GROUP BY exactly, else the run fails. Cassandra's own
 * counters ({@code system_views}) give the requests, row writes and reads per change.
 *
 * <p>Run: {@code ./mvnw -B -q -f benchmarks/pom.xml package && java -cp benchmarks/target/benchmarks.jar
 * io.cdcsuite.benchmarks.AggregatePipelineBenchmark [changes=200000] [rounds=1] [live=100000] [tasks=1]
 * [customers=1000] [windowOrders=10000] [pollRecords=] [partitions=] [sinkConfig=key:value,...]}. It starts a private
 * stack (about 4 GB of memory; the plugins of {@code local-stack/launcher/target/plugin-path}, so build the project
 * first) unless {@code -Dstack.reuse=true}.
 */
public final class AggregatePipelineBenchmark {
    private static final Duration POLL = Duration.ofMillis(200);
    /** How often the connectors' status is checked while waiting (each check costs the worker a REST request). */
    private static final Duration STATUS_EVERY = Duration.ofSeconds(2);
    /** Records per partition the sink may not have committed yet when it is done (see {@link #awaitExact}). */
    private static final int NEAR_END = 200;
    private static final int PER_TRANSACTION = 1_000;

    private final LocalStack stack;
    private final Map<String, String> settings;
    private final String name;
    private final String topic;
    private final EndToEnd.Report report = new EndToEnd.Report();
    /** Rows of the last GROUP BY compared. */
    private long lastRows;
    private double lastCheckSeconds;
    private long statusCheckedAt = System.nanoTime() - STATUS_EVERY.toNanos();

    private AggregatePipelineBenchmark(LocalStack stack, Map<String, String> settings) {
        this.stack = stack;
        this.settings = settings;
        this.name = "bench_" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        this.topic = name + "." + name + ".orders";
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("warmup", "50000");
        defaults.put("changes", "200000");
        defaults.put("rounds", "1");
        defaults.put("live", "100000");
        defaults.put("tasks", "1");
        defaults.put("partitions", "0");
        defaults.put("customers", "1000");
        defaults.put("windowOrders", "10000");
        defaults.put("pollRecords", "0");
        defaults.put("sinkConfig", ""); // more sink settings, key:value,key:value
        Map<String, String> settings = EndToEnd.settings(defaults, args);
        try (LocalStack stack = LocalStack.start(StackOptions.defaults().withReuse(false))) {
            new AggregatePipelineBenchmark(stack, settings).run();
        }
    }

    private int setting(String key) {
        return Integer.parseInt(settings.get(key));
    }

    private void run() throws Exception {
        Path config = StackLayout.locate().projectDir().resolve("config");
        int tasks = setting("tasks");
        int partitions = setting("partitions") > 0 ? setting("partitions") : tasks;
        try (Connection mysql = DriverManager.getConnection(stack.mysql().jdbcUrl(null) + "&useAffectedRows=true",
                MySqlServer.ROOT_USER, ""); CqlSession cql = stack.cassandra().session()) {
            try (Statement schema = mysql.createStatement()) {
                for (String sql : SqlScript.statements(renamed(Files.readString(config.resolve("mysql/01-demo-shop.sql"))))) {
                    schema.execute(sql);
                }
            }
            OrderStream orders = new OrderStream(mysql, name, setting("customers"), setting("windowOrders"),
                    ThreadLocalRandom.current().nextLong());
            ConnectRestClient connect = stack.connect().rest();
            connect.putConnectorConfig(name + "-debezium", debezium(partitions));
            // the snapshot of the sample rows first: changes made during a snapshot are partly read by it
            awaitTopicRecords(orders.records());

            String sink = name + "-sink";
            connect.putConnectorConfig(sink, sink(tasks));
            int warmup = setting("warmup");
            if (warmup > 0) {
                report.line("Warm-up: %,d statements with Debezium and the sink running (not measured)", warmup);
                orders.run(warmup, PER_TRANSACTION);
                awaitExact(orders.records(), mysql, cql);
            }
            int rounds = setting("rounds");
            for (int round = 1; round <= rounds; round++) {
                backlog(orders, mysql, cql, sink, rounds == 1 ? "backlog" : "backlog " + round + " of " + rounds);
            }

            int live = setting("live");
            if (live > 0) {
                report.line("Live: %,d more statements while Debezium and the sink run (%s)", live, EndToEnd.load());
                CassandraCounters before = CassandraCounters.read(cql, name);
                CpuUse cpu = CpuUse.start(stack);
                long started = System.nanoTime();
                long changesBefore = orders.changes();
                orders.run(live, PER_TRANSACTION);
                double writeLive = EndToEnd.seconds(started);
                awaitCommitted(orders.records(), committed -> { });
                double liveSeconds = EndToEnd.seconds(started);
                String cpuPerChange = cpu.perRow(orders.changes() - changesBefore);
                awaitEqual(mysql, cql);
                report.line("  MySQL %.1f s (%,.0f changes/s)", writeLive, (orders.changes() - changesBefore) / writeLive);
                phase("live", orders.changes() - changesBefore, liveSeconds, Double.NaN,
                        CassandraCounters.read(cql, name).minus(before), cpuPerChange);
            }
            connect.deleteConnector(sink);
            connect.deleteConnector(name + "-debezium");
        }
        System.out.println("Results: " + report.write("aggregates", "Sink aggregates end to end (seed 002)", settings));
    }

    /**
     * Stops the sink, makes the changes in MySQL and lets Debezium capture them, then resumes the sink (its tasks
     * start anew) and measures until it has committed them all.
     */
    private void backlog(OrderStream orders, Connection mysql, CqlSession cql, String sink, String phase)
            throws Exception {
        ConnectRestClient connect = stack.connect().rest();
        connect.stopConnector(sink);
        connect.awaitStatus(sink, Duration.ofSeconds(90), "STOPPED",
                status -> "STOPPED".equals(status.path("connector").path("state").asText()));
        report.line("%s: %,d statements into MySQL (%s), captured by Debezium while the sink is stopped",
                Character.toUpperCase(phase.charAt(0)) + phase.substring(1), setting("changes"), EndToEnd.load());
        long changesBefore = orders.changes();
        long started = System.nanoTime();
        orders.run(setting("changes"), PER_TRANSACTION);
        double writeSeconds = EndToEnd.seconds(started);
        awaitTopicRecords(orders.records());
        report.line("  MySQL %.1f s (%,.0f changes/s); all captured after %.1f s", writeSeconds,
                (orders.changes() - changesBefore) / writeSeconds, EndToEnd.seconds(started));

        CpuUse.awaitQuiet(stack, Duration.ofSeconds(60)); // Debezium's capture and its flushes are done
        CassandraCounters before = CassandraCounters.read(cql, name);
        long backlog = orders.changes() - changesBefore;
        long committedBefore;
        try (Admin admin = stack.kafka().admin()) {
            committedBefore = EndToEnd.total(EndToEnd.committedOffsets(admin, sink));
        }
        // records, not changes: a delete is two (the change and its tombstone)
        long backlogRecords = EndToEnd.recordCount(stack, topic) - committedBefore;
        CommitProgress progress = new CommitProgress(backlogRecords);
        CpuUse cpu = CpuUse.start(stack);
        started = System.nanoTime();
        connect.resumeConnector(sink);
        awaitCommitted(orders.records(), committed -> progress.sample(committed - committedBefore));
        double seconds = EndToEnd.seconds(started);
        String cpuPerChange = cpu.perRow(backlog); // before the comparisons, which read both sides in full
        awaitEqual(mysql, cql);
        phase(phase, backlog, seconds, progress.steadyRate() * backlog / backlogRecords,
                CassandraCounters.read(cql, name).minus(before), cpuPerChange);
    }

    /** The demo schema and aggregate, with the database (and keyspace) {@code shop} renamed to this run's. */
    private String renamed(String text) {
        return text.replaceAll("\\bshop\\b", Matcher.quoteReplacement(name));
    }

    private Map<String, String> debezium(int partitions) {
        Map<String, String> debezium = EndToEnd.shippedConnector("10-debezium-mysql-demo.json");
        debezium.put("name", name + "-debezium");
        debezium.put("topic.prefix", name);
        debezium.put("database.server.id", Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 1 << 30)));
        debezium.put("database.include.list", name);
        debezium.put("table.include.list", name + ".orders");
        debezium.put("schema.history.internal.kafka.topic", "_schema-history." + name);
        debezium.put("topic.creation.default.partitions", Integer.toString(partitions));
        debezium.put("topic.creation.default.replication.factor", "1");
        return debezium;
    }

    private Map<String, String> sink(int tasks) {
        Map<String, String> sink = EndToEnd.shippedConnector("30-cassandra-aggregates-demo.json");
        String orders = List.of(sink.get("aggregates").split(";")).stream()
                .filter(statement -> statement.contains(" FROM shop.orders "))
                .findFirst().orElseThrow(() -> new IllegalStateException("no orders aggregate in the demo config"));
        sink.put("name", name + "-sink");
        sink.put("topics", topic);
        sink.put("tasks.max", Integer.toString(tasks));
        sink.put("aggregates", renamed(orders.strip()));
        if (setting("pollRecords") > 0) {
            sink.put("consumer.override.max.poll.records", settings.get("pollRecords"));
        }
        EndToEnd.putAll(sink, settings.get("sinkConfig"));
        return sink;
    }

    private void awaitTopicRecords(long expected) throws Exception {
        EndToEnd.await("Debezium to capture " + expected + " records", POLL,
                () -> running() && topicExists() && EndToEnd.recordCount(stack, topic) >= expected);
    }

    /** Fails the run when a connector or task failed: nothing would ever catch up. Checks every STATUS_EVERY. */
    private boolean running() {
        if (System.nanoTime() - statusCheckedAt < STATUS_EVERY.toNanos()) {
            return true;
        }
        statusCheckedAt = System.nanoTime();
        for (String connector : List.of(name + "-debezium", name + "-sink")) {
            JsonNode status;
            try {
                status = stack.connect().rest().status(connector);
            } catch (StackException notThereYet) {
                continue; // not created yet, or its status not written yet
            }
            List<JsonNode> states = new ArrayList<>(List.of(status.path("connector")));
            status.path("tasks").forEach(states::add);
            for (JsonNode state : states) {
                if ("FAILED".equals(state.path("state").asText())) {
                    throw new IllegalStateException(connector + " failed: " + state.path("trace").asText());
                }
            }
        }
        return true;
    }

    /**
     * Waits until the sink is done: it has committed offsets near every partition's end (it commits only at records
     * with a time of their own, so not always the very last) and the serving table equals MySQL's GROUP BY exactly.
     */
    private void awaitExact(long expected, Connection mysql, CqlSession cql) throws Exception {
        awaitCommitted(expected, committed -> { });
        awaitEqual(mysql, cql);
    }

    /** @param progress gets the sum of the sink's committed offsets at every check */
    private void awaitCommitted(long expected, LongConsumer progress) throws Exception {
        awaitTopicRecords(expected);
        EndToEnd.awaitCommittedNear(stack, name + "-sink", EndToEnd.endOffsets(stack, topic), NEAR_END, progress,
                this::running);
    }

    /** Waits for exactness and notes how long the comparisons took (they read both sides in full). */
    private void awaitEqual(Connection mysql, CqlSession cql) throws Exception {
        long started = System.nanoTime();
        EndToEnd.await("the aggregates to equal MySQL's GROUP BY", POLL, () -> running() && differences(mysql, cql) == 0);
        lastCheckSeconds = EndToEnd.seconds(started);
    }

    private boolean topicExists() throws Exception {
        try (Admin admin = stack.kafka().admin()) {
            return admin.listTopics().names().get().contains(topic);
        }
    }

    /** @param steady changes/s between the commits of 10% and 90% of the phase's records; NaN: not measured */
    private void phase(String phase, long changes, double seconds, double steady, CassandraCounters used,
                       String cpuPerChange) {
        report.line("  %s: %,d changes aggregated in %.1f s = %,.0f changes/s%s (%s)", phase, changes, seconds,
                changes / seconds, Double.isNaN(steady) ? "" : String.format(Locale.ROOT, ", %,.0f steady", steady),
                EndToEnd.load());
        report.line("  exact: %,d aggregate rows equal MySQL's GROUP BY (checked in %.1f s, not counted)", lastRows,
                lastCheckSeconds);
        report.line("  Cassandra per change: %.2f requests, %.2f row writes, %.2f partition reads (%,d requests, "
                        + "%,d writes, %,d reads)", used.requests / (double) changes, used.writes() / (double) changes,
                used.reads / (double) changes, used.requests, used.writes(), used.reads);
        StringJoiner byTable = new StringJoiner(", ", "  row writes per change by table: ", "");
        used.writesByTable.forEach((table, count) ->
                byTable.add(String.format(Locale.ROOT, "%s %.2f", table, count / (double) changes)));
        report.line("%s", byTable);
        report.line("  %s", cpuPerChange.replace("per row", "per change"));
    }

    /** Aggregate rows that differ from MySQL's GROUP BY (missing, extra or other values). */
    private long differences(Connection mysql, CqlSession cql) throws SQLException {
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        try (Statement statement = mysql.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
            try (ResultSet rs = statement.executeQuery("SELECT customer_id, "
                    + "FLOOR(UNIX_TIMESTAMP(created_at) / 300) * 300, COUNT(*), SUM(amount), MAX(amount) FROM `" + name
                    + "`.orders WHERE is_deleted = 0 GROUP BY 1, 2")) {
                while (rs.next()) {
                    expected.put(List.of(rs.getInt(1), rs.getLong(2)),
                            List.of(rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }
            }
        }
        Map<List<Object>, List<Object>> served = new HashMap<>();
        for (Row row : cql.execute("SELECT customer_id, window_start, order_count, total_amount, max_amount FROM \""
                + name + "\".orders_5m")) {
            served.put(List.of(row.getInt(0), row.getInstant(1).getEpochSecond()),
                    List.of(row.getLong(2), row.getBigDecimal(3), row.getBigDecimal(4)));
        }
        long wrong = expected.entrySet().stream().filter(e -> !exactlyEqual(e.getValue(), served.get(e.getKey()))).count()
                + served.keySet().stream().filter(key -> !expected.containsKey(key)).count();
        lastRows = expected.size();
        return wrong;
    }

    /** Equal values with equal scales (2193.60 is not 2193.6). */
    private static boolean exactlyEqual(List<Object> expected, List<Object> actual) {
        if (actual == null || expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            Object a = expected.get(i);
            Object b = actual.get(i);
            boolean same = a instanceof BigDecimal x && b instanceof BigDecimal y
                    ? x.toPlainString().equals(y.toPlainString()) : Objects.equals(a, b);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Cassandra's own request and table counters for one keyspace ({@code system_views}). */
    private record CassandraCounters(long requests, Map<String, Long> writesByTable, long reads) {
        static CassandraCounters read(CqlSession cql, String keyspace) {
            long requests = 0;
            for (Row row : cql.execute("SELECT request_count FROM system_views.clients")) {
                requests += row.getLong(0);
            }
            Map<String, Long> writes = new TreeMap<>();
            for (Row row : cql.execute("SELECT table_name, count FROM system_views.coordinator_write_latency"
                    + " WHERE keyspace_name = ?", keyspace)) {
                writes.merge(row.getString(0), row.getLong(1), Long::sum);
            }
            long reads = 0;
            for (Row row : cql.execute("SELECT count FROM system_views.coordinator_read_latency WHERE keyspace_name = ?",
                    keyspace)) {
                reads += row.getLong(0);
            }
            return new CassandraCounters(requests, writes, reads);
        }

        long writes() {
            return writesByTable.values().stream().mapToLong(Long::longValue).sum();
        }

        CassandraCounters minus(CassandraCounters before) {
            Map<String, Long> writes = new TreeMap<>(writesByTable);
            before.writesByTable.forEach((table, count) -> writes.merge(table, -count, Long::sum));
            return new CassandraCounters(requests - before.requests, writes, reads - before.reads);
        }
    }
}
