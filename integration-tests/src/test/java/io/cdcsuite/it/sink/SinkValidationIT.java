package io.cdcsuite.it.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.cdcsuite.it.env.StackExtension;
import io.cdcsuite.it.env.TestEnvironment;
import io.cdcsuite.it.support.CassandraSinkConfigs;
import io.cdcsuite.it.support.Scenario;
import io.cdcsuite.stack.ConnectorConfigs;
import io.cdcsuite.stack.StackLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code PUT /connector-plugins/CassandraSinkConnector/config/validate} against the real Cassandra reports each
 * problem on the key to fix, and nothing for a good config.
 */
@ExtendWith(StackExtension.class)
class SinkValidationIT {
    @Test
    void aGoodConfigValidatesWithoutErrors(TestEnvironment env) {
        assertThat(errors(env, goodConfig(env))).isEmpty();
    }

    /** The worker resolves its ${env:...} values, so contact.points is host:port as the demo file composes it. */
    @Test
    void theDemoConnectorFileValidates(TestEnvironment env) {
        Map<String, String> demo = ConnectorConfigs.read(
                StackLayout.locate().projectDir().resolve("config/connectors/30-cassandra-sink-demo.json"));

        assertThat(demo.get("contact.points")).isEqualTo("${env:CDC_CASSANDRA_HOST}:${env:CDC_CASSANDRA_PORT}");
        assertThat(errors(env, demo)).isEmpty();
    }

    @Test
    void aDatacenterTheClusterLacksIsReportedOnLocalDatacenter(TestEnvironment env) {
        Map<String, String> config = goodConfig(env);
        config.put("local.datacenter", "dc-nowhere");

        Map<String, List<String>> errors = errors(env, config);

        assertThat(errors).containsOnlyKeys("local.datacenter");
        assertThat(errors.get("local.datacenter").toString()).contains("dc-nowhere", "datacenter1");
    }

    @Test
    void anUnreachableContactPointIsReportedOnContactPoints(TestEnvironment env) {
        Map<String, String> config = goodConfig(env);
        config.put("contact.points", "127.0.0.1:1");

        Map<String, List<String>> errors = errors(env, config);

        assertThat(errors).containsOnlyKeys("contact.points");
        assertThat(errors.get("contact.points").toString()).contains("Cannot connect");
    }

    @Test
    void aMissingTableWithoutAutoCreateIsReportedOnTableMapping(TestEnvironment env) {
        Map<String, String> config = goodConfig(env);
        config.put("auto.create", "false");

        Map<String, List<String>> errors = errors(env, config);

        assertThat(errors).containsOnlyKeys("table.mapping");
        assertThat(errors.get("table.mapping").toString()).contains("does not exist", "auto.create");
    }

    @Test
    void anUnknownDriverOptionIsReportedOnItsOwnKey(TestEnvironment env) {
        Map<String, String> config = goodConfig(env);
        config.put("driver.no.such", "1");

        Map<String, List<String>> errors = errors(env, config);

        assertThat(errors).containsOnlyKeys("driver.no.such");
        assertThat(errors.get("driver.no.such").toString()).contains("no.such", "not an option");
    }

    /** A sink config for a table that does not exist yet (auto.create makes that fine). */
    private static Map<String, String> goodConfig(TestEnvironment env) {
        Scenario scenario = Scenario.named("sinkval");
        return new LinkedHashMap<>(CassandraSinkConfigs.cassandra(env, scenario, scenario.connector("sink"),
                Map.of(scenario.topic("orders"), "orders")));
    }

    /** Key to error messages, for every key the worker's validation reports errors on. */
    private static Map<String, List<String>> errors(TestEnvironment env, Map<String, String> config) {
        JsonNode result = env.connect().validate(CassandraSinkConfigs.CONNECTOR_CLASS, config);
        Map<String, List<String>> errors = new TreeMap<>();
        for (JsonNode entry : result.path("configs")) {
            JsonNode value = entry.path("value");
            List<String> messages = new ArrayList<>();
            value.path("errors").forEach(message -> messages.add(message.asText()));
            if (!messages.isEmpty()) {
                errors.put(value.path("name").asText(), messages);
            }
        }
        assertThat(result.path("error_count").asInt()).as("error_count of %s", result)
                .isEqualTo(errors.values().stream().mapToInt(List::size).sum());
        return errors;
    }
}
