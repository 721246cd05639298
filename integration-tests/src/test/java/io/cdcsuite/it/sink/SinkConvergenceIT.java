package io.cdcsuite.it.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.CassandraSinkConfigs;
import io.cdcsuite.it.support.CassandraTables;
import io.cdcsuite.it.support.DebeziumConfigs;
import io.cdcsuite.it.support.ItemsWorkload;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.SinkReplay;
import io.cdcsuite.it.support.TableState;
import io.cdcsuite.it.support.TimestampSourceConfigs;
import io.cdcsuite.it.support.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tens of thousands of random inserts, updates and deletes over a few thousand keys, captured by either path
 * (Debezium's binlog connector with real deletes, our timestamp source with soft deletes) into a topic of three
 * partitions, written by a sink of two tasks: the Cassandra table ends equal to the MySQL table, value by value.
 * Then the sink's offsets are reset to the start of the topic and everything is written again: nothing in Cassandra
 * changes, neither values nor write times.
 */
@ExtendWith(StackExtension.class)
class SinkConvergenceIT {
    private static final int KEYS = 3_000;
    /** Read by the sources' snapshots ({@code op=r}). */
    private static final int CHANGES_BEFORE_CAPTURE = 5_000;
    private static final int CHANGES_WHILE_CAPTURING = 15_000;
    private static final int PER_TRANSACTION = 1_000;
    /** The topic's partitions, spread over the sink's tasks: a key's changes stay in order within its partition. */
    private static final int PARTITIONS = 3;
    private static final int SINK_TASKS = 2;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void binlogPathEndsEqualToMySqlAndAReplayFromOffsetZeroChangesNothing(TestEnvironment env) {
        Scenario scenario = Scenario.named("sinkdbz");
        String source = scenario.connector("debezium");
        String sink = scenario.connector("sink");
        ItemsWorkload workload = prepare(env, scenario, ItemsWorkload.Deletes.HARD);
        try (ScenarioConnectors connectors = new ScenarioConnectors(env); CqlSession cql = env.cassandra()) {
            connectors.start(source, DebeziumConfigs.mysql(env, scenario, source, ItemsWorkload.TABLE), 1,
                    START_TIMEOUT);
            startSinkAndRun(env, connectors, scenario, sink, workload);

            TableState mysql = TableState.fromMySql(env, scenario.database(), ItemsWorkload.TABLE, ItemsWorkload.KEY);
            assertThat(mysql.size()).as("rows left in MySQL").isBetween(KEYS / 4, KEYS);
            CassandraTables.awaitEqual(cql, scenario.keyspace(), ItemsWorkload.TABLE, mysql, CONVERGENCE_TIMEOUT);
            env.connect().awaitRunning(sink, SINK_TASKS, START_TIMEOUT);

            assertReplayChangesNothing(env, cql, scenario, sink, mysql);
        }
    }

    @Test
    void pollingPathWithSoftDeletesEndsEqualToTheRowsNotDeletedAndAReplayChangesNothing(TestEnvironment env) {
        Scenario scenario = Scenario.named("sinkts");
        String source = scenario.connector("ts");
        String sink = scenario.connector("sink");
        ItemsWorkload workload = prepare(env, scenario, ItemsWorkload.Deletes.SOFT);
        try (ScenarioConnectors connectors = new ScenarioConnectors(env); CqlSession cql = env.cassandra()) {
            Map<String, String> sourceConfig = new LinkedHashMap<>(TimestampSourceConfigs.mysql(env, scenario, source,
                    scenario.topicPrefix(), ItemsWorkload.TABLE));
            sourceConfig.put("soft.delete.column", ItemsWorkload.SOFT_DELETE_COLUMN);
            sourceConfig.put("soft.delete.value", "1");
            connectors.start(source, sourceConfig, 1, START_TIMEOUT);
            startSinkAndRun(env, connectors, scenario, sink, workload);

            TableState mysql = TableState.fromMySql(env, scenario.database(), ItemsWorkload.TABLE, ItemsWorkload.KEY)
                    .filter(row -> ItemsWorkload.NOT_DELETED.equals(row.get(ItemsWorkload.SOFT_DELETE_COLUMN)));
            assertThat(mysql.size()).as("rows not soft-deleted in MySQL").isBetween(KEYS / 4, KEYS);
            CassandraTables.awaitEqual(cql, scenario.keyspace(), ItemsWorkload.TABLE, mysql, CONVERGENCE_TIMEOUT);
            env.connect().awaitRunning(sink, SINK_TASKS, START_TIMEOUT);

            assertReplayChangesNothing(env, cql, scenario, sink, mysql);
        }
    }

    /**
     * The scenario's database with the items table and a first batch of changes for the source's snapshot, and the
     * items topic with several partitions.
     */
    private static ItemsWorkload prepare(TestEnvironment env, Scenario scenario, ItemsWorkload.Deletes deletes) {
        Topics.create(env, scenario.topic(ItemsWorkload.TABLE), PARTITIONS);
        MySql.execute(env, "CREATE DATABASE " + scenario.database());
        ItemsWorkload.createTable(env, scenario.database());
        ItemsWorkload workload = new ItemsWorkload(env, scenario.database(), KEYS, deletes, scenario.serverId());
        workload.run(CHANGES_BEFORE_CAPTURE, PER_TRANSACTION);
        return workload;
    }

    /** Starts the sink on the scenario's items topic, then the rest of the workload while both connectors run. */
    private static void startSinkAndRun(TestEnvironment env, ScenarioConnectors connectors, Scenario scenario,
                                        String sink, ItemsWorkload workload) {
        Map<String, String> config = CassandraSinkConfigs.cassandra(env, scenario, sink,
                Map.of(scenario.topic(ItemsWorkload.TABLE), ItemsWorkload.TABLE));
        config.put("tasks.max", Integer.toString(SINK_TASKS));
        connectors.start(sink, config, SINK_TASKS, START_TIMEOUT);
        workload.run(CHANGES_WHILE_CAPTURING, PER_TRANSACTION);
    }

    /**
     * Makes the sink write the whole topic again from offset 0 (stop, delete its offsets, resume); once it is back at
     * the offsets it had, the table holds the same values with the same write times.
     */
    private static void assertReplayChangesNothing(TestEnvironment env, CqlSession cql, Scenario scenario, String sink,
                                                   TableState mysql) {
        Map<List<Object>, Map<String, Long>> writeTimes =
                CassandraTables.writeTimes(cql, scenario.keyspace(), ItemsWorkload.TABLE);

        SinkReplay.fromStart(env.connect(), sink, CONVERGENCE_TIMEOUT);
        env.connect().awaitRunning(sink, SINK_TASKS, START_TIMEOUT);

        assertThat(TableState.fromCassandra(cql, scenario.keyspace(), ItemsWorkload.TABLE, mysql))
                .as("values after the replay").isEqualTo(mysql.withTimestampsInMillis());
        assertThat(CassandraTables.writeTimes(cql, scenario.keyspace(), ItemsWorkload.TABLE))
                .as("write times after the replay").isEqualTo(writeTimes);
    }
}
