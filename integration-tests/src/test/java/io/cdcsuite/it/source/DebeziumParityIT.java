package io.cdcsuite.it.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.cdcsuite.it.transforms.EveryTypeTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Debezium MySQL 3.6.1 and our timestamp source capture the same tables in the same run: a table with a column of
 * every type and one with a default on every type. Our key and envelope schemas (as JsonConverter writes them: field
 * names, types, optionality, logical names, versions, parameters, defaults) must equal Debezium's field by field,
 * and our values Debezium's for the same row states, except for exactly the differences the README documents.
 */
@ExtendWith(StackExtension.class)
class DebeziumParityIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String DEFAULTS = "typed_defaults";
    private static final String PREFIX = "<prefix>";
    /** README, Records: Debezium's source fields that have no meaning without a binlog are left out. */
    private static final Set<String> BINLOG_SOURCE_FIELDS =
            Set.of("server_id", "gtid", "file", "pos", "row", "thread", "query");
    private static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    private static final String JSON_TYPE = "io.debezium.data.Json";
    private static final String ENUM_TYPE = "io.debezium.data.Enum";

    @Test
    void ourSchemasAndValuesAreDebeziumsForEveryColumnType(TestEnvironment env) {
        Scenario scenario = Scenario.named("parity");
        String db = scenario.database();
        String ourPrefix = scenario.topicPrefix() + "-ts";
        MySql.execute(env, "CREATE DATABASE " + db, EveryTypeTable.create(db), createDefaults(db),
                "SET time_zone = '+00:00'", EveryTypeTable.insertOrdinaryRow(db),
                "INSERT INTO " + db + "." + DEFAULTS + " (id) VALUES (1)",
                // older than the snapshot's bound (now - commit.lag.ms): our snapshot reads them too
                "UPDATE " + db + "." + EveryTypeTable.TABLE + " SET created_at = created_at - INTERVAL 1 MINUTE, "
                        + "last_updated = last_updated - INTERVAL 1 MINUTE",
                "UPDATE " + db + "." + DEFAULTS + " SET last_updated = last_updated - INTERVAL 1 MINUTE");

        Map<String, List<Message>> debezium = new LinkedHashMap<>();
        Map<String, List<Message>> ours = new LinkedHashMap<>();
        try (ScenarioConnectors connectors = new ScenarioConnectors(env)) {
            String debeziumName = scenario.connector("debezium");
            connectors.start(debeziumName,
                    DebeziumConfigs.mysql(env, scenario, debeziumName, EveryTypeTable.TABLE, DEFAULTS), 1, TIMEOUT);
            Map<String, String> config = TimestampSourceConfigs.mysql(env, scenario, scenario.connector("ts"),
                    ourPrefix, EveryTypeTable.TABLE, DEFAULTS);
            config.put("created.column", "created_at");
            connectors.start(scenario.connector("ts"), config, 1, TIMEOUT);
            for (String table : List.of(EveryTypeTable.TABLE, DEFAULTS)) {
                // both snapshots first, so that the following changes are binlog events for Debezium
                read(env, scenario.topic(table), messages -> messages.size() >= 1);
                read(env, topic(ourPrefix, db, table), messages -> messages.size() >= 1);
            }

            List<String> changes = new ArrayList<>(List.of("SET time_zone = '+00:00'"));
            changes.addAll(List.of(EveryTypeTable.insertEdgeRows(db)));
            changes.addAll(List.of(EveryTypeTable.updateRows(db)));
            changes.add("INSERT INTO " + db + "." + DEFAULTS + " (id) VALUES (2)");
            MySql.execute(env, changes.toArray(String[]::new));

            // Debezium: the read, two inserts, two updates; ours: each row in its final state
            debezium.put(EveryTypeTable.TABLE, read(env, scenario.topic(EveryTypeTable.TABLE), m -> m.size() >= 5));
            ours.put(EveryTypeTable.TABLE, read(env, topic(ourPrefix, db, EveryTypeTable.TABLE),
                    m -> m.stream().anyMatch(record -> "updated".equals(after(record).path("c_varchar").asText()))
                            && m.stream().anyMatch(record -> after(record).path("c_int").asInt() == 7)
                            && m.stream().anyMatch(record -> after(record).path("id").asInt() == 2)));
            debezium.put(DEFAULTS, read(env, scenario.topic(DEFAULTS), m -> m.size() >= 2));
            ours.put(DEFAULTS, read(env, topic(ourPrefix, db, DEFAULTS), m -> m.size() >= 2));
        }

        List<String> differences = new ArrayList<>();
        for (String table : debezium.keySet()) {
            List<Message> theirs = debezium.get(table);
            List<Message> mine = ours.get(table);
            String label = table + ": ";
            schemaDifferences(label + "key", normalized(theirs.get(0).key().path("schema"), scenario.topicPrefix()),
                    normalized(mine.get(0).key().path("schema"), ourPrefix), differences);
            envelopeDifferences(label, normalized(theirs.get(0).value().path("schema"), scenario.topicPrefix()),
                    normalized(mine.get(0).value().path("schema"), ourPrefix), differences);
            // the snapshot read of row 1, then every row's final state
            valueDifferences(label + "snapshot of row 1", theirs.get(0), mine.get(0), differences);
            for (int id : ids(theirs)) {
                valueDifferences(label + "last state of row " + id, last(theirs, id), last(mine, id), differences);
            }
        }
        assertThat(differences).as("differences from Debezium that the README does not document").isEmpty();
    }

    private static String createDefaults(String db) {
        return "CREATE TABLE " + db + "." + DEFAULTS + " (id INT NOT NULL PRIMARY KEY, "
                + "d_tinyint TINYINT NOT NULL DEFAULT -7, d_smallint_unsigned SMALLINT UNSIGNED DEFAULT 65000, "
                + "d_int INT DEFAULT 42, d_bigint_unsigned BIGINT UNSIGNED NOT NULL DEFAULT 18446744073709551615, "
                + "d_decimal DECIMAL(8,3) DEFAULT 12.5, d_float FLOAT DEFAULT 1.25, "
                + "d_double DOUBLE NOT NULL DEFAULT -2.5e10, d_char CHAR(3) DEFAULT 'ab', "
                + "d_varchar VARCHAR(20) NOT NULL DEFAULT 'it''s', d_text_null TEXT, "
                + "d_binary BINARY(4) DEFAULT 'ab', d_varbinary VARBINARY(8) DEFAULT 'xyz', "
                + "d_date DATE DEFAULT '2020-02-29', d_time TIME(3) DEFAULT '-12:34:56.789', "
                + "d_datetime DATETIME DEFAULT '2021-06-01 12:00:00', "
                + "d_datetime6 DATETIME(6) NOT NULL DEFAULT '2021-06-01 12:00:00.123456', "
                + "d_datetime_now DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3), "
                + "d_timestamp_literal TIMESTAMP(2) NOT NULL DEFAULT '2022-02-02 02:02:02.02', "
                + "d_timestamp_null TIMESTAMP NULL DEFAULT NULL, d_year YEAR DEFAULT 2024, "
                + "d_enum ENUM('a','b,c','it''s') NOT NULL DEFAULT 'b,c', d_set SET('x','y','z') DEFAULT 'x,z', "
                + "d_bit1 BIT(1) NOT NULL DEFAULT b'1', d_bit10 BIT(10) DEFAULT b'1000000001', "
                + "d_boolean BOOLEAN NOT NULL DEFAULT TRUE, d_expression VARCHAR(36) DEFAULT (UUID()), "
                + "last_updated TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), "
                + "INDEX changes (last_updated))";
    }

    /** Compares the envelopes; the source block may differ only as documented. */
    private static void envelopeDifferences(String label, JsonNode debezium, JsonNode ours, List<String> differences) {
        JsonNode debeziumSource = field(debezium, "source");
        JsonNode ourSource = field(ours, "source");
        schemaDifferences(label + "envelope", withoutField(debezium, "source"), withoutField(ours, "source"),
                differences);
        // documented: our source block has its own schema name, and leaves out the binlog fields
        List<String> expectedSourceFields = new ArrayList<>(fieldNames(debeziumSource));
        expectedSourceFields.removeAll(BINLOG_SOURCE_FIELDS);
        if (!fieldNames(ourSource).equals(expectedSourceFields)) {
            differences.add(label + "source fields " + fieldNames(ourSource) + ", Debezium's without the binlog ones "
                    + expectedSourceFields);
        }
        for (String name : fieldNames(ourSource)) {
            if (fieldNames(debeziumSource).contains(name)) {
                schemaDifferences(label + "source." + name, field(debeziumSource, name), field(ourSource, name),
                        differences);
            }
        }
        if (!ourSource.path("name").asText().equals("io.cdcsuite.source.timestamp.Source")) {
            differences.add(label + "source schema name " + ourSource.path("name"));
        }
    }

    /**
     * Field by field for structs (so that a difference names its field), JSON equality otherwise, except for the
     * documented differences of default values.
     */
    private static void schemaDifferences(String path, JsonNode debezium, JsonNode ours, List<String> differences) {
        if (!"struct".equals(debezium.path("type").asText()) || !"struct".equals(ours.path("type").asText())) {
            boolean equal = without(debezium, "default").equals(without(ours, "default"))
                    && (debezium.path("default").equals(ours.path("default")) || documentedDefault(debezium, ours));
            if (!equal) {
                differences.add(path + ": Debezium " + debezium + ", ours " + ours);
            }
            return;
        }
        if (!fieldNames(debezium).equals(fieldNames(ours))) {
            differences.add(path + " fields: Debezium " + fieldNames(debezium) + ", ours " + fieldNames(ours));
        }
        for (String name : fieldNames(debezium)) {
            if (fieldNames(ours).contains(name)) {
                schemaDifferences(path + "." + name, field(debezium, name), field(ours, name), differences);
            }
        }
        if (!without(debezium, "fields").equals(without(ours, "fields"))) {
            differences.add(path + ": Debezium " + without(debezium, "fields") + ", ours " + without(ours, "fields"));
        }
    }

    /**
     * README, Column types: Debezium keeps the escapes of the DDL literal in string and binary defaults
     * ({@code it''s}, {@code ab\0\0}), and converts integer defaults through a double (exact only up to 2^53; a
     * BIGINT UNSIGNED default above 2^63-1 becomes 2^63-1, where ours wraps like the values in
     * {@code bigint.unsigned.handling.mode=long}).
     */
    private static boolean documentedDefault(JsonNode debezium, JsonNode ours) {
        JsonNode theirs = debezium.path("default");
        JsonNode mine = ours.path("default");
        if (theirs.isMissingNode() || mine.isMissingNode() || ours.has("name")) {
            return false;
        }
        return switch (ours.path("type").asText()) {
            case "string" -> theirs.asText().equals(ddlEscaped(mine.asText()));
            case "bytes" -> Arrays.equals(Base64.getDecoder().decode(theirs.asText()), ddlEscaped(new String(
                    Base64.getDecoder().decode(mine.asText()), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
            case "int64" -> theirs.asLong() == Math.round((double) mine.asLong())
                    || theirs.asLong() == Math.round(Double.parseDouble(Long.toUnsignedString(mine.asLong())));
            default -> false;
        };
    }

    /** A string as {@code SHOW CREATE TABLE} writes it inside a default's quotes. */
    private static String ddlEscaped(String value) {
        return value.replace("\\", "\\\\").replace("'", "''").replace("\0", "\\0").replace("\n", "\\n")
                .replace("\r", "\\r").replace("\u001a", "\\Z");
    }

    /**
     * Compares the row values of two records of the same row state. Documented (README, Column types): Debezium's
     * snapshot formats ZonedTimestamp without trailing zero digits (compared as instants); its binlog events give
     * JSON without MySQL's spaces (compared as JSON) and escape a comma inside an ENUM option ({@code b\,c}).
     */
    private static void valueDifferences(String label, Message debezium, Message ours, List<String> differences) {
        boolean debeziumSnapshot = "r".equals(debezium.op());
        JsonNode schema = field(debezium.value().path("schema"), "after");
        JsonNode theirs = after(debezium);
        JsonNode mine = after(ours);
        for (String name : fieldNames(schema)) {
            JsonNode expected = theirs.path(name);
            JsonNode actual = mine.path(name);
            String type = field(schema, name).path("name").asText();
            boolean equal = expected.equals(actual)
                    || debeziumSnapshot && type.equals(ZONED_TIMESTAMP) && !expected.isNull() && !actual.isNull()
                            && Instant.parse(expected.asText()).equals(Instant.parse(actual.asText()))
                    || !debeziumSnapshot && type.equals(JSON_TYPE) && !expected.isNull() && !actual.isNull()
                            && parse(expected.asText()).equals(parse(actual.asText()))
                    || !debeziumSnapshot && type.equals(ENUM_TYPE) && !actual.isNull()
                            && expected.asText().equals(actual.asText().replace(",", "\\,"));
            if (!equal) {
                differences.add(label + "." + name + ": Debezium " + expected + " (" + debezium.op() + "), ours "
                        + actual + " (" + ours.op() + ")");
            }
        }
    }

    private static List<Message> read(TestEnvironment env, String topic, Predicate<List<Message>> done) {
        return TopicReader.readUntil(env.kafkaBootstrap(), topic, TIMEOUT, done);
    }

    private static String topic(String prefix, String db, String table) {
        return prefix + "." + db + "." + table;
    }

    private static JsonNode after(Message message) {
        return message.payload().path("after");
    }

    private static List<Integer> ids(List<Message> messages) {
        Set<Integer> ids = new LinkedHashSet<>();
        messages.forEach(m -> ids.add(m.keyPayload().path("id").asInt()));
        return List.copyOf(ids);
    }

    private static Message last(List<Message> messages, int id) {
        return messages.stream().filter(m -> m.keyPayload().path("id").asInt() == id).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no record of row " + id));
    }

    /** The schema with the topic prefix in schema names replaced, so that both connectors' schemas compare. */
    private static JsonNode normalized(JsonNode schema, String prefix) {
        return parse(schema.toString().replace("\"" + prefix + ".", "\"" + PREFIX + "."));
    }

    private static JsonNode field(JsonNode struct, String name) {
        for (JsonNode field : struct.path("fields")) {
            if (name.equals(field.path("field").asText())) {
                return field;
            }
        }
        throw new AssertionError("no field " + name + " in " + struct);
    }

    private static List<String> fieldNames(JsonNode struct) {
        List<String> names = new ArrayList<>();
        struct.path("fields").forEach(field -> names.add(field.path("field").asText()));
        return names;
    }

    private static JsonNode withoutField(JsonNode struct, String name) {
        JsonNode copy = struct.deepCopy();
        ArrayNode fields = (ArrayNode) copy.path("fields");
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (name.equals(fields.get(i).path("field").asText())) {
                fields.remove(i);
            }
        }
        return copy;
    }

    private static JsonNode without(JsonNode object, String key) {
        ObjectNode copy = object.deepCopy();
        copy.remove(key);
        return copy;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
