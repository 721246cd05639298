package io.cdcsuite.it.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.CassandraSinkConfigs;
import io.cdcsuite.it.support.DeadLetters;
import io.cdcsuite.it.support.DeadLetters.DeadLetter;
import io.cdcsuite.it.support.DebeziumConfigs;
import io.cdcsuite.it.support.MySql;
import io.cdcsuite.it.support.Poll;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.it.support.ScenarioConnectors;
import io.cdcsuite.it.support.TimestampSourceConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a real worker makes of our transforms' errors: a bad transform setting is reported by Connect's validation on
 * its own {@code transforms.<alias>.<key>} (also rules over several keys), for Debezium's connector and for ours; a
 * record a transform cannot convert goes to the dead-letter queue with the transform's DataException while the task
 * keeps running and the records around it are written.
 */
@ExtendWith(StackExtension.class)
class TransformErrorsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void validationReportsEachBadTransformSettingOnItsKey(TestEnvironment env) {
        Scenario scenario = Scenario.named("smtvalid");
        Map<String, String> badTransforms = new LinkedHashMap<>();
        badTransforms.put("transforms", "filter,normalize,unwrap,route");
        badTransforms.put("transforms.filter.type", "io.cdcsuite.transforms.ChangeFilter");
        badTransforms.put("transforms.filter.filter.mode", "exclude");
        badTransforms.put("transforms.normalize.type", "io.cdcsuite.transforms.Normalize$Value");
        badTransforms.put("transforms.normalize.micros.handling", "sometimes");
        badTransforms.put("transforms.unwrap.type", "io.cdcsuite.transforms.Unwrap");
        badTransforms.put("transforms.unwrap.add.fields", "op:OP,ts_ms:OP");
        badTransforms.put("transforms.route.type", "io.cdcsuite.transforms.Route");
        badTransforms.put("transforms.route.table.merge.regex", "orders_(\\d+)");
        Map<String, String> expected = Map.of(
                "transforms.filter.operations", "set operations and/or tables",
                "transforms.normalize.micros.handling", "must be one of truncate, round, add-field",
                "transforms.unwrap.add.fields", "two entries would both be named",
                "transforms.route.table.merge.replacement", "must be set when table.merge.regex is");

        Map<String, String> debezium = DebeziumConfigs.mysql(env, scenario, scenario.connector("debezium"), "orders");
        debezium.putAll(badTransforms);
        Map<String, String> timestamp = TimestampSourceConfigs.mysql(env, scenario, scenario.connector("ts"),
                scenario.topicPrefix(), "orders");
        timestamp.putAll(badTransforms);

        for (Map<String, String> config : List.of(debezium, timestamp)) {
            Map<String, List<String>> errors = transformErrors(env.connect().validate(config.get("connector.class"), config));
            assertThat(errors.keySet()).as(config.get("connector.class") + ": " + errors)
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((key, message) -> assertThat(errors.get(key)).as(key).singleElement().asString()
                    .contains(message));
        }
    }

    @Test
    void aRecordNormalizeCannotConvertGoesToTheDeadLetterQueueAndTheTaskRuns(TestEnvironment env) throws Exception {
        Scenario scenario = Scenario.named("smtdlq");
        String db = scenario.database();
        String table = "shifts";
        String deadLetters = "dlq." + scenario.topicPrefix();
        MySql.execute(env, "CREATE DATABASE " + db,
                "CREATE TABLE " + db + "." + table + " (id INT PRIMARY KEY, label VARCHAR(16) NOT NULL, length TIME)");
        String source = scenario.connector("debezium");
        String sink = scenario.connector("sink");
        try (ScenarioConnectors connectors = new ScenarioConnectors(env); CqlSession cql = env.cassandra()) {
            connectors.start(source, DebeziumConfigs.mysql(env, scenario, source, table), 1, TIMEOUT);
            Map<String, String> sinkConfig = CassandraSinkConfigs.withDeadLetterQueue(CassandraSinkConfigs.cassandra(
                    env, scenario, sink, Map.of(scenario.topic(table), table)), deadLetters);
            sinkConfig.put("transforms", "normalize,unwrap");
            sinkConfig.put("transforms.normalize.type", "io.cdcsuite.transforms.Normalize$Value");
            sinkConfig.put("transforms.unwrap.type", "io.cdcsuite.transforms.Unwrap");
            connectors.start(sink, sinkConfig, 1, TIMEOUT);

            // a MySQL TIME is a duration: 30:00:00 is no time of day, so it has no Connect Time
            MySql.execute(env, "INSERT INTO " + db + "." + table + " VALUES (1, 'early', '06:00:00'), "
                    + "(2, 'marathon', '30:00:00'), (3, 'late', '23:59:59')");

            List<DeadLetter> letters = DeadLetters.await(env.kafkaBootstrap(), deadLetters, 1, TIMEOUT);
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(JSON.readTree(letter.key()).path("payload").path("id").asInt()).isEqualTo(2);
                assertThat(letter.headers()).containsEntry("__connect.errors.stage", "TRANSFORMATION")
                        .containsEntry("__connect.errors.class.name", "io.cdcsuite.transforms.Normalize$Value")
                        .containsEntry("__connect.errors.exception.class.name",
                                "org.apache.kafka.connect.errors.DataException");
                assertThat(letter.reason()).contains("Field 'length'", "Connect Time", scenario.topic(table));
            });
            Set<Integer> written = Poll.until("rows 1 and 3 in Cassandra", TIMEOUT, () -> ids(cql, scenario.keyspace(), table),
                    ids -> ids.equals(Set.of(1, 3)));
            assertThat(written).containsExactly(1, 3);
            JsonNode status = env.connect().status(sink);
            assertThat(status.path("tasks")).singleElement()
                    .satisfies(task -> assertThat(task.path("state").asText()).isEqualTo("RUNNING"));
        }
    }

    /** The error messages of the {@code transforms.*} keys that have any. */
    private static Map<String, List<String>> transformErrors(JsonNode validation) {
        Map<String, List<String>> errors = new HashMap<>();
        for (JsonNode config : validation.path("configs")) {
            JsonNode value = config.path("value");
            String name = value.path("name").asText();
            if (name.startsWith("transforms") && !value.path("errors").isEmpty()) {
                errors.put(name, JSON.convertValue(value.path("errors"), JSON.getTypeFactory()
                        .constructCollectionType(List.class, String.class)));
            }
        }
        return errors;
    }

    private static Set<Integer> ids(CqlSession cql, String keyspace, String table) {
        Set<Integer> ids = new TreeSet<>();
        try {
            for (Row row : cql.execute("SELECT id FROM " + keyspace + "." + table)) {
                ids.add(row.getInt("id"));
            }
        } catch (DriverException e) {
            // the sink has not created the table yet
        }
        return ids;
    }
}
