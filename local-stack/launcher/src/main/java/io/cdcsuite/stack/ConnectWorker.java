package io.cdcsuite.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One Kafka Connect worker in distributed mode, loading plugins from the stack's plugin.path with
 * {@code plugin.discovery=service_load}, exactly as a production worker would load the packaged plugins.
 */
public final class ConnectWorker {
    private final StackLayout layout;
    private final String name;
    private final Path dir;
    private final Path sharedDir;
    private final Path pidDir;
    private final int restPort;
    private final Map<String, String> environment;
    private ManagedProcess process;

    ConnectWorker(StackLayout layout, String name, Path dir, Path sharedDir, Path pidDir, int restPort,
                  Map<String, String> environment) {
        this.layout = layout;
        this.name = name;
        this.dir = dir;
        this.sharedDir = sharedDir;
        this.pidDir = pidDir;
        this.restPort = restPort;
        this.environment = environment;
    }

    public String name() {
        return name;
    }

    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    public ConnectRestClient rest() {
        return new ConnectRestClient(restUrl());
    }

    public ManagedProcess process() {
        return process;
    }

    boolean attach() {
        process = ManagedProcess.attach(name, log(), pidDir).orElse(null);
        return process != null && isHealthy();
    }

    /** Starts the worker (again, after {@link #kill()} or {@link #stop()}) with the same configuration. */
    public void start(String bootstrapServers, Path pluginPath) {
        Path logConfig = Resources.render("log4j2.properties", dir.resolve("log4j2.properties"), Map.of());
        Path config = writeConfig(dir.resolve("worker.properties"), bootstrapServers, restPort, pluginPath.toString());
        // the working dir is shared by all workers so that relative ${file:secrets/...} references resolve alike
        // 2 GB as Kafka's connect-distributed.sh gives a worker: sinks hold polled batches of large records
        process = ManagedProcess.start(name,
                JavaCommand.currentJdk().heap("2g").option("-XX:+UseG1GC")
                        .property("log4j2.configurationFile", logConfig)
                        .main(layout.kafkaLib(), "org.apache.kafka.connect.cli.ConnectDistributed", config.toString()),
                sharedDir, log(), environment, pidDir);
        Await.healthy(process, Duration.ofSeconds(120), () -> Await.portOpen(restPort) && isHealthy());
    }

    /** The suite's worker configuration (also used for the Testcontainers worker). */
    public static Path writeConfig(Path target, String bootstrapServers, int restPort, String pluginPath) {
        return Resources.render("connect/worker.properties", target, Map.of(
                "bootstrapServers", bootstrapServers, "restPort", restPort, "pluginPath", pluginPath));
    }

    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    /** {@code kill -9} of the worker process, for crash-recovery tests. */
    public void kill() {
        process.kill();
    }

    private Path log() {
        return dir.resolve("connect.log");
    }

    private boolean isHealthy() {
        return rest().isReady();
    }
}
