package io.cdcsuite.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Captures the records that the transforms' unit tests run on: Debezium MySQL 3.6.1 and our timestamp source, each
 * on an {@link EveryTypeTable}, a snapshot read, two inserts, two updates and a delete with its tombstone, as
 * JsonConverter (schemas on, nulls kept as nulls: {@link #LOSSLESS_JSON}) wrote them. The scenario names are replaced by {@code dbserver1} (topic prefix)
 * and {@code inventory} (database), so the files do not change from one capture to the next.
 * <p>
 * Run with {@code -Dcapture.write=true} to rewrite
 * {@code connect-smt-transforms/src/test/resources/captured/<path>/<phase>.json}; without it (as in the suite) the
 * test fails when the live records no longer match the committed ones: topics, key and value schemas, operations
 * and row values (except the columns MySQL's clock sets).
 */
@ExtendWith(StackExtension.class)
class CaptureRecordsIT {
    static final String TOPIC_PREFIX = "dbserver1";
    static final String DATABASE = "inventory";
    private static final Path CAPTURED = Path.of(System.getProperty("cdc.project.dir", "."),
            "connect-smt-transforms", "src", "test", "resources", "captured");
    private static final boolean WRITE = Boolean.getBoolean("capture.write");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The worker's JsonConverter, but writing a null field as null: by default (replace.null.with.default=true) it
     * writes the schema's default instead, and the captured record would not be the one the connector produced.
     */
    static final Map<String, String> LOSSLESS_JSON = Map.of(
            "value.converter", "org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable", "true",
            "value.converter.replace.null.with.default", "false");
    private static final String UTC_SESSION = "SET time_zone = '+00:00'";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What each phase emits, per path (the timestamp source's delete is a soft delete): the record counts. */
    private static final Map<String, Integer> PHASES = phases();

    @Test
    void capturesBothPathsAsCommitted(TestEnvironment env) {
        Scenario binlog = Scenario.named("capdbz");
        Scenario polling = Scenario.named("capts");
        for (Scenario scenario : List.of(binlog, polling)) {
            MySql.execute(env, "CREATE DATABASE " + scenario.database(), EveryTypeTable.create(scenario.database()),
                    UTC_SESSION, EveryTypeTable.insertOrdinaryRow(scenario.database()));
        }
        Map<String, Map<String, List<Message>>> captured = new LinkedHashMap<>();
        try (ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            String debezium = binlog.connector("debezium");
            Map<String, String> debeziumConfig = DebeziumConfigs.mysql(env, binlog, debezium, EveryTypeTable.TABLE);
            debeziumConfig.putAll(LOSSLESS_JSON);
            connectors.start(debezium, debeziumConfig, 1, START_TIMEOUT);
            String timestamp = polling.connector("ts");
            Map<String, String> timestampConfig = TimestampSourceConfigs.mysql(env, polling, timestamp,
                    polling.topicPrefix(), EveryTypeTable.TABLE);
            timestampConfig.putAll(LOSSLESS_JSON);
            timestampConfig.put("created.column", "created_at");
            timestampConfig.put("soft.delete.column", EveryTypeTable.SOFT_DELETE_COLUMN);
            timestampConfig.put("soft.delete.value", "1");
            connectors.start(timestamp, timestampConfig, 1, START_TIMEOUT);

            PathCapture binlogCapture = new PathCapture(env, binlog);
            PathCapture pollingCapture = new PathCapture(env, polling);
            for (String phase : PHASES.keySet()) {
                if (!phase.equals("read")) {
                    MySql.execute(env, statements(phase, binlog.database(), false));
                    MySql.execute(env, statements(phase, polling.database(), true));
                }
                // the polling path emits only a row's latest state: each phase must be read before the next
                binlogCapture.next(phase, PHASES.get(phase));
                pollingCapture.next(phase, PHASES.get(phase));
            }
            captured.put("debezium-mysql", binlogCapture.byPhase);
            captured.put("timestamp-source", pollingCapture.byPhase);
        }

        List<String> differences = new ArrayList<>();
        captured.forEach((path, phases) -> phases.forEach((phase, messages) -> {
            Path file = CAPTURED.resolve(path).resolve(phase + ".json");
            ArrayNode live = records(messages, path.equals("debezium-mysql") ? binlog : polling);
            if (WRITE) {
                write(file, live);
            } else {
                differences.addAll(differences(file, live));
            }
        }));
        assertThat(differences).as("live records that differ from the committed captures under " + CAPTURED
                + " (rerun with -Dcapture.write=true to update them, and review the diff)").isEmpty();
    }

    /** The phase's statements, in a session whose TIMESTAMP literals are UTC (as the captured values are). */
    private static String[] statements(String phase, String database, boolean softDeletes) {
        String[] changes = switch (phase) {
            case "insert" -> EveryTypeTable.insertEdgeRows(database);
            case "update" -> EveryTypeTable.updateRows(database);
            case "delete" -> new String[] {softDeletes ? EveryTypeTable.softDeleteRow(database)
                    : EveryTypeTable.deleteRow(database)};
            default -> throw new IllegalArgumentException(phase);
        };
        String[] statements = new String[changes.length + 1];
        statements[0] = UTC_SESSION;
        System.arraycopy(changes, 0, statements, 1, changes.length);
        return statements;
    }

    private static Map<String, Integer> phases() {
        Map<String, Integer> phases = new LinkedHashMap<>();
        phases.put("read", 1);
        phases.put("insert", 2);
        phases.put("update", 2);
        phases.put("delete", 2);
        return phases;
    }

    /** The records of one path's topic, phase by phase. */
    private static final class PathCapture {
        private final TestEnvironment env;
        private final String topic;
        private final Map<String, List<Message>> byPhase = new LinkedHashMap<>();
        private int read;

        PathCapture(TestEnvironment env, Scenario scenario) {
            this.env = env;
            this.topic = scenario.topic(EveryTypeTable.TABLE);
        }

        void next(String phase, int count) {
            int expected = read + count;
            List<Message> all = TopicReader.readUntil(env.kafkaBootstrap(), topic, RECORD_TIMEOUT,
                    messages -> messages.size() >= expected);
            assertThat(all).as("records on " + topic + " after phase " + phase).hasSize(expected);
            byPhase.put(phase, List.copyOf(all.subList(read, expected)));
            read = expected;
        }
    }

    /** The messages as committed: {"topic", "key", "value"} each, the scenario's names replaced by fixed ones. */
    private static ArrayNode records(List<Message> messages, Scenario scenario) {
        ArrayNode records = JSON.createArrayNode();
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("topic", scenario.topic(EveryTypeTable.TABLE));
            record.set("key", message.key());
            record.set("value", message.value());
        }
        try {
            String text = JSON.writeValueAsString(records)
                    .replace(scenario.topicPrefix(), TOPIC_PREFIX)
                    .replace(scenario.database(), DATABASE);
            return (ArrayNode) JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, ArrayNode records) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(records) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> differences(Path file, ArrayNode live) {
        if (!Files.exists(file)) {
            return List.of(file + " does not exist");
        }
        ArrayNode committed;
        try {
            committed = (ArrayNode) JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> differences = new ArrayList<>();
        if (committed.size() != live.size()) {
            differences.add(file + ": " + committed.size() + " committed record(s), " + live.size() + " live");
            return differences;
        }
        for (int i = 0; i < live.size(); i++) {
            JsonNode expected = comparable(committed.get(i));
            JsonNode actual = comparable(live.get(i));
            if (!expected.equals(actual)) {
                differences.add(file + " record " + i + ": committed " + expected + "\n  live " + actual);
            }
        }
        return differences;
    }

    /** Topic, key, schemas, op and rows of a record: what does not change from one capture to the next. */
    private static JsonNode comparable(JsonNode record) {
        ObjectNode comparable = JSON.createObjectNode();
        comparable.set("topic", record.get("topic"));
        comparable.set("key", record.get("key"));
        JsonNode value = record.get("value");
        if (value.isNull()) {
            return comparable.put("tombstone", true);
        }
        comparable.set("valueSchema", value.path("schema"));
        JsonNode payload = value.path("payload");
        comparable.set("op", payload.path("op"));
        for (String row : List.of("before", "after")) {
            JsonNode rowValue = payload.path(row).deepCopy();
            if (rowValue instanceof ObjectNode object) {
                object.remove(List.of(EveryTypeTable.CLOCK_COLUMNS));
            }
            comparable.set(row, rowValue);
        }
        return comparable;
    }
}
