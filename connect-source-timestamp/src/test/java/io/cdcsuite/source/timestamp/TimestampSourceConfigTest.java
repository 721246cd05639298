package io.cdcsuite.source.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.config.DecimalHandlingMode;
import io.cdcsuite.source.timestamp.config.SnapshotMode;
import io.cdcsuite.source.timestamp.config.SslMode;
import io.cdcsuite.source.timestamp.config.TimePrecisionMode;
import io.cdcsuite.source.timestamp.testing.Tables;

class TimestampSourceConfigTest {

    private static Map<String, String> minimal() {
        return new HashMap<>(Map.of(TimestampSourceConfig.TOPIC_PREFIX, "app", TimestampSourceConfig.HOSTNAME, "db"));
    }

    private static void assertRejects(String key, String value, String message) {
        Map<String, String> props = minimal();
        props.put(key, value);
        assertThatThrownBy(() -> new TimestampSourceConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(message);
    }

    @Test
    void defaultsAreDebeziumsAndSafe() {
        TimestampSourceConfig config = new TimestampSourceConfig(minimal());
        assertThat(config.snapshotMode()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(config.timestampColumns()).containsExactly("last_updated");
        assertThat(config.commitLag()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.rescanWindow()).isZero();
        assertThat(config.batchMaxRows()).isEqualTo(2000);
        assertThat(config.decimalHandlingMode()).isEqualTo(DecimalHandlingMode.PRECISE);
        assertThat(config.timePrecisionMode()).isEqualTo(TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS);
        assertThat(config.sslMode()).isEqualTo(SslMode.PREFERRED);
        assertThat(config.tombstonesOnDelete()).isTrue();
        assertThat(config.datetimeTimeZone()).isEmpty();
        assertThat(config.port()).isEqualTo(3306);
    }

    @Test
    void errorsNameTheKey() {
        assertThatThrownBy(() -> new TimestampSourceConfig(Map.of(TimestampSourceConfig.HOSTNAME, "db")))
                .isInstanceOf(ConfigException.class).hasMessageContaining(TimestampSourceConfig.TOPIC_PREFIX);
        assertRejects(TimestampSourceConfig.TOPIC_PREFIX, "my app", "ASCII letters, digits");
        assertRejects(TimestampSourceConfig.SNAPSHOT_MODE, "sometimes", "initial");
        assertRejects(TimestampSourceConfig.TABLE_INCLUDE_LIST, "shop.(", "regular expression");
        assertRejects(TimestampSourceConfig.TIMESTAMP_COLUMNS_OVERRIDE, "shop.orders", "<column>");
        assertRejects(TimestampSourceConfig.KEY_COLUMNS_OVERRIDE, "orders:id", "<database>.<table>");
        assertRejects(TimestampSourceConfig.DECIMAL_HANDLING_MODE, "exact", "precise");
        assertRejects(TimestampSourceConfig.BATCH_MAX_ROWS, "0", "at least 1");
        assertRejects(TimestampSourceConfig.COMMIT_LAG_MS, "-1", "at least 0");
        assertRejects(TimestampSourceConfig.DATETIME_TIME_ZONE, "'; DROP", "SERVER");
        assertRejects(TimestampSourceConfig.SOFT_DELETE_COLUMN, "x".repeat(65), "longer than 64");
        assertRejects(TimestampSourceConfig.CONNECTION_URL, "jdbc:postgresql://db/x", "jdbc:mysql://");
        assertRejects(TimestampSourceConfig.CONNECTION_URL, "jdbc:mysql://db/?connectionTimeZone=Europe/Paris",
                "connectionTimeZone");
    }

    @Test
    void crossKeyProblemsNameTheKeyToChange() {
        assertThatThrownBy(() -> new TimestampSourceConfig(Map.of(TimestampSourceConfig.TOPIC_PREFIX, "app")))
                .hasMessageContaining(TimestampSourceConfig.HOSTNAME).hasMessageContaining(TimestampSourceConfig.CONNECTION_URL);
        Map<String, String> props = minimal();
        props.put(TimestampSourceConfig.SOFT_DELETE_COLUMN, "is_deleted");
        props.put(TimestampSourceConfig.SOFT_DELETE_VALUE, "");
        assertThatThrownBy(() -> new TimestampSourceConfig(props)).hasMessageContaining(TimestampSourceConfig.SOFT_DELETE_VALUE);
        Map<String, String> noColumns = minimal();
        noColumns.put(TimestampSourceConfig.TIMESTAMP_COLUMN_NAME, "");
        assertThat(TimestampSourceConfig.withoutCrossFieldChecks(noColumns).crossFieldProblems())
                .extracting(p -> p.key()).containsExactly(TimestampSourceConfig.TIMESTAMP_COLUMN_NAME);
    }

    @Test
    void passwordsStayHidden() {
        TimestampSourceConfig config = Tables.config(Map.of(TimestampSourceConfig.PASSWORD, "s3cret"));
        assertThat(config.password().value()).isEqualTo("s3cret");
        assertThat(config.password().toString()).doesNotContain("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void listsAndOverridesParse() {
        TimestampSourceConfig config = Tables.config(Map.of(
                TimestampSourceConfig.TIMESTAMP_COLUMN_NAME, "updated_at, created_at",
                TimestampSourceConfig.TIMESTAMP_COLUMNS_OVERRIDE, "shop.orders:modified",
                TimestampSourceConfig.DATETIME_TIME_ZONE, "+02:00"));
        assertThat(config.timestampColumns()).isEqualTo(List.of("updated_at", "created_at"));
        assertThat(config.timestampColumnsOverride().forTable(Tables.ORDERS)).contains(List.of("modified"));
        assertThat(config.datetimeTimeZone()).contains("+02:00");
    }
}
