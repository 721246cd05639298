package io.cdcsuite.source.timestamp.metrics;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.source.timestamp.catalog.TableId;

/** Registers a task's per-table MBeans on the platform MBean server and removes them when the task stops. */
public final class TableMetricsRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TableMetricsRegistry.class);
    public static final String DOMAIN = "io.cdcsuite.source.timestamp";

    private final String connector;
    private final String task;
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final List<ObjectName> registered = new ArrayList<>();

    public TableMetricsRegistry(String connector, String task) {
        this.connector = connector;
        this.task = task;
    }

    /** {@code io.cdcsuite.source.timestamp:type=table-metrics,connector=..,task=..,table=db.table}, quoted if needed. */
    public static ObjectName name(String connector, String task, TableId table) {
        try {
            return new ObjectName(DOMAIN + ":type=table-metrics,connector=" + value(connector) + ",task=" + value(task)
                    + ",table=" + value(table.toString()));
        } catch (JMException e) {
            throw new IllegalArgumentException("no valid MBean name for " + table, e);
        }
    }

    private static String value(String text) {
        return text.matches("[A-Za-z0-9._-]*") ? text : ObjectName.quote(text);
    }

    /** New metrics for a table, registered (replacing a stale registration of a previous task instance). */
    public TableMetrics register(TableId table) {
        TableMetrics metrics = new TableMetrics();
        ObjectName name = name(connector, task, table);
        try {
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(metrics, name);
            registered.add(name);
        } catch (JMException e) {
            LOG.warn("Could not register the metrics MBean {}", name, e);
        }
        return metrics;
    }

    @Override
    public void close() {
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                LOG.debug("Could not unregister the metrics MBean {}", name, e);
            }
        }
        registered.clear();
    }
}
