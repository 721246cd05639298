package io.cdcsuite.it.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.AggregateRows;
import io.cdcsuite.it.support.DebeziumConfigs;
import io.cdcsuite.it.support.DemoAggregates;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.RandomChanges;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seed 001: tracking events (clicks, conversions, qualified and unqualified applications with their bids) aggregated
 * into hourly events per job, publisher, campaign and group by the demo sink config
 * ({@code config/connectors/30-cassandra-aggregates-demo.json}, one task) over the schema of
 * {@code config/mysql/02-seed-tracking.sql}. Random events are inserted, change kind (moving between the FILTERed
 * counts), bid, job, group and time, and are deleted. The writer's session runs in +05:30, so its literals for the
 * TIMESTAMP event time are not UTC; the hours are UTC hours. At quiescence the serving table equals MySQL's GROUP BY
 * with the filters as CASE expressions, AVG to MySQL's scale; events with a NULL job, publisher, campaign or group are
 * in no group.
 */
@ExtendWith(StackExtension.class)
class TrackingAggregatesIT {
    private static final int KEYS = 4_000;
    private static final int CHANGES_BEFORE_CAPTURE = 2_000;
    private static final int CHANGES_WHILE_CAPTURING = 20_000;
    private static final int PER_TRANSACTION = 500;
    private static final String WRITER_TIME_ZONE = "+05:30";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofMinutes(4);
    private static final List<String> KEY = List.of("job_id", "publisher_id", "campaign_id", "group_id",
            AggregateRows.WINDOW_START);

    @Test
    void hourlyEventsEqualGroupByInUtcHours(TestEnvironment env) {
        Scenario scenario = Scenario.named("aggtrack");
        String db = scenario.database();
        DemoAggregates.createSchema(env, DemoAggregates.TRACKING_SCHEMA, "logs", db);
        RandomChanges changes = RandomChanges.on(env, db, "tracking", new TrackingChanges(), KEYS,
                RandomChanges.Deletes.HARD, WRITER_TIME_ZONE, scenario.serverId());
        changes.run(CHANGES_BEFORE_CAPTURE, PER_TRANSACTION);
        String source = scenario.connector("debezium");
        String sink = scenario.connector("sink");
        try (CqlSession cql = env.cassandra(); ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            connectors.put(source, DebeziumConfigs.mysql(env, scenario, source, "tracking"));
            String statement = DemoAggregates.statement(DemoAggregates.SINK, "logs.tracking",
                    Map.of("events", scenario.keyspace(), "logs", db));
            connectors.put(sink, DemoAggregates.sinkConfig(env, DemoAggregates.SINK, sink, scenario.topic("tracking"), statement));
            env.connect().awaitRunning(sink, 1, START_TIMEOUT);

            changes.run(CHANGES_WHILE_CAPTURING, PER_TRANSACTION);
            env.connect().awaitRunning(source, 1, START_TIMEOUT);

            String tracking = "`" + db + "`.tracking";
            AggregateRows expected = AggregateRows.fromMySql(env, "SELECT job_id, publisher_id, campaign_id, group_id, "
                    + "FLOOR(UNIX_TIMESTAMP(ts) / 3600) * 3600 AS window_start, COUNT(*) AS member_count, "
                    + "COUNT(CASE WHEN custom_track = 'click' THEN 1 END) AS clicks, "
                    + "COUNT(CASE WHEN custom_track = 'conversion' THEN 1 END) AS conversions, "
                    + "COUNT(CASE WHEN custom_track = 'qualified' THEN 1 END) AS qualified, "
                    + "COUNT(CASE WHEN custom_track = 'unqualified' THEN 1 END) AS unqualified, "
                    + "SUM(CASE WHEN custom_track = 'click' THEN bid END) AS spend, "
                    + "AVG(CASE WHEN custom_track = 'click' THEN bid END) AS average_bid "
                    + "FROM " + tracking + " WHERE is_deleted = 0 AND job_id IS NOT NULL AND publisher_id IS NOT NULL "
                    + "AND campaign_id IS NOT NULL AND group_id IS NOT NULL "
                    + "GROUP BY job_id, publisher_id, campaign_id, group_id, window_start", KEY);
            assertThat(expected.size()).as("hourly groups").isGreaterThan(500);
            assertThat(Long.parseLong(MySql.queryValue(env, "SELECT COUNT(*) FROM " + tracking + " WHERE job_id IS NULL "
                    + "OR publisher_id IS NULL OR campaign_id IS NULL OR group_id IS NULL")))
                    .as("events with a NULL group column, in no group").isPositive();

            AggregateRows.awaitEqual(() -> AggregateRows.fromCassandra(cql, scenario.keyspace(), "hourly_events", KEY),
                    expected, CONVERGENCE_TIMEOUT, "hourly_events");
        }
    }
}
