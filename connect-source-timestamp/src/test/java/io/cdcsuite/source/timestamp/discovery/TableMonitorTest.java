package io.cdcsuite.source.timestamp.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.config.ConfigProblem;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.testing.Tables;

class TableMonitorTest {
    private static final TablePlan ORDERS = Tables.plan(Tables.orders(), Map.of());
    private static final TablePlan LINES = Tables.plan(Tables.orderLines(), Map.of());

    /** Records what the monitor asks of Connect. */
    private static final class RecordingContext implements ConnectorContext {
        final AtomicInteger reconfigurations = new AtomicInteger();
        final List<Exception> errors = new ArrayList<>();

        @Override
        public void requestTaskReconfiguration() {
            reconfigurations.incrementAndGet();
        }

        @Override
        public void raiseError(Exception e) {
            errors.add(e);
        }

        @Override
        public PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException("the monitor publishes no plugin metrics");
        }
    }

    private static CatalogScan.Result scan(TablePlan... plans) {
        Map<TableId, TablePlan> byId = new TreeMap<>();
        for (TablePlan plan : plans) {
            byId.put(plan.id(), plan);
        }
        return new CatalogScan.Result(byId.keySet(), byId, Map.of(), List.of());
    }

    @Test
    void changesInTheCapturableTablesAskForReconfiguration() {
        List<CatalogScan.Result> listings = new ArrayList<>(List.of(scan(ORDERS), scan(ORDERS), scan(ORDERS, LINES),
                scan(LINES), new CatalogScan.Result(Set.of(ORDERS.id(), LINES.id()), new TreeMap<>(Map.of(LINES.id(), LINES)),
                        Map.of(ORDERS.id(), List.of(new ConfigProblem("k", "no key"))), List.of())));
        RecordingContext context = new RecordingContext();
        TableMonitor monitor = new TableMonitor(() -> listings.remove(0), context, Duration.ofMinutes(1),
                Duration.ofMinutes(5), Clock.systemUTC());

        assertThat(monitor.tables()).isNull();
        assertThat(monitor.refresh()).isEqualTo(TableMonitor.Outcome.CHANGED);
        assertThat(monitor.tables()).isEqualTo(Map.of(ORDERS.id(), 1000L));
        assertThat(monitor.refresh()).isEqualTo(TableMonitor.Outcome.UNCHANGED);
        assertThat(monitor.refresh()).isEqualTo(TableMonitor.Outcome.CHANGED);
        assertThat(monitor.tables()).containsOnlyKeys(ORDERS.id(), LINES.id());
        assertThat(monitor.refresh()).isEqualTo(TableMonitor.Outcome.CHANGED);
        assertThat(monitor.tables()).containsOnlyKeys(LINES.id());
        assertThat(monitor.refresh()).as("a refused table is not captured").isEqualTo(TableMonitor.Outcome.UNCHANGED);
        assertThat(context.errors).isEmpty();
    }

    @Test
    void listingFailuresAreRetriedThenFailTheConnectorAfterTheTimeout() {
        Instant[] now = {Instant.parse("2024-05-01T10:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        RecordingContext context = new RecordingContext();
        TableMonitor monitor = new TableMonitor(() -> {
            throw new SQLException("Communications link failure", "08S01");
        }, context, Duration.ofMinutes(1), Duration.ofMinutes(5), clock);

        assertThat(monitor.refresh()).isEqualTo(TableMonitor.Outcome.UNCHANGED);
        now[0] = now[0].plus(Duration.ofMinutes(5));
        assertThat(monitor.refresh()).isEqualTo(TableMonitor.Outcome.UNCHANGED);
        now[0] = now[0].plusSeconds(1);
        assertThat(monitor.refresh()).isEqualTo(TableMonitor.Outcome.GAVE_UP);
        assertThat(context.errors).singleElement().isInstanceOf(ConnectException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("Communications link failure"));
    }

    @Test
    void theWatchThreadReconfiguresWhenTablesAppear() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        RecordingContext context = new RecordingContext();
        TableMonitor monitor = new TableMonitor(() -> calls.getAndIncrement() == 0 ? scan(ORDERS) : scan(ORDERS, LINES),
                context, Duration.ofMillis(10), Duration.ofMinutes(1), Clock.systemUTC());
        try {
            monitor.start("test");
            assertThat(monitor.tables()).containsOnlyKeys(ORDERS.id());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (context.reconfigurations.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(context.reconfigurations.get()).isEqualTo(1);
            assertThat(monitor.tables()).containsOnlyKeys(ORDERS.id(), LINES.id());
        } finally {
            monitor.close();
        }
    }
}
