package io.cdcsuite.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.DebeziumConfigs;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.TimestampSourceConfigs;
import io.cdcsuite.it.support.TopicReader;
import io.cdcsuite.it.support.TopicReader.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chain normalize, unwrap, route of our transforms (loaded from our plugin directory) in a real worker, on
 * Debezium's MySQL connector (from its own plugin directory) and on our timestamp source, capturing one table: topics
 * named by the route template, flat rows with Connect's logical types and the values MySQL holds, deletes as each
 * delete.tombstone.handling.mode says. Debezium's chain starts with a ChangeFilter that drops the snapshot reads of that
 * table, and exactly those.
 */
@ExtendWith(StackExtension.class)
class TransformChainIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(60);
    private static final String TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";
    private static final String DATE = "org.apache.kafka.connect.data.Date";
    private static final String TIME = "org.apache.kafka.connect.data.Time";
    private static final String PHYSICAL_TABLE = "__dbz__physicalTableIdentifier";

    @Test
    void normalizeUnwrapRouteOnBothPaths(TestEnvironment env) {
        Scenario scenario = Scenario.named("smtchain");
        String db = scenario.database();
        MySql.execute(env, "CREATE DATABASE " + db,
                "CREATE TABLE " + db + ".orders (id INT PRIMARY KEY, amount DECIMAL(10,2) NOT NULL, "
                        + "status VARCHAR(16) NOT NULL, placed_at DATETIME(6) NOT NULL, ship_date DATE, "
                        + "ship_time TIME(6), model_year YEAR, is_deleted BOOLEAN NOT NULL DEFAULT FALSE, "
                        + "created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "
                        + "last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) "
                        + "ON UPDATE CURRENT_TIMESTAMP(3), KEY (last_updated))",
                "CREATE TABLE " + db + ".marker (id INT PRIMARY KEY)",
                "INSERT INTO " + db + ".orders (id, amount, status, placed_at, ship_date, ship_time, model_year) VALUES "
                        + "(1, 19.99, 'new', '2024-03-01 10:15:30.123456', '2024-03-02', '10:15:30.5', 2024), "
                        + "(2, 5.00, 'new', '2024-03-01 11:00:00', NULL, NULL, NULL)",
                "INSERT INTO " + db + ".marker VALUES (1)");
        String binlogPrefix = scenario.topicPrefix();
        String pollingPrefix = scenario.topicPrefix() + "-ts";
        String binlogOrders = binlogPrefix + ".orders";
        String pollingOrders = pollingPrefix + ".orders";

        try (ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            String debezium = scenario.connector("debezium");
            Map<String, String> debeziumConfig = DebeziumConfigs.mysql(env, scenario, debezium, "orders", "marker");
            debeziumConfig.putAll(chain("rewrite"));
            debeziumConfig.put("transforms", "filter," + debeziumConfig.get("transforms"));
            debeziumConfig.put("transforms.filter.type", "io.cdcsuite.transforms.ChangeFilter");
            debeziumConfig.put("transforms.filter.filter.mode", "exclude");
            debeziumConfig.put("transforms.filter.operations", "r");
            debeziumConfig.put("transforms.filter.tables", db + "\\.orders");
            connectors.start(debezium, debeziumConfig, 1, START_TIMEOUT);

            String timestamp = scenario.connector("ts");
            Map<String, String> timestampConfig = TimestampSourceConfigs.mysql(env, scenario, timestamp, pollingPrefix,
                    "orders");
            timestampConfig.put("created.column", "created_at");
            timestampConfig.put("soft.delete.column", "is_deleted");
            timestampConfig.put("soft.delete.value", "1");
            timestampConfig.putAll(chain("delete-to-tombstone"));
            connectors.start(timestamp, timestampConfig, 1, START_TIMEOUT);

            // Debezium's snapshot has fixed its binlog position and read view once it emits a record (marker's read
            // passes the filter); the polling source's snapshot is done when both reads arrived
            await(env, binlogPrefix + ".marker", 1);
            await(env, pollingOrders, 2);
            MySql.execute(env,
                    "INSERT INTO " + db + ".orders (id, amount, status, placed_at, ship_date, ship_time, model_year) "
                            + "VALUES (3, 2193.60, 'new', '1969-07-20 20:17:40.999999', '1969-07-20', '23:59:59.999999', 1969)",
                    "UPDATE " + db + ".orders SET status = 'paid', placed_at = '2024-03-05 08:00:00.000001' WHERE id = 1",
                    "UPDATE " + db + ".orders SET is_deleted = TRUE WHERE id = 2");
            List<Message> polled = await(env, pollingOrders, 5);
            await(env, binlogOrders, 3);
            MySql.execute(env, "DELETE FROM " + db + ".orders WHERE id = 3");
            List<Message> binlog = await(env, binlogOrders, 4);
            List<Message> markers = TopicReader.readAll(env.kafkaBootstrap(), binlogPrefix + ".marker");

            // the filter dropped the reads of orders (rows 1 and 2), kept their changes and marker's read
            assertThat(binlog).extracting(message -> message.payload().path("__op").asText())
                    .containsExactly("c", "u", "u", "d");
            assertThat(binlog).extracting(message -> message.keyPayload().path("id").asInt())
                    .containsExactly(3, 1, 2, 3);
            assertThat(markers).singleElement()
                    .satisfies(marker -> assertThat(marker.payload().path("__op").asText()).isEqualTo("r"));

            // rewrite: the delete is row 3's last state, flagged; the tombstone is dropped
            assertThat(binlog.get(0).payload().path("__deleted").asText()).isEqualTo("false");
            assertThat(binlog.get(3).payload().path("__deleted").asText()).isEqualTo("true");
            assertThat(withoutMetadata(binlog.get(3).payload())).isEqualTo(withoutMetadata(binlog.get(0).payload()));

            // delete-to-tombstone: the soft delete of row 2 becomes a Kafka tombstone (the 'tombstone' mode keeps the
            // row's value schema, which JsonConverter writes as {"schema":..,"payload":null}); its own tombstone is dropped
            Map<Integer, Message> lastByKey = new HashMap<>();
            polled.forEach(message -> lastByKey.put(message.keyPayload().path("id").asInt(), message));
            assertThat(polled).hasSize(5);
            assertThat(polled.subList(0, 2)).extracting(message -> message.payload().path("__op").asText())
                    .containsExactly("r", "r");
            assertThat(lastByKey.get(2).isTombstone()).isTrue();
            assertThat(lastByKey.get(1).payload().path("__op").asText()).isEqualTo("u");
            assertThat(lastByKey.get(3).payload().path("__op").asText()).isEqualTo("c");

            for (Message message : List.of(binlog.get(0), binlog.get(1), lastByKey.get(1), lastByKey.get(3))) {
                String topic = message == lastByKey.get(1) || message == lastByKey.get(3) ? pollingOrders : binlogOrders;
                assertFlatRowWithConnectTypes(message, topic, db);
            }
            JsonNode inserted = binlog.get(0).payload();
            assertThat(inserted.path("placed_at").asLong())
                    .isEqualTo(millis(LocalDateTime.parse("1969-07-20T20:17:40.999999")));
            assertThat(inserted.path("ship_date").asLong()).isEqualTo(LocalDate.parse("1969-07-20").toEpochDay());
            assertThat(inserted.path("ship_time").asLong()).isEqualTo(LocalTime.parse("23:59:59.999").toNanoOfDay() / 1_000_000L);
            assertThat(inserted.path("model_year").asInt()).isEqualTo(1969);
            assertThat(binlog.get(1).payload().path("placed_at").asLong())
                    .isEqualTo(millis(LocalDateTime.parse("2024-03-05T08:00:00.000001")));
            // both paths flatten row 3's insert and row 1's update to the same values
            assertThat(withoutMetadata(lastByKey.get(3).payload())).isEqualTo(withoutMetadata(inserted));
            assertThat(withoutMetadata(lastByKey.get(1).payload())).isEqualTo(withoutMetadata(binlog.get(1).payload()));
        }
    }

    /** normalize, unwrap (with {@code __op}), route to {@code <prefix>.<table>}. */
    private static Map<String, String> chain(String deleteHandling) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("transforms", "normalize,unwrap,route");
        config.put("transforms.normalize.type", "io.cdcsuite.transforms.Normalize$Value");
        config.put("transforms.unwrap.type", "io.cdcsuite.transforms.Unwrap");
        config.put("transforms.unwrap.delete.tombstone.handling.mode", deleteHandling);
        config.put("transforms.unwrap.add.fields", "op");
        config.put("transforms.route.type", "io.cdcsuite.transforms.Route");
        config.put("transforms.route.topic.template", "${prefix}.${table}");
        return config;
    }

    private static void assertFlatRowWithConnectTypes(Message message, String topic, String db) {
        JsonNode schema = message.value().path("schema");
        assertThat(schema.path("name").asText()).isEqualTo(topic + ".Value");
        Map<String, JsonNode> fields = new HashMap<>();
        schema.path("fields").forEach(field -> fields.put(field.path("field").asText(), field));
        assertThat(fields.get("placed_at").path("name").asText()).isEqualTo(TIMESTAMP);
        assertThat(fields.get("created_at").path("name").asText()).isEqualTo(TIMESTAMP);
        assertThat(fields.get("last_updated").path("name").asText()).isEqualTo(TIMESTAMP);
        assertThat(fields.get("ship_date").path("name").asText()).isEqualTo(DATE);
        assertThat(fields.get("ship_time").path("name").asText()).isEqualTo(TIME);
        assertThat(fields.get("model_year").path("type").asText()).isEqualTo("int32");
        assertThat(fields.get("model_year").has("name")).isFalse();
        assertThat(fields.get("amount").path("name").asText()).isEqualTo("org.apache.kafka.connect.data.Decimal");
        // the template leaves out ${db}: keys carry their physical table, so merged tables cannot collide
        assertThat(message.key().path("schema").path("name").asText()).isEqualTo(topic + ".Key");
        assertThat(message.keyPayload().path(PHYSICAL_TABLE).asText()).isEqualTo(db + ".orders");
    }

    /** The row's columns: without the fields the two unwrap modes add. */
    private static JsonNode withoutMetadata(JsonNode payload) {
        ObjectNode row = payload.deepCopy();
        row.remove(List.of("__op", "__deleted"));
        return row;
    }

    /** A DATETIME as Connect's Timestamp holds it: milliseconds, the rest dropped (Normalize's default, truncate). */
    private static long millis(LocalDateTime wallClock) {
        return wallClock.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static List<Message> await(TestEnvironment env, String topic, int count) {
        return TopicReader.readUntil(env.kafkaBootstrap(), topic, RECORD_TIMEOUT, messages -> messages.size() >= count);
    }
}
