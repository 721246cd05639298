package io.cdcsuite.sink.cassandra.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.write.RecordPosition;
import io.cdcsuite.sink.cassandra.write.WriteUnit;

class SinkMetricsTest {
    private static final TableId ORDERS = new TableId("shop", "orders");

    private static WriteUnit unit(int upserts, int deletes) {
        return new WriteUnit() {
            @Override
            public TableId table() {
                return ORDERS;
            }

            @Override
            public List<RecordPosition> positions() {
                return List.of();
            }

            @Override
            public int upserts() {
                return upserts;
            }

            @Override
            public int deletes() {
                return deletes;
            }

            @Override
            public CompletionStage<?> execute() {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public List<WriteUnit> split() {
                return List.of();
            }
        };
    }

    @Test
    void perTableMBeanUnderTheDocumentedName() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("io.cdcsuite.sink.cassandra:type=table-metrics,connector=orders-sink,task=1,table=shop.orders");
        assertThat(SinkMetrics.objectName("orders-sink", "1", ORDERS)).isEqualTo(name);
        try (SinkMetrics metrics = new SinkMetrics("orders-sink", "1")) {
            metrics.succeeded(unit(2, 1), 4_000_000);
            metrics.succeeded(unit(1, 0), 2_000_000);
            metrics.retrying(unit(1, 0), new RuntimeException("down"), 1, 100);
            metrics.failed(ORDERS, 3);
            assertThat(server.getAttribute(name, "RowsWritten")).isEqualTo(3L);
            assertThat(server.getAttribute(name, "RowsDeleted")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "RecordsFailed")).isEqualTo(3L);
            assertThat(server.getAttribute(name, "Retries")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "Batches")).isEqualTo(2L);
            assertThat(server.getAttribute(name, "BatchLatencyAvgMs")).isEqualTo(3.0);
            assertThat(server.getAttribute(name, "BatchLatencyMaxMs")).isEqualTo(4.0);
        }
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void namesWithSpecialCharactersAreQuoted() {
        assertThat(SinkMetrics.objectName("a,b=c", "0", ORDERS).getKeyProperty("connector")).isEqualTo("\"a,b=c\"");
    }
}
