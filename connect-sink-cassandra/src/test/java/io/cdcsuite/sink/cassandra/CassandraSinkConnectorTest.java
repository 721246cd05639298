package io.cdcsuite.sink.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;

class CassandraSinkConnectorTest {
    private static Map<String, String> props(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "orders-sink");
        props.put("connector.class", CassandraSinkConnector.class.getName());
        props.put("topics", "demo.shop.orders");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    private static Map<String, List<String>> errors(Config config) {
        return config.configValues().stream().filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void isDiscoverableThroughTheServiceLoaderManifest() throws IOException {
        try (InputStream manifest = getClass().getResourceAsStream(
                "/META-INF/services/" + SinkConnector.class.getName())) {
            assertThat(manifest).isNotNull();
            assertThat(new String(manifest.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .isEqualTo(CassandraSinkConnector.class.getName());
        }
    }

    @Test
    void validateReportsKeyErrorsOnTheirKeys() {
        Config config = new CassandraSinkConnector().validate(props("contact.points", "127.0.0.1",
                "port", "0", "null.handling", "skip"));
        assertThat(errors(config)).containsOnlyKeys("port", "null.handling");
    }

    @Test
    void validateReportsCrossKeyAndDriverProblemsOnTheKeyToFix() {
        Config config = new CassandraSinkConnector().validate(props("contact.points", "127.0.0.1",
                "driver.advanced.connection.pool.local.sizee", "2"));
        Map<String, List<String>> errors = errors(config);
        assertThat(errors).containsOnlyKeys("local.datacenter", "driver.advanced.connection.pool.local.sizee");
        assertThat(errors.get("local.datacenter").get(0)).contains("local.datacenter is required with contact.points");
    }

    /** Boots the driver with the plugin's lean dependency set and reports the unreachable node on contact.points. */
    @Test
    void validateReportsAnUnreachableClusterOnContactPoints() {
        Config config = new CassandraSinkConnector().validate(props("contact.points", "127.0.0.1:1",
                "local.datacenter", "dc1", "driver.basic.request.timeout", "3 seconds"));
        Map<String, List<String>> errors = errors(config);
        assertThat(errors).containsOnlyKeys("contact.points");
        assertThat(errors.get("contact.points").get(0)).startsWith("Cannot connect to Cassandra");
    }

    @Test
    void startRejectsInconsistentSettingsAndTasksGetTheirNumber() {
        CassandraSinkConnector connector = new CassandraSinkConnector();
        assertThatThrownBy(() -> connector.start(props())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("contact.points");
        connector.start(props("contact.points", "127.0.0.1", "local.datacenter", "dc1"));
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertThat(tasks).extracting(t -> t.get(CassandraSinkConnector.TASK_ID)).containsExactly("0", "1", "2");
        assertThat(tasks).allSatisfy(t -> assertThat(t).containsEntry("local.datacenter", "dc1"));
        assertThat(connector.taskClass()).isEqualTo(CassandraSinkTask.class);
        assertThat(connector.config()).isSameAs(io.cdcsuite.sink.cassandra.config.CassandraSinkConfig.CONFIG_DEF);
    }
}
