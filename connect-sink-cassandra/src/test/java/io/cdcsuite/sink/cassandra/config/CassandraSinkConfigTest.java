package io.cdcsuite.sink.cassandra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.mapping.DeleteMarkers;
import io.cdcsuite.sink.cassandra.mapping.FieldPath;

class CassandraSinkConfigTest {
    private static Map<String, String> base() {
        Map<String, String> props = new HashMap<>();
        props.put("name", "orders-sink");
        props.put("contact.points", "cassandra1,cassandra2:9142");
        props.put("local.datacenter", "dc1");
        return props;
    }

    private static Map<String, String> with(String... keyValues) {
        Map<String, String> props = base();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                props.remove(keyValues[i]);
            } else {
                props.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return props;
    }

    private static void assertKeyError(Map<String, String> props, String key, String message) {
        assertThatThrownBy(() -> new CassandraSinkConfig(props).validateCombination())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(message);
        try {
            new CassandraSinkConfig(props).validateCombination();
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith("Invalid value").contains("for configuration " + key);
        }
    }

    @Test
    void defaultsAndParsedValues() {
        CassandraSinkConfig config = new CassandraSinkConfig(with(
                "table.mapping", "demo.shop.orders:shop.orders",
                "column.mapping", "shop.orders:order_id=key.id,shop.orders:note=",
                "table.consistency", "shop.orders:local_one",
                "table.ttl", "shop.orders:60",
                "ttl.field", "value.ttl",
                "null.handling", "unset",
                "write.timestamp.source", "source"));
        config.validateCombination();
        TableId orders = new TableId("shop", "orders");
        assertThat(config.connectorName()).isEqualTo("orders-sink");
        assertThat(config.contactPoints()).containsExactly("cassandra1", "cassandra2:9142");
        assertThat(config.tableMappings()).containsEntry("demo.shop.orders", orders);
        assertThat(config.columnMappings().forTable(orders)).containsExactly(
                new ColumnMapping("order_id", FieldPath.parse("key.id")), new ColumnMapping("note", null));
        assertThat(config.consistencyLevel(orders)).isEqualTo(DefaultConsistencyLevel.LOCAL_ONE);
        assertThat(config.consistencyLevel(new TableId("shop", "x"))).isEqualTo(DefaultConsistencyLevel.LOCAL_QUORUM);
        assertThat(config.ttlSeconds(orders)).isEqualTo(60);
        assertThat(config.ttlSeconds(new TableId("shop", "x"))).isZero();
        assertThat(config.ttlField()).isEqualTo(FieldPath.parse("value.ttl"));
        assertThat(config.nullHandling()).isEqualTo(CassandraSinkConfig.NullHandling.UNSET);
        assertThat(config.writeTimestampSource()).isEqualTo(CassandraSinkConfig.TimestampSource.SOURCE);
        assertThat(config.keyspaceReplication().cqlLiteral()).isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': '1'}");
        assertThat(config.maxInflightRequests()).isEqualTo(128);
        assertThat(config.retryTimeoutMs()).isEqualTo(-1);
    }

    @Test
    void connectionSettingsMustBeComplete() {
        assertKeyError(with("contact.points", null), "contact.points", "Set contact.points (with local.datacenter) or cloud.secure.connect.bundle");
        assertKeyError(with("local.datacenter", null), "local.datacenter", "local.datacenter is required with contact.points");
        assertKeyError(with("auth.username", "cassandra"), "auth.password", "auth.username and auth.password go together");
        assertKeyError(with("astra.token", "AstraCS:x"), "astra.token", "applies to Astra DB only");
        assertKeyError(with("ssl.truststore.path", "/etc/hosts"), "ssl.truststore.path", "ssl.enabled is false");
        assertKeyError(with("ssl.enabled", "true", "ssl.truststore.path", "/nonexistent/ts.jks"),
                "ssl.truststore.path", "Cannot read /nonexistent/ts.jks");
        assertKeyError(with("retry.backoff.max.ms", "10", "retry.backoff.initial.ms", "100"),
                "retry.backoff.max.ms", "must not be below");
    }

    @Test
    void astraNeedsAReadableBundleAndCredentials(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("secure-connect-db.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            zip.putNextEntry(new ZipEntry("config.json"));
            zip.write("{}".getBytes());
        }
        Map<String, String> astra = Map.of("cloud.secure.connect.bundle", bundle.toString(), "astra.token", "AstraCS:abc");
        CassandraSinkConfig config = new CassandraSinkConfig(astra);
        config.validateCombination();
        assertThat(config.cloudBundle()).isEqualTo(bundle);
        assertThat(config.astraToken()).isEqualTo("AstraCS:abc");
        assertThat(config.toString()).doesNotContain("AstraCS:abc");

        assertKeyError(Map.of("cloud.secure.connect.bundle", bundle.toString()), "astra.token", "Astra DB needs astra.token");
        Path notABundle = Files.writeString(dir.resolve("x.zip"), "not a zip");
        assertKeyError(Map.of("cloud.secure.connect.bundle", notABundle.toString(), "astra.token", "t"),
                "cloud.secure.connect.bundle", "not a secure connect bundle");
        assertKeyError(Map.of("cloud.secure.connect.bundle", dir.resolve("missing.zip").toString(), "astra.token", "t"),
                "cloud.secure.connect.bundle", "Cannot read the secure connect bundle");
        Map<String, String> both = with("cloud.secure.connect.bundle", bundle.toString(), "astra.token", "t");
        assertKeyError(both, "cloud.secure.connect.bundle", "cannot be combined with contact.points");
        assertKeyError(Map.of("cloud.secure.connect.bundle", bundle.toString(), "astra.token", "t", "ssl.enabled", "true"),
                "ssl.enabled", "carries its own TLS settings");
        assertKeyError(Map.of("cloud.secure.connect.bundle", bundle.toString(), "astra.token", "t",
                "auth.username", "id", "auth.password", "secret"), "astra.token", "not both");
    }

    @Test
    void listEntriesAreValidatedWithTheKeyAndEntryInTheMessage() {
        Map<String, List<String>> bad = Map.of(
                "table.mapping", List.of("demo.shop.orders", "expected <name>:<value>"),
                "column.mapping", List.of("shop.orders:col=nope.x", "must start with value., key, header., envelope. or kafka."),
                "table.consistency", List.of("shop.orders:LOCAL_SERIAL", "is not a write consistency level"),
                "table.ttl", List.of("shop.orders:-1", "TTL must be between 0 and"),
                "keyspace.replication", List.of("replication_factor=3", "the replication 'class' is required"),
                "consistency.level", List.of("QUORUMS", "is not a write consistency level"),
                "table.name.format", List.of("${db}_${table}", "expected keyspace.table"),
                "null.handling", List.of("skip", "String must be one of: write, unset"));
        bad.forEach((key, valueAndMessage) -> assertThatThrownBy(() -> new CassandraSinkConfig(with(key, valueAndMessage.get(0))))
                .as(key).isInstanceOf(ConfigException.class)
                .hasMessageContaining(key).hasMessageContaining(valueAndMessage.get(1)));
        assertThatThrownBy(() -> new CassandraSinkConfig(with("table.name.format", "${schema}.${table}")))
                .hasMessageContaining("unknown placeholder ${schema}");
        assertThatThrownBy(() -> new CassandraSinkConfig(with("column.mapping", "shop.orders:a=value.x,shop.orders:a=value.y")))
                .hasMessageContaining("column 'a' of shop.orders is mapped twice");
        assertThatThrownBy(() -> new CassandraSinkConfig(with("keyspace.replication", "class=Simple'Strategy")))
                .hasMessageContaining("may contain only letters");
        assertThatThrownBy(() -> new CassandraSinkConfig(with("ttl.field", "ttl")))
                .hasMessageContaining("ttl.field").hasMessageContaining("must start with value.");
    }

    @Test
    void driverPassThroughIsCheckedKeyByKey() {
        Map<String, String> props = with(
                "driver.advanced.connection.pool.local.size", "2",
                "driver.basic.request.timeout", "5 seconds",
                "driver.profiles.slow.basic.request.timeout", "30 seconds",
                "driver.basic.contact-points", "[\"x:9042\"]",
                "driver.advanced.no.such.option", "1",
                "driver.profiles.broken", "1");
        CassandraSinkConfig config = new CassandraSinkConfig(props);
        assertThat(config.combinationProblems()).containsOnlyKeys("driver.basic.contact-points",
                "driver.advanced.no.such.option", "driver.profiles.broken");
        assertThat(config.combinationProblems().get("driver.basic.contact-points")).contains("is set by 'contact.points'");
        assertThat(config.combinationProblems().get("driver.advanced.no.such.option")).contains("not an option of the Java driver");
        assertKeyError(props, "driver.advanced.no.such.option", "not an option of the Java driver");
    }

    @Test
    void aSoftDeleteFieldNeedsAValue() {
        assertKeyError(with("soft.delete.field", "is_deleted", "soft.delete.value", " "), "soft.delete.value",
                "must not be empty when soft.delete.field is set");
        assertThat(new CassandraSinkConfig(with("soft.delete.field", "is_deleted")).deleteMarkers())
                .isEqualTo(new DeleteMarkers("__deleted", "is_deleted", "1"));
    }
}
