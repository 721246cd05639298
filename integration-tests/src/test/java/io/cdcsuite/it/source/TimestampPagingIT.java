package io.cdcsuite.it.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.ProducerThrottle;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.TableState;
import io.cdcsuite.it.support.TimestampSourceConfigs;
import io.cdcsuite.it.support.TopicReader;
import io.cdcsuite.it.support.TopicReader.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keyset paging on (timestamp, composite key): thousands of rows sharing one TIMESTAMP(3) value across many pages,
 * a snapshot stopped midway, a worker killed with {@code kill -9} midway through the pages of one timestamp, and
 * the position moved into the middle of those pages through the REST API. A producer quota paces the connector so
 * that it is reliably stopped or killed while it reads; the oracle is always the table itself.
 */
@ExtendWith(StackExtension.class)
class TimestampPagingIT {
    private static final List<String> KEY = List.of("tenant", "id");
    private static final int PAGE = 500;
    private static final long THROTTLED_BYTES_PER_SECOND = 500_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static final DateTimeFormatter OFFSET_TS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");

    @Test
    void snapshotStoppedMidwayResumesAfterItsLastKeyAndAnOffsetResetTakesItAgain(TestEnvironment env) {
        Scenario scenario = Scenario.named("tssnap");
        String db = scenario.database();
        String connector = scenario.connector("ts");
        String topic = scenario.topic("orders");
        createOrders(env, db);
        // 10,000 rows inserted by one statement, all sharing one timestamp older than the snapshot's bound
        MySql.execute(env, "SET SESSION cte_max_recursion_depth = 10000", insertOrders(db, 5000),
                "UPDATE " + db + ".orders SET last_updated = last_updated - INTERVAL 1 MINUTE");
        TableState table = TableState.fromMySql(env, db, "orders", KEY);

        try (ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            try (ProducerThrottle throttle = ProducerThrottle.limit(env, connector, THROTTLED_BYTES_PER_SECOND)) {
                connectors.start(connector, config(env, scenario, connector), 1, TIMEOUT);
                TopicReader.readUntil(env.kafkaBootstrap(), topic, TIMEOUT, read -> read.size() >= 2 * PAGE);
                env.connect().stopConnector(connector);
                awaitStopped(env, connector);
            }
            JsonNode stored = storedOffset(env, connector);
            assertThat(stored.path("phase").asText()).as("stored offset %s", stored).isEqualTo("snapshot");
            assertThat(stored.path("key.0.column").asText()).isEqualTo("tenant");
            assertThat(stored.path("key.1.column").asText()).isEqualTo("id");
            int beforeStop = TopicReader.readAll(env.kafkaBootstrap(), topic).size();
            assertThat(beforeStop).as("records before the stop").isLessThan(10_000);

            env.connect().resumeConnector(connector);
            List<Message> messages = TableState.awaitTopicEquals(env, topic, table, TIMEOUT);

            assertThat(messages).extracting(Message::op).containsOnly("r");
            List<String> markers = snapshotMarkers(messages);
            assertThat(markers.get(0)).isEqualTo("first");
            assertThat(markers.get(markers.size() - 1)).isEqualTo("last");
            assertThat(markers).as("the resumed run does not start a second snapshot").containsOnlyOnce("first", "last");
            int tenant = stored.path("key.0.value").asInt();
            int id = stored.path("key.1.value").asInt();
            assertThat(keyOf(messages.get(beforeStop)))
                    .as("first record after the resume; stored key (%s, %s)", tenant, id)
                    .isEqualTo(id < 5000 ? List.of(tenant, id + 1) : List.of(tenant + 1, 1));

            // DELETE /offsets resets the table: a new snapshot, in full
            env.connect().stopConnector(connector);
            awaitStopped(env, connector);
            assertThat(storedOffset(env, connector).path("phase").asText()).isEqualTo("streaming");
            env.connect().resetOffsets(connector);
            env.connect().resumeConnector(connector);
            int firstRun = messages.size();
            List<Message> again = TopicReader.readUntil(env.kafkaBootstrap(), topic, TIMEOUT,
                    read -> read.size() >= firstRun + 10_000);
            assertThat(snapshotMarkers(again.subList(firstRun, again.size())))
                    .startsWith("first").endsWith("last").containsOnlyOnce("first", "last");
            assertThat(TableState.fromTopic(again.subList(firstRun, again.size()), KEY)).isEqualTo(table);
        }
    }

    @Test
    void rowsSharingOneTimestampAcrossPagesSurviveAWorkerKillAndAnOffsetRewind(TestEnvironment env) {
        Scenario scenario = Scenario.named("tspage");
        String db = scenario.database();
        String connector = scenario.connector("ts");
        String topic = scenario.topic("orders");
        createOrders(env, db);
        Map<String, String> config = config(env, scenario, connector);
        config.put("created.column", "created_at");

        try (ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            connectors.start(connector, config, 1, TIMEOUT);

            // 5,000 rows inserted by one statement, hence sharing one timestamp, read in 10 change pages
            MySql.execute(env, "SET SESSION cte_max_recursion_depth = 10000", insertOrders(db, 2500));
            List<Message> inserted = TableState.awaitTopicEquals(env, topic,
                    TableState.fromMySql(env, db, "orders", KEY), TIMEOUT);
            assertThat(inserted).hasSize(5000).extracting(Message::op).containsOnly("c");

            try (ProducerThrottle throttle = ProducerThrottle.limit(env, connector, THROTTLED_BYTES_PER_SECOND)) {
                // 5,000 rows updated by one statement: one new shared timestamp, again 10 pages
                MySql.execute(env, "UPDATE " + db + ".orders SET status = 'paid', amount = amount + 1");
                TopicReader.readUntil(env.kafkaBootstrap(), topic, TIMEOUT, read -> updates(read) >= 2 * PAGE);
                env.killConnectWorker();
            }
            assertThat(updates(TopicReader.readAll(env.kafkaBootstrap(), topic)))
                    .as("updates on the topic when the worker was killed").isLessThan(5000);
            env.startConnectWorker();
            TableState updated = TableState.fromMySql(env, db, "orders", KEY);
            List<Message> afterKill = TableState.awaitTopicEquals(env, topic, updated, TIMEOUT);
            assertThat(afterKill.subList(5000, afterKill.size())).extracting(Message::op).containsOnly("u");

            // move the position into the middle of the shared timestamp's pages, across the tenant boundary
            env.connect().stopConnector(connector);
            awaitStopped(env, connector);
            JsonNode partition = env.connect().offsets(connector).path("offsets").get(0).path("partition");
            Map<String, Object> offset = new LinkedHashMap<>();
            offset.put("ts", offsetTimestamp(MySql.queryValue(env,
                    "SELECT DISTINCT UNIX_TIMESTAMP(last_updated) FROM " + db + ".orders")));
            offset.put("key.0.column", "tenant");
            offset.put("key.0.value", 1);
            offset.put("key.1.column", "id");
            offset.put("key.1.value", 1234);
            env.connect().alterOffsets(connector, Map.of("offsets", List.of(Map.of("partition", partition,
                    "offset", offset))));
            assertThat(storedOffset(env, connector).path("key.1.value").asInt()).isEqualTo(1234);
            int before = TopicReader.readAll(env.kafkaBootstrap(), topic).size();
            env.connect().resumeConnector(connector);
            List<List<Integer>> expected = new ArrayList<>();
            for (int id = 1235; id <= 2500; id++) {
                expected.add(List.of(1, id));
            }
            for (int id = 1; id <= 2500; id++) {
                expected.add(List.of(2, id));
            }
            List<Message> rewound = TopicReader.readUntil(env.kafkaBootstrap(), topic, TIMEOUT,
                    read -> read.size() >= before + expected.size());

            assertThat(rewound.subList(before, rewound.size()))
                    .as("rows after (ts, tenant 1, id 1234), in (timestamp, key) order")
                    .extracting(TimestampPagingIT::keyOf)
                    .containsExactlyElementsOf(expected);
        }
    }

    private static void createOrders(TestEnvironment env, String db) {
        MySql.execute(env,
                "CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".orders (tenant INT NOT NULL, id INT NOT NULL, "
                        + "amount DECIMAL(10,2) NOT NULL, status VARCHAR(20) NOT NULL, "
                        + "created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "
                        + "last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) "
                        + "ON UPDATE CURRENT_TIMESTAMP(3), "
                        + "PRIMARY KEY (tenant, id), INDEX changes (last_updated))");
    }

    /** Tenants 1 and 2 with ids 1..perTenant, in one statement. */
    private static String insertOrders(String db, int perTenant) {
        return "INSERT INTO " + db + ".orders (tenant, id, amount, status) "
                + "WITH RECURSIVE seq (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " + perTenant + ") "
                + "SELECT tenant, n, n * 0.25, 'new' FROM seq CROSS JOIN (SELECT 1 AS tenant UNION ALL SELECT 2) t";
    }

    private static Map<String, String> config(TestEnvironment env, Scenario scenario, String connector) {
        Map<String, String> config = TimestampSourceConfigs.mysql(env, scenario, connector, scenario.topicPrefix(),
                "orders");
        config.put("batch.max.rows", Integer.toString(PAGE));
        config.putAll(ProducerThrottle.producerOverrides(connector));
        return config;
    }

    private static List<Integer> keyOf(Message message) {
        return List.of(message.keyPayload().path("tenant").asInt(), message.keyPayload().path("id").asInt());
    }

    private static List<String> snapshotMarkers(List<Message> messages) {
        return messages.stream().map(m -> m.payload().path("source").path("snapshot").asText()).toList();
    }

    private static long updates(List<Message> messages) {
        return messages.stream().filter(m -> "u".equals(m.op())).count();
    }

    private static void awaitStopped(TestEnvironment env, String connector) {
        env.connect().awaitStatus(connector, TIMEOUT, "STOPPED",
                status -> "STOPPED".equals(status.path("connector").path("state").asText()));
    }

    private static JsonNode storedOffset(TestEnvironment env, String connector) {
        JsonNode offsets = env.connect().offsets(connector).path("offsets");
        assertThat(offsets).as("stored offsets of %s", connector).hasSize(1);
        return offsets.get(0).path("offset");
    }

    /** {@code UNIX_TIMESTAMP(ts)} (seconds with fraction) as the offset's UTC local date-time. */
    private static String offsetTimestamp(String unixSeconds) {
        BigDecimal seconds = new BigDecimal(unixSeconds);
        Instant instant = Instant.ofEpochSecond(seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(OFFSET_TS);
    }
}
