package io.cdcsuite.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local stack: MySQL, a Kafka broker, Connect worker(s) with our plugins and Debezium on plugin.path,
 * and Cassandra, each a child process on free loopback ports with its own folder and log. Closing it stops every
 * process by PID; a watchdog process does the same if this JVM dies without running its shutdown hooks.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final String STATE_FILE = "stack.json";
    private static final String PLUGIN_FINGERPRINT_FILE = "plugin-fingerprint.txt";

    private final Path dir;
    private final Ports ports;
    private final boolean reused;
    private final boolean keepRunning;
    private final MySqlServer mysql;
    private final KafkaBroker kafka;
    private final List<ConnectWorker> connectWorkers;
    private final CassandraNode cassandra;
    private Thread shutdownHook;

    private LocalStack(Path dir, Ports ports, boolean reused, boolean keepRunning, MySqlServer mysql, KafkaBroker kafka,
                       List<ConnectWorker> connectWorkers, CassandraNode cassandra) {
        this.dir = dir;
        this.ports = ports;
        this.reused = reused;
        this.keepRunning = keepRunning;
        this.mysql = mysql;
        this.kafka = kafka;
        this.connectWorkers = connectWorkers;
        this.cassandra = cassandra;
    }

    public static LocalStack start(StackOptions options) {
        StackLayout layout = StackLayout.locate();
        long started = System.nanoTime();
        Path dir = options.reuse() ? layout.reusableStackDir() : temporaryDir();
        Ports ports = options.reuse() ? Ports.load(dir.resolve(STATE_FILE)) : null;
        if (ports != null) {
            LocalStack attached = assemble(layout, dir, ports, options, true);
            if (attached.attachAll()) {
                LOG.info("Reusing the running local stack in {}", dir);
                attached.restartWorkersOnPluginChange(PluginPath.resolve(layout, dir, options.pluginDirs()));
                return attached;
            }
            LOG.info("The stack recorded in {} is not (fully) running: starting a fresh one", dir);
            attached.stopAll();
            deleteRecursively(dir);
        }
        LocalStack stack = assemble(layout, dir, Ports.allocate(options.connectWorkers()), options, false);
        stack.startAll(layout, options, started);
        return stack;
    }

    /** The stack a {@code --reuse} run left running, if all of it still runs; never starts anything. */
    public static Optional<LocalStack> attachReused() {
        StackLayout layout = StackLayout.locate();
        Path dir = layout.reusableStackDir();
        Ports ports = Ports.load(dir.resolve(STATE_FILE));
        if (ports == null) {
            return Optional.empty();
        }
        LocalStack attached = assemble(layout, dir, ports, StackOptions.defaults().withReuse(true), true);
        return attached.attachAll() ? Optional.of(attached) : Optional.empty();
    }

    private static LocalStack assemble(StackLayout layout, Path dir, Ports ports, StackOptions options,
                                       boolean reused) {
        Path pids = dir.resolve("pids");
        MySqlServer mysql = new MySqlServer(layout, dir.resolve("mysql"), pids, ports.mysql());
        KafkaBroker kafka = new KafkaBroker(layout, dir.resolve("kafka"), pids, ports.kafka(), ports.kafkaController());
        CassandraNode cassandra = options.cassandra()
                ? new CassandraNode(layout, dir.resolve("cassandra"), pids, ports.cql(), ports.cassandraStorage())
                : null;
        Map<String, String> workerEnv = workerEnvironment(mysql, kafka, cassandra);
        List<ConnectWorker> workers = new ArrayList<>();
        for (int i = 0; i < ports.connect().size(); i++) {
            workers.add(new ConnectWorker(layout, "connect-" + (i + 1), dir.resolve("connect/worker-" + (i + 1)),
                    dir.resolve("connect"), pids, ports.connect().get(i), workerEnv));
        }
        return new LocalStack(dir, ports, reused, options.reuse(), mysql, kafka, List.copyOf(workers), cassandra);
    }

    /**
     * The values config/*.json reads through the worker's config providers: {@code ${env:CDC_...}} for hosts and
     * ports, {@code ${file:secrets/cdc.properties:...}} (relative to the worker's working dir) for passwords.
     */
    private static Map<String, String> workerEnvironment(MySqlServer mysql, KafkaBroker kafka, CassandraNode cassandra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CDC_MYSQL_HOST", "127.0.0.1");
        env.put("CDC_MYSQL_PORT", Integer.toString(mysql.port()));
        env.put("CDC_MYSQL_USER", MySqlServer.CDC_USER);
        env.put("CDC_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        if (cassandra != null) {
            env.put("CDC_CASSANDRA_HOST", "127.0.0.1");
            env.put("CDC_CASSANDRA_PORT", Integer.toString(cassandra.port()));
            env.put("CDC_CASSANDRA_DC", CassandraNode.LOCAL_DATACENTER);
        }
        return Map.copyOf(env);
    }

    private boolean attachAll() {
        boolean all = mysql.attach() && kafka.attach() && (cassandra == null || cassandra.attach());
        for (ConnectWorker worker : connectWorkers) {
            all = all && worker.attach();
        }
        return all;
    }

    /** A reused worker still runs the plugin jars it loaded at start: after a rebuild it must restart. */
    private void restartWorkersOnPluginChange(Path pluginPath) {
        String fingerprint = PluginPath.fingerprint(pluginPath);
        Path recorded = dir.resolve(PLUGIN_FINGERPRINT_FILE);
        try {
            if (Files.exists(recorded) && Files.readString(recorded).equals(fingerprint)) {
                return;
            }
            LOG.info("Plugins in {} changed since the workers started: restarting them", pluginPath);
            for (ConnectWorker worker : connectWorkers) {
                worker.stop();
                worker.start(kafka.bootstrapServers(), pluginPath);
            }
            Files.writeString(recorded, fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startAll(StackLayout layout, StackOptions options, long started) {
        try {
            Files.createDirectories(dir.resolve("pids"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (!keepRunning) {
                OrphanWatchdog.start(dir.resolve("pids"), dir.resolve("watchdog.log"));
                shutdownHook = new Thread(this::stopAll, "local-stack-shutdown");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            Path pluginPath = PluginPath.resolve(layout, dir, options.pluginDirs());
            CompletableFuture<Void> db = CompletableFuture.runAsync(mysql::start);
            CompletableFuture<Void> cql = cassandra == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(cassandra::start);
            kafka.start();
            writeSecrets();
            List<CompletableFuture<Void>> workers = connectWorkers.stream()
                    .map(worker -> CompletableFuture.runAsync(() -> worker.start(kafka.bootstrapServers(), pluginPath)))
                    .toList();
            workers.forEach(CompletableFuture::join);
            db.join();
            cql.join();
            if (keepRunning) {
                Ports.save(dir.resolve(STATE_FILE), ports);
                Files.writeString(dir.resolve(PLUGIN_FINGERPRINT_FILE), PluginPath.fingerprint(pluginPath));
            }
            LOG.info("Local stack up in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (IOException e) {
            stopAll();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stopAll();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void writeSecrets() {
        try {
            Path secrets = dir.resolve("connect/secrets/cdc.properties");
            Files.createDirectories(secrets.getParent());
            Files.writeString(secrets, "mysql.password=" + MySqlServer.CDC_PASSWORD + "\n"
                    + "mysql.root.password=\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MySqlServer mysql() {
        return mysql;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The first Connect worker; all workers form one cluster. */
    public ConnectWorker connect() {
        return connectWorkers.get(0);
    }

    public List<ConnectWorker> connectWorkers() {
        return connectWorkers;
    }

    public CassandraNode cassandra() {
        if (cassandra == null) {
            throw new IllegalStateException("this stack was started without Cassandra");
        }
        return cassandra;
    }

    public boolean reused() {
        return reused;
    }

    public Path dir() {
        return dir;
    }

    /** Endpoint name → address, for printing and for the tests' reports. */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("MySQL", mysql.jdbcUrl(null) + "  (root / no password; cdc / " + MySqlServer.CDC_PASSWORD + ")");
        endpoints.put("Kafka", kafka.bootstrapServers());
        for (ConnectWorker worker : connectWorkers) {
            endpoints.put("Connect REST (" + worker.name() + ")", worker.restUrl());
        }
        if (cassandra != null) {
            endpoints.put("CQL", cassandra.contactPoint() + "  (local datacenter " + CassandraNode.LOCAL_DATACENTER + ")");
        }
        endpoints.put("Logs", dir.toString());
        return endpoints;
    }

    /** PID → process name of every running server, for RSS reports. */
    public Map<Long, String> processes() {
        Map<Long, String> processes = new LinkedHashMap<>();
        Stream.concat(Stream.of(mysql.process(), kafka.process(), cassandra == null ? null : cassandra.process()),
                        connectWorkers.stream().map(ConnectWorker::process))
                .filter(p -> p != null && p.isAlive())
                .forEach(p -> processes.put(p.pid(), p.name()));
        return processes;
    }

    /** Stops the stack unless it is kept for reuse. */
    @Override
    public void close() {
        if (keepRunning) {
            LOG.info("Leaving the reusable stack running in {} (stop it with: bin/pipeline down)", dir);
            return;
        }
        stopAll();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook itself is running
            }
        }
        deleteRecursively(dir);
    }

    /** Stops every process of the stack, reusable or not. */
    public void stopAll() {
        connectWorkers.forEach(ConnectWorker::stop);
        CompletableFuture<Void> kafkaStop = CompletableFuture.runAsync(kafka::stop);
        CompletableFuture<Void> mysqlStop = CompletableFuture.runAsync(mysql::stop);
        if (cassandra != null) {
            cassandra.stop();
        }
        kafkaStop.join();
        mysqlStop.join();
    }

    private static Path temporaryDir() {
        try {
            return Files.createTempDirectory("cdc-stack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.toString());
        }
    }
}
