package io.cdcsuite.it.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.CassandraSinkConfigs;
import io.cdcsuite.it.support.CassandraTables;
import io.cdcsuite.it.support.DeadLetters;
import io.cdcsuite.it.support.DeadLetters.DeadLetter;
import io.cdcsuite.it.support.DebeziumConfigs;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.TableState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Records that can never be written go to the dead-letter queue with the reason, while the records around them keep
 * flowing. Poison of two kinds on one topic: real Debezium changes whose {@code code} is not a number, for a Cassandra
 * table created beforehand with an {@code int} column {@code code}; and records produced straight to the topic (not
 * JSON at all; an id that is not a number; a quantity beyond {@code int}).
 */
@ExtendWith(StackExtension.class)
class SinkDeadLetterIT {
    private static final String TABLE = "parts";
    private static final int ROWS = 1_000;
    /** Every 50th row gets a code that is not a number: 20 poison changes. */
    private static final int POISON_EVERY = 50;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where Connect met the error: converting the record, or in the sink task's put(). */
    private static final String STAGE = "__connect.errors.stage";

    @Test
    void unwritableRecordsGoToTheDeadLetterQueueWithTheReasonAndTheOthersLand(TestEnvironment env) throws Exception {
        Scenario scenario = Scenario.named("sinkdlq");
        String db = scenario.database();
        String topic = scenario.topic(TABLE);
        String deadLetterTopic = "dlq." + scenario.topicPrefix();
        MySql.execute(env, "CREATE DATABASE " + db,
                "CREATE TABLE " + db + "." + TABLE
                        + " (id INT PRIMARY KEY, code VARCHAR(20) NOT NULL, qty INT NOT NULL)");
        try (CqlSession cql = env.cassandra()) {
            cql.execute("CREATE KEYSPACE " + scenario.keyspace()
                    + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
            cql.execute("CREATE TABLE " + scenario.keyspace() + "." + TABLE
                    + " (id int PRIMARY KEY, code int, qty int)");
        }
        String source = scenario.connector("debezium");
        String sink = scenario.connector("sink");
        try (ScenarioConnectors connectors = new ScenarioConnectors(env); CqlSession cql = env.cassandra()) {
            connectors.start(source, DebeziumConfigs.mysql(env, scenario, source, TABLE), 1, TIMEOUT);
            connectors.start(sink, CassandraSinkConfigs.withDeadLetterQueue(
                    CassandraSinkConfigs.cassandra(env, scenario, sink, Map.of(topic, TABLE)), deadLetterTopic), 1,
                    TIMEOUT);

            StringBuilder inserts = new StringBuilder();
            for (int id = 1; id <= ROWS; id++) {
                String code = id % POISON_EVERY == 0 ? "X-" + id : Integer.toString(id * 7);
                inserts.append(inserts.isEmpty() ? "" : ", ").append("(").append(id).append(", '").append(code)
                        .append("', ").append(id).append(")");
            }
            MySql.execute(env, "INSERT INTO " + db + "." + TABLE + " VALUES " + inserts);
            produce(env, topic, "{\"schema\":null,\"payload\":{\"id\":5001}}", "this is not JSON {");
            produce(env, topic, "{\"schema\":null,\"payload\":{\"id\":\"abc\"}}",
                    "{\"schema\":null,\"payload\":{\"op\":\"c\",\"after\":{\"id\":\"abc\",\"code\":\"1\",\"qty\":1}}}");
            produce(env, topic, "{\"schema\":null,\"payload\":{\"id\":5003}}",
                    "{\"schema\":null,\"payload\":{\"op\":\"c\","
                            + "\"after\":{\"id\":5003,\"code\":\"1\",\"qty\":99999999999}}}");
            // changes after the poison: updates and deletes of good and poisoned rows alike
            MySql.execute(env,
                    "UPDATE " + db + "." + TABLE + " SET qty = qty + 1000 WHERE id <= 500 AND code NOT LIKE 'X%'",
                    "DELETE FROM " + db + "." + TABLE + " WHERE id BETWEEN 501 AND 600");

            TableState mysql = TableState.fromMySql(env, db, TABLE, List.of("id"))
                    .filter(row -> !row.get("code").startsWith("X"));
            // 1,000 rows, 100 deleted, 18 of the others poisoned (550 and 600 were deleted)
            assertThat(mysql.size()).isEqualTo(882);
            CassandraTables.awaitEqual(cql, scenario.keyspace(), TABLE, mysql, TIMEOUT);

            int poisoned = ROWS / POISON_EVERY;
            Map<String, DeadLetter> byKey = new TreeMap<>();
            for (DeadLetter letter : DeadLetters.await(env.kafkaBootstrap(), deadLetterTopic, poisoned + 3, TIMEOUT)) {
                assertThat(letter.headers()).containsEntry("__connect.errors.topic", topic);
                assertThat(byKey.put(JSON.readTree(letter.key()).path("payload").path("id").asText(), letter))
                        .as("another dead letter with the key of %s", letter).isNull();
            }
            Set<String> expectedKeys = new TreeSet<>(List.of("5001", "abc", "5003"));
            for (int id = POISON_EVERY; id <= ROWS; id += POISON_EVERY) {
                expectedKeys.add(Integer.toString(id));
                assertThat(byKey.get(Integer.toString(id)).reason()).contains("column 'code'", "'X-" + id + "'");
                assertThat(byKey.get(Integer.toString(id)).headers()).containsEntry(STAGE, "TASK_PUT");
            }
            assertThat(byKey.keySet()).isEqualTo(expectedKeys);
            assertThat(byKey.get("5001").value()).isEqualTo("this is not JSON {");
            assertThat(byKey.get("5001").reason()).isNotBlank();
            assertThat(byKey.get("5001").headers()).containsEntry(STAGE, "VALUE_CONVERTER");
            assertThat(byKey.get("abc").reason()).contains("column 'id'", "'abc'");
            assertThat(byKey.get("5003").reason()).contains("column 'qty'", "99999999999");
            env.connect().awaitRunning(sink, 1, TIMEOUT);
        }
    }

    /** A record in Connect's JSON envelope ({@code "schema": null}: schemaless), or any text, produced as is. */
    private static void produce(TestEnvironment env, String topic, String key, String value)
            throws ExecutionException, InterruptedException {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrap());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8))).get();
        }
    }
}
