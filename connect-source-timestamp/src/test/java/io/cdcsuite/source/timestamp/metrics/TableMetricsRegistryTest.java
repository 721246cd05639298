package io.cdcsuite.source.timestamp.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.catalog.TableId;

class TableMetricsRegistryTest {
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void tableMetricsAreMBeansNamedByConnectorTaskAndTable() throws Exception {
        ObjectName name = new ObjectName("io.cdcsuite.source.timestamp:type=table-metrics,connector=orders-cdc,task=0,table=shop.orders");
        try (TableMetricsRegistry registry = new TableMetricsRegistry("orders-cdc", "0")) {
            TableMetrics metrics = registry.register(new TableId("shop", "orders"));
            metrics.rowsEmitted(3);
            metrics.snapshotRowsEstimated(10);
            metrics.snapshotRowsEmitted(4);
            metrics.lagMillis(1500);
            metrics.phase("snapshot");

            assertThat(server.getAttribute(name, "RowsEmitted")).isEqualTo(3L);
            assertThat(server.getAttribute(name, "SnapshotProgress")).isEqualTo(0.4);
            assertThat(server.getAttribute(name, "LagMillis")).isEqualTo(1500L);
            assertThat(server.getAttribute(name, "Phase")).isEqualTo("snapshot");
            // a second task instance replaces a stale registration instead of failing
            registry.register(new TableId("shop", "orders"));
            assertThat(server.isRegistered(name)).isTrue();
        }
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void namesWithSpecialCharactersAreQuoted() {
        ObjectName name = TableMetricsRegistry.name("my,connector", "1", new TableId("shop", "a=b"));
        assertThat(name.getKeyProperty("connector")).isEqualTo(ObjectName.quote("my,connector"));
        assertThat(name.getKeyProperty("table")).isEqualTo(ObjectName.quote("shop.a=b"));
        assertThat(name.getKeyProperty("task")).isEqualTo("1");
    }
}
