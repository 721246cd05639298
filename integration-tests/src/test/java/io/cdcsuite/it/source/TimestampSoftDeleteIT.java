package io.cdcsuite.it.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.TableState;
import io.cdcsuite.it.support.TimestampSourceConfigs;
import io.cdcsuite.it.support.TopicReader;
import io.cdcsuite.it.support.TopicReader.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Soft deletes become {@code op=d} records carrying the row's last state, followed by a tombstone; and Debezium's own
 * {@code io.debezium.transforms.ExtractNewRecordState}, loaded by the worker from Debezium's plugin directory and
 * configured on our connector, flattens our records as it flattens Debezium's.
 */
@ExtendWith(StackExtension.class)
class TimestampSoftDeleteIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> KEY = List.of("id");

    @Test
    void softDeletesAreDeletesWithTheLastStateAndDebeziumsUnwrapFlattensOurRecords(TestEnvironment env) {
        Scenario scenario = Scenario.named("tssoft");
        String db = scenario.database();
        MySql.execute(env, "CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".items (id INT NOT NULL PRIMARY KEY, name VARCHAR(20) NOT NULL, "
                        + "qty INT NOT NULL, is_deleted TINYINT(1) NOT NULL DEFAULT 0, "
                        + "created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "
                        + "last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) "
                        + "ON UPDATE CURRENT_TIMESTAMP(3), INDEX changes (last_updated))",
                "INSERT INTO " + db + ".items (id, name, qty) VALUES (1, 'apple', 10), (2, 'pear', 20)",
                // deleted before capture starts: not in the snapshot
                "INSERT INTO " + db + ".items (id, name, qty, is_deleted) VALUES (4, 'plum', 40, 1)",
                // older than the snapshot's bound (now - commit.lag.ms), however soon the connector starts
                "UPDATE " + db + ".items SET created_at = created_at - INTERVAL 1 MINUTE, "
                        + "last_updated = last_updated - INTERVAL 1 MINUTE");
        String plain = scenario.connector("ts");
        String flat = scenario.connector("flat");
        String plainTopic = scenario.topic("items");
        String flatPrefix = scenario.topicPrefix() + "-flat";
        String flatTopic = flatPrefix + "." + db + ".items";

        try (ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            connectors.start(plain, config(env, scenario, plain, scenario.topicPrefix()), 1, TIMEOUT);
            Map<String, String> unwrapped = config(env, scenario, flat, flatPrefix);
            unwrapped.put("transforms", "unwrap");
            unwrapped.put("transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState");
            unwrapped.put("transforms.unwrap.delete.tombstone.handling.mode", "rewrite");
            unwrapped.put("transforms.unwrap.add.fields", "op,table,source.ts_ms");
            connectors.start(flat, unwrapped, 1, TIMEOUT);
            TopicReader.readUntil(env.kafkaBootstrap(), plainTopic, TIMEOUT, read -> read.size() >= 2);
            TopicReader.readUntil(env.kafkaBootstrap(), flatTopic, TIMEOUT, read -> read.size() >= 2);

            MySql.execute(env,
                    "INSERT INTO " + db + ".items (id, name, qty) VALUES (3, 'fig', 30)",
                    "UPDATE " + db + ".items SET qty = 11 WHERE id = 1",
                    "UPDATE " + db + ".items SET is_deleted = 1 WHERE id = 2");
            TableState table = TableState.fromMySql(env, db, "items", KEY);
            List<Message> records = TableState.awaitTopicEquals(env, plainTopic,
                    table.filter(row -> "0".equals(row.get("is_deleted"))), TIMEOUT);
            List<Message> flattened = TopicReader.readUntil(env.kafkaBootstrap(), flatTopic, TIMEOUT,
                    read -> read.size() >= 5);

            assertThat(events(records, 1)).containsExactly("r", "u");
            assertThat(events(records, 2)).containsExactly("r", "d", "tombstone");
            assertThat(events(records, 3)).containsExactly("c");
            assertThat(events(records, 4)).isEmpty();
            Message delete = ofKey(records, 2).get(1);
            assertThat(delete.payload().path("after").isNull()).isTrue();
            assertThat(TableState.fromTopic(List.of(asUpsert(delete)), KEY).row("2"))
                    .as("the delete's before: the row's last state").isEqualTo(table.row("2"));
            assertThat(ofKey(records, 2).get(2).keyPayload()).isEqualTo(delete.keyPayload());

            assertThat(flattened).as("rewrite mode: no tombstones").hasSize(5).noneMatch(Message::isTombstone);
            for (Message record : flattened) {
                JsonNode schema = record.value().path("schema");
                assertThat(schema.path("name").asText()).isEqualTo(flatTopic + ".Value");
                assertThat(fieldNames(schema)).containsExactly("id", "name", "qty", "is_deleted", "created_at",
                        "last_updated", "__deleted", "__op", "__table", "__source_ts_ms");
                int id = record.keyPayload().path("id").asInt();
                Message original = ofKey(records, id).stream()
                        .filter(m -> !m.isTombstone() && m.op().equals(record.payload().path("__op").asText()))
                        .findFirst().orElseThrow();
                JsonNode row = original.payload().path(original.op().equals("d") ? "before" : "after");
                for (String column : List.of("id", "name", "qty", "is_deleted", "created_at", "last_updated")) {
                    assertThat(record.payload().path(column)).as("%s of row %s", column, id).isEqualTo(row.path(column));
                }
                assertThat(record.payload().path("__table").asText()).isEqualTo("items");
                assertThat(record.payload().path("__source_ts_ms").asLong())
                        .isEqualTo(original.payload().path("source").path("ts_ms").asLong());
                assertThat(record.payload().path("__deleted").asText())
                        .isEqualTo(original.op().equals("d") ? "true" : "false");
            }
            assertThat(flattened).extracting(m -> m.keyPayload().path("id").asInt() + ":"
                    + m.payload().path("__op").asText()).containsExactlyInAnyOrder("1:r", "2:r", "1:u", "2:d", "3:c");
        }
    }

    private static Map<String, String> config(TestEnvironment env, Scenario scenario, String name, String prefix) {
        Map<String, String> config = TimestampSourceConfigs.mysql(env, scenario, name, prefix, "items");
        config.put("created.column", "created_at");
        config.put("soft.delete.column", "is_deleted");
        config.put("soft.delete.value", "1");
        return config;
    }

    private static List<Message> ofKey(List<Message> records, int id) {
        return records.stream().filter(m -> m.keyPayload().path("id").asInt() == id).toList();
    }

    /** Each record of a key as its op, or {@code tombstone}. */
    private static List<String> events(List<Message> records, int id) {
        return ofKey(records, id).stream().map(m -> m.isTombstone() ? "tombstone" : m.op()).toList();
    }

    /** A delete record turned into an upsert of its {@code before}, to read that state like any row. */
    private static Message asUpsert(Message delete) {
        JsonNode value = delete.value().deepCopy();
        ObjectNode payload = (ObjectNode) value.path("payload");
        payload.set("after", payload.path("before"));
        payload.put("op", "u");
        return new Message(delete.key(), value, delete.offset(), delete.partition());
    }

    private static List<String> fieldNames(JsonNode structSchema) {
        List<String> names = new ArrayList<>();
        structSchema.path("fields").forEach(field -> names.add(field.path("field").asText()));
        return names;
    }
}
