package io.cdcsuite.sink.cassandra.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;

import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig;

class SessionFactoryTest {
    private static DriverExecutionProfile driverConfig(String... keyValues) {
        Map<String, String> props = new HashMap<>();
        props.put("name", "orders-sink");
        props.put("contact.points", "cassandra1,cassandra2:9142");
        props.put("local.datacenter", "dc1");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return SessionFactory.driverConfig(new CassandraSinkConfig(props), "orders-sink-0", true, Duration.ofSeconds(5))
                .getInitialConfig().getDefaultProfile();
    }

    @Test
    void connectionSettingsComeFromTheConnectorKeys() {
        DriverExecutionProfile driver = driverConfig();

        assertThat(driver.getStringList(DefaultDriverOption.CONTACT_POINTS))
                .containsExactly("cassandra1:9042", "cassandra2:9142");
        assertThat(driver.getString(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER)).isEqualTo("dc1");
        assertThat(driver.getString(DefaultDriverOption.SESSION_NAME)).isEqualTo("orders-sink-0");
        assertThat(driver.getBoolean(DefaultDriverOption.RECONNECT_ON_INIT)).isTrue();
        assertThat(driver.getBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE)).isTrue();
    }

    @Test
    void theJavaClockIsUsedSinceJnrIsNotShipped() {
        assertThat(driverConfig().getBoolean(DefaultDriverOption.TIMESTAMP_GENERATOR_FORCE_JAVA_CLOCK)).isTrue();
    }

    @Test
    void nodesThatWereDownAreTriedAgainOnTheWriteRetrySchedule() {
        DriverExecutionProfile defaults = driverConfig();
        assertThat(defaults.getDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY)).isEqualTo(Duration.ofMillis(100));
        assertThat(defaults.getDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY)).isEqualTo(Duration.ofSeconds(10));

        DriverExecutionProfile tuned = driverConfig("retry.backoff.initial.ms", "500", "retry.backoff.max.ms", "3000");
        assertThat(tuned.getDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY)).isEqualTo(Duration.ofMillis(500));
        assertThat(tuned.getDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void driverKeysOverrideTheSinksDefaults() {
        DriverExecutionProfile driver = driverConfig("driver.advanced.reconnection-policy.max-delay", "30 seconds",
                "driver.basic.request.timeout", "7 seconds",
                "driver.advanced.ssl-engine-factory.cipher-suites", "[a, b]");

        assertThat(driver.getDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY)).isEqualTo(Duration.ofSeconds(30));
        assertThat(driver.getDuration(DefaultDriverOption.REQUEST_TIMEOUT)).isEqualTo(Duration.ofSeconds(7));
        assertThat(driver.getStringList(DefaultDriverOption.SSL_CIPHER_SUITES)).isEqualTo(List.of("a", "b"));
    }
}
