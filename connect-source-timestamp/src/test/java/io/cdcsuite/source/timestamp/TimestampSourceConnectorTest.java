package io.cdcsuite.source.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.offset.TablePartition;

class TimestampSourceConnectorTest {

    private static Map<String, String> config(String... keyValues) {
        Map<String, String> props = new HashMap<>(Map.of(TimestampSourceConfig.TOPIC_PREFIX, "app",
                TimestampSourceConfig.HOSTNAME, "127.0.0.1", TimestampSourceConfig.PORT, "1",
                TimestampSourceConfig.USER, "cdc"));
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    private static List<String> errors(Config config, String key) {
        return config.configValues().stream().filter(v -> v.name().equals(key)).findFirst()
                .map(ConfigValue::errorMessages).orElse(List.of());
    }

    @Test
    void validateReportsEachBadValueOnItsKey() {
        Config result = new TimestampSourceConnector().validate(config(
                TimestampSourceConfig.SNAPSHOT_MODE, "sometimes",
                TimestampSourceConfig.TABLE_INCLUDE_LIST, "shop.(",
                TimestampSourceConfig.TIMESTAMP_COLUMNS_OVERRIDE, "orders"));

        assertThat(errors(result, TimestampSourceConfig.SNAPSHOT_MODE)).singleElement().asString().contains("initial");
        assertThat(errors(result, TimestampSourceConfig.TABLE_INCLUDE_LIST)).singleElement().asString().contains("regular expression");
        assertThat(errors(result, TimestampSourceConfig.TIMESTAMP_COLUMNS_OVERRIDE)).hasSize(1);
        assertThat(errors(result, TimestampSourceConfig.HOSTNAME)).isEmpty();
    }

    @Test
    void validateReportsCrossKeyProblemsBeforeTouchingTheDatabase() {
        Map<String, String> props = config(TimestampSourceConfig.SOFT_DELETE_COLUMN, "is_deleted",
                TimestampSourceConfig.SOFT_DELETE_VALUE, "");
        props.remove(TimestampSourceConfig.HOSTNAME);

        Config result = new TimestampSourceConnector().validate(props);

        assertThat(errors(result, TimestampSourceConfig.HOSTNAME)).singleElement().asString().contains(TimestampSourceConfig.CONNECTION_URL);
        assertThat(errors(result, TimestampSourceConfig.SOFT_DELETE_VALUE)).hasSize(1);
    }

    @Test
    void validateReportsAnUnreachableDatabaseOnTheConnectionKey() {
        Config result = new TimestampSourceConnector().validate(config());

        assertThat(errors(result, TimestampSourceConfig.HOSTNAME)).singleElement().asString()
                .contains("cannot connect to jdbc:mysql://127.0.0.1:1/ as 'cdc'");
    }

    @Test
    void offsetsCanBeAlteredToAPointInTimeButNotToGarbage() {
        TimestampSourceConnector connector = new TimestampSourceConnector();
        Map<String, String> config = config();
        Map<String, Object> partition = new TablePartition("app", new TableId("shop", "orders")).toMap();
        Map<Map<String, ?>, Map<String, ?>> reset = new HashMap<>();
        reset.put(partition, null);

        assertThat(connector.alterOffsets(config, Map.of(partition, Map.of("ts", "2024-05-01T00:00:00")))).isTrue();
        assertThat(connector.alterOffsets(config, reset)).isTrue();
        assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(partition, Map.of("ts", "yesterday"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("ISO-8601");
        Map<String, Object> otherServer = new TablePartition("other", new TableId("shop", "orders")).toMap();
        assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(otherServer, Map.of("ts", "2024-05-01T00:00:00"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("topic.prefix");
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("protocol", "1");
        reordered.putAll(partition);
        assertThatThrownBy(() -> connector.alterOffsets(config, Map.of(reordered, Map.of("ts", "2024-05-01T00:00:00"))))
                .isInstanceOf(ConnectException.class).hasMessageContaining("in this order");
    }

    @Test
    void theConnectorIsDiscoverableAsAServiceAndDescribesItself() {
        assertThat(ServiceLoader.load(SourceConnector.class).stream().map(ServiceLoader.Provider::type))
                .contains(TimestampSourceConnector.class);
        TimestampSourceConnector connector = new TimestampSourceConnector();
        assertThat(connector.version()).isNotBlank().doesNotContain("${");
        assertThat(connector.config()).isSameAs(TimestampSourceConfig.CONFIG_DEF);
        assertThat(connector.taskClass()).isEqualTo(TimestampSourceTask.class);
        assertThat(connector.taskConfigs(3)).as("no tables known before start").isEmpty();
    }
}
