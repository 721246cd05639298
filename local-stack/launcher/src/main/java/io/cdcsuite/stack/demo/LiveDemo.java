package io.cdcsuite.stack.demo;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;

import com.datastax.oss.driver.api.core.CqlSession;

import io.cdcsuite.stack.LocalStack;
import io.cdcsuite.stack.StackException;

/** The main command's live part: the workload runs and the view refreshes every second until the JVM stops. */
public final class LiveDemo {
    private LiveDemo() {
    }

    /**
     * Runs until the JVM stops (Ctrl-C: the stack's shutdown hook stops the servers meanwhile, so failures to sample
     * them from then on are expected and end the view quietly).
     */
    public static void run(LocalStack stack, List<String> sinkConnectors, int changesPerSecond, PrintStream out)
            throws Exception {
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping.set(true), "live-view-stop"));
        try {
            show(stack, sinkConnectors, changesPerSecond, out, stopping);
        } catch (Exception e) {
            if (!stopping.get()) {
                throw e;
            }
        }
    }

    private static void show(LocalStack stack, List<String> sinkConnectors, int changesPerSecond, PrintStream out,
                             AtomicBoolean stopping) throws Exception {
        OrdersWorkload workload = new OrdersWorkload(() -> connect(stack), changesPerSecond);
        Thread workloadThread = new Thread(workload, "demo-workload");
        workloadThread.setDaemon(true);
        if (changesPerSecond > 0) {
            workloadThread.start();
        }
        try (Admin admin = stack.kafka().admin(); CqlSession cql = stack.cassandra().session()) {
            PipelineMonitor monitor = new PipelineMonitor(admin, cql);
            PipelineMonitor.Sample previous = monitor.sample(sinkConnectors);
            long previousChanges = workload.changes();
            while (!stopping.get()) {
                Thread.sleep(Duration.ofSeconds(1).toMillis());
                PipelineMonitor.Sample current = monitor.sample(sinkConnectors);
                long changes = workload.changes();
                double seconds = (current.nanoTime() - previous.nanoTime()) / 1e9;
                LiveView.render(out, changes, (changes - previousChanges) / seconds, previous, current);
                previous = current;
                previousChanges = changes;
            }
        } finally {
            workload.stop();
        }
    }

    private static Connection connect(LocalStack stack) {
        try {
            return stack.mysql().connect(null);
        } catch (SQLException e) {
            throw new StackException("the workload cannot connect to MySQL: " + e.getMessage(), e);
        }
    }
}
