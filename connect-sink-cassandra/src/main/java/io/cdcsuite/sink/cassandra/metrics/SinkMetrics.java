package io.cdcsuite.sink.cassandra.metrics;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.write.AsyncWriter;
import io.cdcsuite.sink.cassandra.write.WriteUnit;

/** The task's per-table metrics, registered as MBeans on first use and unregistered on close. */
public final class SinkMetrics implements AsyncWriter.Listener, AutoCloseable {
    public static final String DOMAIN = "io.cdcsuite.sink.cassandra";

    private static final Logger LOG = LoggerFactory.getLogger(SinkMetrics.class);

    private final String connector;
    private final String task;
    private final MBeanServer server;
    private final Map<TableId, TableMetrics> tables = new ConcurrentHashMap<>();

    public SinkMetrics(String connector, String task) {
        this(connector, task, ManagementFactory.getPlatformMBeanServer());
    }

    SinkMetrics(String connector, String task, MBeanServer server) {
        this.connector = connector;
        this.task = task;
        this.server = server;
    }

    public TableMetrics table(TableId table) {
        return tables.computeIfAbsent(table, this::register);
    }

    public void failed(TableId table, int records) {
        table(table).failed(records);
    }

    @Override
    public void succeeded(WriteUnit unit, long latencyNanos) {
        table(unit.table()).acknowledged(unit.upserts(), unit.deletes(), latencyNanos);
    }

    @Override
    public void retrying(WriteUnit unit, Throwable error, int attempt, long delayMillis) {
        table(unit.table()).retried();
        if (attempt == 1 || attempt % 10 == 0) {
            LOG.warn("Write of {} failed (attempt {}), retrying in {} ms: {}", unit, attempt, delayMillis, error.toString());
        }
    }

    /** {@code io.cdcsuite.sink.cassandra:type=table-metrics,connector=..,task=..,table=ks.t}. */
    public static ObjectName objectName(String connector, String task, TableId table) {
        try {
            return new ObjectName(DOMAIN + ":type=table-metrics,connector=" + value(connector) + ",task="
                    + value(task) + ",table=" + value(table.toString()));
        } catch (JMException e) {
            throw new IllegalArgumentException("Cannot name the metrics of " + table, e);
        }
    }

    @Override
    public void close() {
        for (TableId table : tables.keySet()) {
            try {
                ObjectName name = objectName(connector, task, table);
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
            } catch (JMException e) {
                LOG.warn("Cannot unregister the metrics of {}: {}", table, e.toString());
            }
        }
        tables.clear();
    }

    private TableMetrics register(TableId table) {
        TableMetrics metrics = new TableMetrics();
        try {
            ObjectName name = objectName(connector, task, table);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // left behind by an earlier instance of this task
            }
            server.registerMBean(metrics, name);
        } catch (JMException e) {
            LOG.warn("Cannot register the metrics of {}: {}", table, e.toString());
        }
        return metrics;
    }

    /** Quotes an ObjectName value only when it holds characters that would break the name. */
    private static String value(String text) {
        return text.matches("[^,=:\"*?\\n]*") ? text : ObjectName.quote(text);
    }
}
