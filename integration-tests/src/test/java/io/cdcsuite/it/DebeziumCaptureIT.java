package io.cdcsuite.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.DebeziumConfigs;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.TopicReader;
import io.cdcsuite.it.support.TopicReader.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Debezium MySQL, loaded from the worker's plugin.path, captures inserts, updates and deletes from real MySQL. */
@ExtendWith(StackExtension.class)
class DebeziumCaptureIT {
    @Test
    void capturesInsertUpdateDeleteWithTombstone(TestEnvironment env) {
        Scenario scenario = Scenario.named("dbz");
        String db = scenario.database();
        MySql.execute(env,
                "CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".orders (id INT PRIMARY KEY, customer_id INT NOT NULL, "
                        + "amount DECIMAL(10,2) NOT NULL, status VARCHAR(20) NOT NULL)",
                "INSERT INTO " + db + ".orders VALUES (1, 42, 19.99, 'new')");
        String connector = scenario.connector("debezium");
        env.connect().putConnectorConfig(connector, DebeziumConfigs.mysql(env, scenario, connector, "orders"));
        env.connect().awaitRunning(connector, 1, Duration.ofSeconds(90));

        // the snapshot read of row 1 first, so the following changes come from the binlog
        TopicReader.readUntil(env.kafkaBootstrap(), scenario.topic("orders"), Duration.ofSeconds(60),
                messages -> messages.size() >= 1);
        MySql.execute(env,
                "INSERT INTO " + db + ".orders VALUES (2, 7, 2193.60, 'new')",
                "UPDATE " + db + ".orders SET status = 'paid', amount = 20.00 WHERE id = 1",
                "DELETE FROM " + db + ".orders WHERE id = 2");

        List<Message> messages = TopicReader.readUntil(env.kafkaBootstrap(), scenario.topic("orders"),
                Duration.ofSeconds(60), read -> read.size() >= 5);
        env.connect().deleteConnector(connector);

        assertThat(messages).extracting(m -> m.isTombstone() ? "tombstone" : m.op())
                .containsExactly("r", "c", "u", "d", "tombstone");
        Message snapshot = messages.get(0);
        assertThat(snapshot.keyPayload().path("id").asInt()).isEqualTo(1);
        assertThat(snapshot.payload().path("source").path("snapshot").asText()).isIn("true", "first", "last");

        Message insert = messages.get(1);
        assertThat(insert.payload().path("before").isNull()).isTrue();
        assertThat(insert.payload().path("after").path("customer_id").asInt()).isEqualTo(7);

        Message update = messages.get(2);
        assertThat(update.keyPayload().path("id").asInt()).isEqualTo(1);
        assertThat(update.payload().path("before").path("status").asText()).isEqualTo("new");
        assertThat(update.payload().path("after").path("status").asText()).isEqualTo("paid");
        assertThat(update.payload().path("source").path("table").asText()).isEqualTo("orders");
        assertThat(update.payload().path("source").path("db").asText()).isEqualTo(db);

        Message delete = messages.get(3);
        assertThat(delete.keyPayload().path("id").asInt()).isEqualTo(2);
        assertThat(delete.payload().path("before").path("id").asInt()).isEqualTo(2);
        assertThat(delete.payload().path("after").isNull()).isTrue();

        Message tombstone = messages.get(4);
        assertThat(tombstone.keyPayload().path("id").asInt()).isEqualTo(2);
        assertThat(messages.get(0).value().path("schema").path("name").asText())
                .isEqualTo(scenario.topic("orders") + ".Envelope");
        assertThat(messages.get(0).key().path("schema").path("name").asText())
                .isEqualTo(scenario.topic("orders") + ".Key");
    }
}
