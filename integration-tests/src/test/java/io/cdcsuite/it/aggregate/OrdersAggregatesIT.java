package io.cdcsuite.it.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.AggregateRows;
import io.cdcsuite.it.support.DebeziumConfigs;
import io.cdcsuite.it.support.DemoAggregates;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.OrderChanges;
import io.cdcsuite.it.support.RandomChanges;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.SinkReplay;
import io.cdcsuite.it.support.TimestampSourceConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 002: orders aggregated into 5-minute windows per customer by the demo sink config
 * ({@code config/connectors/30-cassandra-aggregates-demo.json}), plus an all-time aggregate per customer with the
 * measures that need a full recompute (MIN after a delete, AVG, FILTER). Tens of thousands of random inserts, updates
 * that change the amount, move an order to another customer or another window, and deletes flow through either
 * capture path into a sink with 4 tasks over 4 partitions; at quiescence each serving table equals MySQL's own
 * GROUP BY over the orders table, row for row and digit for digit, with no extra rows. Orders without a customer
 * (guests) belong to no group. The binlog path also survives a {@code kill -9} of the Connect worker mid-stream;
 * both paths stay equal after the sink's offsets are reset to 0 and everything is replayed.
 */
@ExtendWith(StackExtension.class)
class OrdersAggregatesIT {
    private static final int KEYS = 10_000;
    private static final int CHANGES_BEFORE_CAPTURE = 5_000;
    private static final int CHANGES_WHILE_CAPTURING = 50_000;
    private static final int PER_TRANSACTION = 500;
    private static final String PARTITIONS = "4";
    private static final int TASKS = 4;
    private static final int GUEST_PERCENT = 4;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofMinutes(4);

    private static final List<String> WINDOW_KEY = List.of("customer_id", AggregateRows.WINDOW_START);
    private static final List<String> CUSTOMER_KEY = List.of("customer_id");

    @Test
    void binlogPathEqualsGroupByAfterAKilledWorkerAndAReplayFromOffsetZero(TestEnvironment env) {
        Scenario scenario = Scenario.named("aggdbz");
        RandomChanges changes = prepare(env, scenario, RandomChanges.Deletes.HARD);
        String source = scenario.connector("debezium");
        String sink = scenario.connector("sink");
        try (CqlSession cql = env.cassandra(); ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            Map<String, String> debezium = new LinkedHashMap<>(DebeziumConfigs.mysql(env, scenario, source, "orders"));
            fourPartitions(debezium);
            connectors.put(source, debezium);
            startSink(env, connectors, scenario, sink);

            CompletableFuture<Void> workload = CompletableFuture.runAsync(
                    () -> changes.run(CHANGES_WHILE_CAPTURING, PER_TRANSACTION));
            // mid-stream: after the snapshot (an interrupted snapshot is redone, and it has no deletes to replay)
            awaitBinlogOffsetCommitted(env, source);
            awaitApplied(changes, workload, CHANGES_WHILE_CAPTURING / 2);
            env.killConnectWorker();
            env.startConnectWorker();
            workload.join();
            env.connect().awaitRunning(source, 1, START_TIMEOUT);
            env.connect().awaitRunning(sink, TASKS, START_TIMEOUT);

            assertEqualToGroupBy(env, cql, scenario);
            assertLastTwelveWindowsOfCustomer42(env, cql, scenario);

            SinkReplay.fromStart(env.connect(), sink, CONVERGENCE_TIMEOUT);
            assertEqualToGroupBy(env, cql, scenario);
        }
    }

    @Test
    void pollingPathWithSoftDeletesEqualsGroupByAndAfterAReplayFromOffsetZero(TestEnvironment env) {
        Scenario scenario = Scenario.named("aggts");
        RandomChanges changes = prepare(env, scenario, RandomChanges.Deletes.SOFT);
        String source = scenario.connector("ts");
        String sink = scenario.connector("sink");
        try (CqlSession cql = env.cassandra(); ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            Map<String, String> polling = new LinkedHashMap<>(TimestampSourceConfigs.mysql(env, scenario, source,
                    scenario.topicPrefix(), "orders"));
            polling.put("soft.delete.column", RandomChanges.SOFT_DELETE_COLUMN);
            polling.put("soft.delete.value", "1");
            fourPartitions(polling);
            connectors.put(source, polling);
            startSink(env, connectors, scenario, sink);

            changes.run(CHANGES_WHILE_CAPTURING, PER_TRANSACTION);
            env.connect().awaitRunning(source, 1, START_TIMEOUT);

            assertEqualToGroupBy(env, cql, scenario);
            env.connect().awaitRunning(sink, TASKS, START_TIMEOUT);

            SinkReplay.fromStart(env.connect(), sink, CONVERGENCE_TIMEOUT);
            assertEqualToGroupBy(env, cql, scenario);
        }
    }

    /** The demo's orders table (with guest orders allowed) and a first batch of changes for the source's snapshot. */
    private static RandomChanges prepare(TestEnvironment env, Scenario scenario, RandomChanges.Deletes deletes) {
        DemoAggregates.createSchema(env, DemoAggregates.SHOP_SCHEMA, "shop", scenario.database());
        MySql.execute(env, "ALTER TABLE `" + scenario.database() + "`.orders MODIFY customer_id INT NULL");
        RandomChanges changes = RandomChanges.on(env, scenario.database(), "orders", new OrderChanges(GUEST_PERCENT),
                KEYS, deletes, "+00:00", scenario.serverId());
        changes.run(CHANGES_BEFORE_CAPTURE, PER_TRANSACTION);
        return changes;
    }

    /** Kafka Connect creates the source's topic with 4 partitions, so 4 sink tasks share it. */
    private static void fourPartitions(Map<String, String> sourceConfig) {
        sourceConfig.put("topic.creation.default.partitions", PARTITIONS);
        sourceConfig.put("topic.creation.default.replication.factor", "1");
    }

    private static void startSink(TestEnvironment env, ScenarioConnectors connectors, Scenario scenario, String sink) {
        String aggregates = DemoAggregates.statement(DemoAggregates.SINK, "shop.orders", Map.of("shop", scenario.database())) + ";\n"
                + allTimeStatement(scenario);
        Map<String, String> config = DemoAggregates.sinkConfig(env, DemoAggregates.SINK, sink, scenario.topic("orders"), aggregates);
        config.put("tasks.max", Integer.toString(TASKS));
        // a dead sink consumer (kill -9) leaves the group after this, not after the default 45 s
        config.put("consumer.override.session.timeout.ms", "10000");
        connectors.put(sink, config);
        env.connect().awaitRunning(sink, TASKS, START_TIMEOUT);
    }

    private static String allTimeStatement(Scenario scenario) {
        return "CREATE AGGREGATE " + scenario.keyspace() + ".customer_totals AS SELECT customer_id, "
                + "COUNT(*) AS order_count, COUNT(*) FILTER (WHERE status = 'paid') AS paid_orders, "
                + "SUM(amount) FILTER (WHERE status = 'paid') AS paid_amount, MIN(amount) AS min_amount, "
                + "AVG(amount) AS avg_amount FROM " + scenario.database() + ".orders WHERE is_deleted = 0 "
                + "GROUP BY customer_id";
    }

    private static void assertEqualToGroupBy(TestEnvironment env, CqlSession cql, Scenario scenario) {
        String orders = "`" + scenario.database() + "`.orders";
        AggregateRows windows = AggregateRows.fromMySql(env, "SELECT customer_id, "
                + "FLOOR(UNIX_TIMESTAMP(created_at) / 300) * 300 AS window_start, COUNT(*) AS member_count, "
                + "COUNT(*) AS order_count, SUM(amount) AS total_amount, MAX(amount) AS max_amount FROM " + orders
                + " WHERE is_deleted = 0 AND customer_id IS NOT NULL GROUP BY customer_id, window_start", WINDOW_KEY);
        AggregateRows totals = AggregateRows.fromMySql(env, "SELECT customer_id, COUNT(*) AS member_count, "
                + "COUNT(*) AS order_count, COUNT(CASE WHEN status = 'paid' THEN 1 END) AS paid_orders, "
                + "SUM(CASE WHEN status = 'paid' THEN amount END) AS paid_amount, MIN(amount) AS min_amount, "
                + "AVG(amount) AS avg_amount FROM " + orders + " WHERE is_deleted = 0 AND customer_id IS NOT NULL "
                + "GROUP BY customer_id", CUSTOMER_KEY);
        assertThat(windows.size()).as("5-minute windows with orders").isGreaterThan(1_000);
        assertThat(Long.parseLong(MySql.queryValue(env, "SELECT COUNT(*) FROM " + orders
                + " WHERE customer_id IS NULL AND is_deleted = 0"))).as("guest orders, in no group").isPositive();

        AggregateRows.awaitEqual(() -> AggregateRows.fromCassandra(cql, scenario.keyspace(), "orders_5m", WINDOW_KEY),
                windows, CONVERGENCE_TIMEOUT, "orders_5m");
        AggregateRows.awaitEqual(() -> AggregateRows.fromCassandra(cql, scenario.keyspace(), "customer_totals",
                CUSTOMER_KEY), totals, CONVERGENCE_TIMEOUT, "customer_totals");
    }

    /** The serving table answers "the last 12 windows of customer 42" with one single-partition query, newest first. */
    private static void assertLastTwelveWindowsOfCustomer42(TestEnvironment env, CqlSession cql, Scenario scenario) {
        List<List<String>> expected = new ArrayList<>();
        try (Connection connection = env.mysqlRoot(null); Statement session = connection.createStatement()) {
            session.execute("SET time_zone = '+00:00'");
            try (PreparedStatement query = connection.prepareStatement("SELECT "
                    + "FLOOR(UNIX_TIMESTAMP(created_at) / 300) * 300 AS w, COUNT(*), SUM(amount), MAX(amount) FROM `"
                    + scenario.database() + "`.orders WHERE customer_id = 42 AND is_deleted = 0 GROUP BY w "
                    + "ORDER BY w DESC LIMIT 12"); ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    expected.add(List.of(Instant.ofEpochSecond(rs.getLong(1)).toString(), rs.getString(2),
                            rs.getBigDecimal(3).toPlainString(), rs.getBigDecimal(4).toPlainString()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<List<String>> served = new ArrayList<>();
        for (Row row : cql.execute("SELECT window_start, order_count, total_amount, max_amount FROM \""
                + scenario.keyspace() + "\".orders_5m WHERE customer_id = 42 LIMIT 12")) {
            served.add(List.of(row.getInstant(0).toString(), Long.toString(row.getLong(1)),
                    row.getBigDecimal(2).toPlainString(), row.getBigDecimal(3).toPlainString()));
        }
        assertThat(expected).hasSize(12);
        assertThat(served).as("the last 12 windows of customer 42, newest first").isEqualTo(expected);
    }

    /** Waits until Debezium has committed a binlog position past its snapshot. */
    private static void awaitBinlogOffsetCommitted(TestEnvironment env, String debezium) {
        env.connect().awaitStatus(debezium, START_TIMEOUT, "past its snapshot", status -> {
            JsonNode offsets = env.connect().offsets(debezium).path("offsets");
            return offsets.size() > 0 && !offsets.get(0).path("offset").has("snapshot");
        });
    }

    private static void awaitApplied(RandomChanges changes, CompletableFuture<Void> workload, int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (changes.applied() < count) {
            if (workload.isCompletedExceptionally()) {
                workload.join();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + changes.applied() + " of " + count + " changes applied in 2 minutes");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
