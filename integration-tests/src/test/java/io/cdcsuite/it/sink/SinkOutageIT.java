package io.cdcsuite.it.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.CassandraSinkConfigs;
import io.cdcsuite.it.support.CassandraTables;
import io.cdcsuite.it.support.DebeziumConfigs;
import io.cdcsuite.it.support.ItemsWorkload;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.Poll;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.TableState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cassandra goes down for 30 s in the middle of a stream of changes and comes back with its data: the sink task stays
 * RUNNING throughout (it retries and pauses consumption instead of failing), and once Cassandra is back the table ends
 * equal to MySQL: nothing written before, during or after the outage is lost.
 */
@ExtendWith(StackExtension.class)
class SinkOutageIT {
    private static final int KEYS = 1_000;
    private static final int CHANGES = 10_000;
    private static final int PER_TRANSACTION = 100;
    /** About 200 changes/s: the stream runs before, during and after the outage. */
    private static final Duration PAUSE = Duration.ofMillis(500);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void cassandraStoppedForThirtySecondsMidStreamLosesNothingAndTheTaskStaysRunning(TestEnvironment env)
            throws Exception {
        Scenario scenario = Scenario.named("sinkdown");
        MySql.execute(env, "CREATE DATABASE " + scenario.database());
        ItemsWorkload.createTable(env, scenario.database());
        ItemsWorkload workload = new ItemsWorkload(env, scenario.database(), KEYS, ItemsWorkload.Deletes.HARD,
                scenario.serverId());
        String source = scenario.connector("debezium");
        String sink = scenario.connector("sink");
        List<String> notRunning = new ArrayList<>();
        try (ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            connectors.start(source, DebeziumConfigs.mysql(env, scenario, source, ItemsWorkload.TABLE), 1, TIMEOUT);
            connectors.start(sink, CassandraSinkConfigs.cassandra(env, scenario, sink,
                    Map.of(scenario.topic(ItemsWorkload.TABLE), ItemsWorkload.TABLE)), 1, TIMEOUT);
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() ->
                    workload.run(CHANGES, PER_TRANSACTION, PAUSE));
            try (CqlSession cql = env.cassandra()) {
                Poll.until("the sink writing the first rows", TIMEOUT,
                        () -> rowCount(cql, scenario), count -> count > 0);
            }

            env.stopCassandra();
            int appliedAtStop = workload.applied();
            long outageEnd = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < outageEnd) {
                recordIfNotRunning(env.connect().status(sink), notRunning);
                Thread.sleep(1_000);
            }
            int appliedDuringOutage = workload.applied() - appliedAtStop;
            env.startCassandra();

            stream.get();
            TableState mysql = TableState.fromMySql(env, scenario.database(), ItemsWorkload.TABLE, ItemsWorkload.KEY);
            try (CqlSession cql = env.cassandra()) {
                CassandraTables.awaitEqual(cql, scenario.keyspace(), ItemsWorkload.TABLE, mysql, TIMEOUT);
            }
            recordIfNotRunning(env.connect().status(sink), notRunning);

            assertThat(appliedDuringOutage).as("changes made in MySQL while Cassandra was down").isPositive();
            assertThat(workload.applied()).as("changes in all").isEqualTo(CHANGES);
            assertThat(notRunning).as("sink states other than RUNNING, seen during and after the outage").isEmpty();
        } finally {
            // the other scenarios need Cassandra, whatever happened here
            if (!cassandraAnswers(env)) {
                env.startCassandra();
            }
        }
    }

    private static long rowCount(CqlSession cql, Scenario scenario) {
        try {
            return cql.execute("SELECT COUNT(*) FROM " + scenario.keyspace() + "." + ItemsWorkload.TABLE).one()
                    .getLong(0);
        } catch (RuntimeException tableNotCreatedYet) {
            return 0;
        }
    }

    private static void recordIfNotRunning(JsonNode status, List<String> notRunning) {
        String connector = status.path("connector").path("state").asText();
        if (!"RUNNING".equals(connector)) {
            notRunning.add("connector " + connector);
        }
        for (JsonNode task : status.path("tasks")) {
            if (!"RUNNING".equals(task.path("state").asText())) {
                notRunning.add("task " + task.path("id").asText() + " " + task.path("state").asText() + " "
                        + task.path("trace").asText());
            }
        }
    }

    private static boolean cassandraAnswers(TestEnvironment env) {
        try (CqlSession cql = env.cassandra()) {
            return cql.execute("SELECT release_version FROM system.local").one() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
