package io.cdcsuite.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.datastax.oss.driver.api.core.CqlSession;

import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.AggregateRows;
import io.cdcsuite.it.support.CassandraTables;
import io.cdcsuite.it.support.DebeziumConfigs;
import io.cdcsuite.it.support.DemoAggregates;
import io.cdcsuite.it.support.OrderChanges;
import io.cdcsuite.it.support.RandomChanges;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.TableState;
import io.cdcsuite.stack.ConnectorConfigs;

/**
 * The two capture paths are interchangeable: one MySQL workload on the demo's orders table (inserts, updates that
 * change amounts and statuses, move orders to other customers and windows, soft deletes and undeletes) is captured at
 * the same time by Debezium (binlog) and by the timestamp source (polling), and written by the demo's sink configs as
 * shipped in {@code config/connectors/} (binlog: base tables and aggregates in two sinks; polling: one sink for both,
 * into {@code <db>_polling} keyspaces). At quiescence both keyspaces hold the same base table and the same 5-minute
 * aggregate table, row for row, and both equal MySQL: its rows that are not soft-deleted, and its GROUP BY.
 */
@ExtendWith(StackExtension.class)
class CrossPathEqualityIT {
    private static final int KEYS = 5_000;
    /** Read by both sources' snapshots ({@code op=r}). */
    private static final int CHANGES_BEFORE_CAPTURE = 3_000;
    private static final int CHANGES_WHILE_CAPTURING = 20_000;
    private static final int PER_TRANSACTION = 250;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofMinutes(4);
    private static final List<String> WINDOW_KEY = List.of("customer_id", AggregateRows.WINDOW_START);

    @Test
    void binlogAndPollingPathsLeaveIdenticalBaseAndAggregateTablesEqualToMySql(TestEnvironment env) {
        Scenario scenario = Scenario.named("xpath");
        String db = scenario.database();
        String binlogKeyspace = db;
        String pollingKeyspace = db + "_polling";
        DemoAggregates.createSchema(env, DemoAggregates.SHOP_SCHEMA, "shop", db);
        RandomChanges changes = RandomChanges.on(env, db, "orders", new OrderChanges(0), KEYS,
                RandomChanges.Deletes.SOFT, "+00:00", scenario.serverId());
        changes.run(CHANGES_BEFORE_CAPTURE, PER_TRANSACTION);

        String binlogTopic = scenario.topic("orders");
        String pollingPrefix = scenario.topicPrefix() + "-polling";
        String pollingTopic = pollingPrefix + "." + db + ".orders";
        try (ScenarioConnectors connectors = new ScenarioConnectors(env); CqlSession cql = env.cassandra()) {
            String debezium = scenario.connector("debezium");
            connectors.start(debezium, DebeziumConfigs.mysql(env, scenario, debezium, "orders"), 1, START_TIMEOUT);
            String polling = scenario.connector("polling");
            connectors.start(polling, pollingSource(env, polling, pollingPrefix, db), 1, START_TIMEOUT);

            String baseSink = scenario.connector("binlog-sink");
            connectors.start(baseSink, DemoAggregates.sinkConfig(env, DemoAggregates.BASE_SINK, baseSink, binlogTopic,
                    null), 1, START_TIMEOUT);
            String aggregateSink = scenario.connector("binlog-aggregates");
            connectors.start(aggregateSink, DemoAggregates.sinkConfig(env, DemoAggregates.SINK, aggregateSink,
                    binlogTopic, DemoAggregates.statement(DemoAggregates.SINK, "shop.orders", Map.of("shop", db))),
                    1, START_TIMEOUT);
            String pollingSink = scenario.connector("polling-sink");
            connectors.start(pollingSink, DemoAggregates.sinkConfig(env, DemoAggregates.POLLING_SINK, pollingSink,
                    pollingTopic, DemoAggregates.statement(DemoAggregates.POLLING_SINK, "shop.orders",
                            Map.of("shop", db, "shop_polling", pollingKeyspace))), 1, START_TIMEOUT);

            changes.run(CHANGES_WHILE_CAPTURING, PER_TRANSACTION);

            TableState live = TableState.fromMySql(env, db, "orders", List.of("id"))
                    .filter(row -> "0".equals(row.get(RandomChanges.SOFT_DELETE_COLUMN)));
            assertThat(live.size()).as("orders not soft-deleted").isBetween(KEYS / 4, KEYS);
            assertThat(TableState.fromMySql(env, db, "orders", List.of("id")).size() - live.size())
                    .as("soft-deleted orders, still in MySQL").isPositive();
            CassandraTables.awaitEqual(cql, binlogKeyspace, "orders", live, CONVERGENCE_TIMEOUT);
            CassandraTables.awaitEqual(cql, pollingKeyspace, "orders", live, CONVERGENCE_TIMEOUT);
            assertThat(TableState.fromCassandra(cql, pollingKeyspace, "orders", live))
                    .as("base tables of both paths")
                    .isEqualTo(TableState.fromCassandra(cql, binlogKeyspace, "orders", live));

            AggregateRows groupBy = AggregateRows.fromMySql(env, "SELECT customer_id, "
                    + "FLOOR(UNIX_TIMESTAMP(created_at) / 300) * 300 AS window_start, COUNT(*) AS member_count, "
                    + "COUNT(*) AS order_count, SUM(amount) AS total_amount, MAX(amount) AS max_amount FROM `" + db
                    + "`.orders WHERE is_deleted = 0 GROUP BY customer_id, window_start", WINDOW_KEY);
            assertThat(groupBy.size()).as("5-minute windows with orders").isGreaterThan(500);
            AggregateRows.awaitEqual(() -> AggregateRows.fromCassandra(cql, binlogKeyspace, "orders_5m", WINDOW_KEY),
                    groupBy, CONVERGENCE_TIMEOUT, "binlog path's orders_5m");
            AggregateRows.awaitEqual(() -> AggregateRows.fromCassandra(cql, pollingKeyspace, "orders_5m", WINDOW_KEY),
                    groupBy, CONVERGENCE_TIMEOUT, "polling path's orders_5m");
            assertThat(AggregateRows.fromCassandra(cql, pollingKeyspace, "orders_5m", WINDOW_KEY))
                    .as("aggregate tables of both paths")
                    .isEqualTo(AggregateRows.fromCassandra(cql, binlogKeyspace, "orders_5m", WINDOW_KEY));
        }
    }

    /** The shipped timestamp source config (soft deletes, created column, lag, re-scan window) on the scenario. */
    private static Map<String, String> pollingSource(TestEnvironment env, String name, String topicPrefix,
                                                     String db) {
        Map<String, String> config = new LinkedHashMap<>(ConnectorConfigs.read(DemoAggregates.POLLING_SOURCE));
        config.put("name", name);
        config.putAll(DebeziumConfigs.connection(env));
        config.put("topic.prefix", topicPrefix);
        config.put("table.include.list", db + "\\.orders");
        return config;
    }
}
