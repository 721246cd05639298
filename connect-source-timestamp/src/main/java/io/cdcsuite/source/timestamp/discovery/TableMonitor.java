package io.cdcsuite.source.timestamp.discovery;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.source.timestamp.catalog.TableId;

/**
 * Lists the captured tables when the connector starts and again every {@code table.discovery.interval.ms}. When the
 * set of capturable tables changes it asks Connect to reconfigure the tasks: new tables get assigned (and
 * snapshotted), dropped ones are reported. If listing keeps failing for longer than the retry timeout, the
 * connector fails with the last error.
 */
public final class TableMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TableMonitor.class);

    /** One listing of the tables, planned. */
    public interface Discoverer {
        CatalogScan.Result discover() throws SQLException;
    }

    private final Discoverer discoverer;
    private final ConnectorContext context;
    private final Duration interval;
    private final Duration failureTimeout;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Map<TableId, Long> tables;
    private Set<TableId> refused = Set.of();
    private Instant failingSince;
    private Thread thread;

    public TableMonitor(Discoverer discoverer, ConnectorContext context, Duration interval, Duration failureTimeout,
            Clock clock) {
        this.discoverer = discoverer;
        this.context = context;
        this.interval = interval;
        this.failureTimeout = failureTimeout;
        this.clock = clock;
    }

    /** What one listing found. */
    enum Outcome {
        UNCHANGED,
        /** The capturable tables changed: the tasks must be reconfigured. */
        CHANGED,
        /** Listing failed for longer than the timeout; the connector has been failed. */
        GAVE_UP
    }

    /**
     * Lists the tables once now (a failure is logged and retried later; Connect asks for task configs right after
     * the connector starts), then keeps watching on a daemon thread.
     */
    public void start(String connectorName) {
        refresh();
        thread = new Thread(this::run, "timestamp-source-table-monitor-" + connectorName);
        thread.setDaemon(true);
        thread.start();
    }

    /** The capturable tables with their row estimates; null until a listing has succeeded. */
    public Map<TableId, Long> tables() {
        return tables;
    }

    private void run() {
        try {
            while (!stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                Outcome outcome = refresh();
                if (outcome == Outcome.GAVE_UP) {
                    return;
                }
                if (outcome == Outcome.CHANGED) {
                    context.requestTaskReconfiguration();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One listing. */
    Outcome refresh() {
        CatalogScan.Result result;
        try {
            result = discoverer.discover();
        } catch (SQLException | RuntimeException e) {
            Instant now = clock.instant();
            if (failingSince == null) {
                failingSince = now;
            }
            if (Duration.between(failingSince, now).compareTo(failureTimeout) > 0) {
                LOG.error("Listing the tables has failed for {}; failing the connector", failureTimeout, e);
                context.raiseError(new ConnectException("Listing the captured tables failed for longer than "
                        + failureTimeout + ": " + e.getMessage(), e));
                return Outcome.GAVE_UP;
            }
            LOG.warn("Listing the tables failed; retrying in {}: {}", interval, e.getMessage());
            return Outcome.UNCHANGED;
        }
        failingSince = null;
        result.warnings().forEach(LOG::warn);
        Set<TableId> newlyRefused = new HashSet<>(result.refused().keySet());
        newlyRefused.removeAll(refused);
        if (!newlyRefused.isEmpty()) {
            LOG.error("Tables refused (not captured): {}", result.refusalSummary());
        }
        refused = result.refused().keySet();
        Map<TableId, Long> current = result.estimatedRows();
        Map<TableId, Long> previous = tables;
        tables = current;
        if (previous == null) {
            LOG.info("Capturing {} table(s): {}", current.size(), current.keySet());
            if (current.isEmpty()) {
                LOG.warn("No table can be captured; the connector runs no tasks until one appears");
            }
            return Outcome.CHANGED;
        }
        if (!previous.keySet().equals(current.keySet())) {
            Set<TableId> added = new TreeSet<>(current.keySet());
            added.removeAll(previous.keySet());
            Set<TableId> removed = new TreeSet<>(previous.keySet());
            removed.removeAll(current.keySet());
            if (!added.isEmpty()) {
                LOG.info("New table(s) to capture: {}", added);
            }
            if (!removed.isEmpty()) {
                LOG.warn("Table(s) dropped or no longer capturable: {}; their offsets are kept", removed);
            }
            return Outcome.CHANGED;
        }
        return Outcome.UNCHANGED;
    }

    @Override
    public void close() {
        stopped.countDown();
        if (thread != null) {
            thread.interrupt();
        }
    }
}
