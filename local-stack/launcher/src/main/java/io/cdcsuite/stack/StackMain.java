package io.cdcsuite.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdcsuite.stack.console.PathComparison;
import io.cdcsuite.stack.console.StackQueries;
import io.cdcsuite.stack.demo.LiveDemo;

/**
 * The README's main command ({@code bin/pipeline}): starts the local stack, applies {@code config/mysql/*.sql},
 * registers every {@code config/connectors/*.json} over the Connect REST API, prints the endpoints, then runs the
 * live demo (a workload on shop.orders and a view of every stage, refreshed every second) until Ctrl-C.
 * {@code --exit} stops after registering; {@code down} stops a stack left running by {@code --reuse}; {@code sql},
 * {@code cql} and {@code compare} query it.
 */
public final class StackMain {
    /** Changes per second of the demo workload; --rate 0 turns it off. */
    private static final int DEFAULT_RATE = 200;

    /** Commands that query the stack a --reuse run left running. */
    private static final List<String> QUERY_COMMANDS = List.of("sql", "cql", "compare");

    private StackMain() {
    }

    /** {@code sql "<statement>"}, {@code cql "<statement>"} or {@code compare}; returns the exit status. */
    private static int query(List<String> arguments) throws SQLException {
        Optional<LocalStack> running = LocalStack.attachReused();
        if (running.isEmpty()) {
            System.err.println("No running stack: start one with bin/pipeline --reuse (in another terminal)");
            return 2;
        }
        String command = arguments.get(0);
        if (command.equals("compare")) {
            return PathComparison.print(running.get(), System.out) ? 0 : 1;
        }
        if (arguments.size() != 2) {
            System.err.println("Usage: bin/pipeline " + command + " \"<statement>\" (one argument, quoted)");
            return 2;
        }
        if (command.equals("sql")) {
            StackQueries.sql(running.get(), arguments.get(1), System.out);
        } else {
            StackQueries.cql(running.get(), arguments.get(1), System.out);
        }
        return 0;
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.contains("down")) {
            stopReusedStack();
            return;
        }
        if (!arguments.isEmpty() && QUERY_COMMANDS.contains(arguments.get(0))) {
            System.exit(query(arguments));
        }
        StackOptions options = StackOptions.defaults().withReuse(arguments.contains("--reuse"));
        StackLayout layout = StackLayout.locate();
        Path configDir = layout.projectDir().resolve("config");
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(options);
        System.out.printf("%nLocal stack up in %.1f s%s%n", (System.nanoTime() - started) / 1e9,
                stack.reused() ? " (reused)" : "");
        applySchemas(stack, configDir.resolve("mysql"));
        List<String> sinks = registerConnectors(stack, configDir.resolve("connectors"));
        printTopics(stack);
        printEndpoints(stack);
        if (arguments.contains("--exit")) {
            stack.close();
            return;
        }
        System.out.println("\nStarting the live view" + (options.reuse() ? " (the stack keeps running after Ctrl-C: "
                + "bin/pipeline down)" : "") + " ...");
        Thread.sleep(3000);
        LiveDemo.run(stack, sinks, intOption(arguments, "--rate", DEFAULT_RATE), System.out);
    }

    /** The value after {@code name} ({@code --rate 500}), or the default. */
    private static int intOption(List<String> arguments, String name, int fallback) {
        int index = arguments.indexOf(name);
        if (index < 0) {
            return fallback;
        }
        if (index + 1 >= arguments.size()) {
            throw new IllegalArgumentException(name + " needs a number");
        }
        return Integer.parseInt(arguments.get(index + 1));
    }

    private static void applySchemas(LocalStack stack, Path dir) throws SQLException, java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir); Connection connection = stack.mysql().connect(null)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                SqlScript.run(connection, file);
                System.out.println("Applied " + stack.mysql().jdbcUrl(null).split("\\?")[0] + " <- " + file.getFileName());
            }
        }
    }

    /** Registers every config; returns the names of the Cassandra sinks among them (the live view shows their lag). */
    private static List<String> registerConnectors(LocalStack stack, Path dir) {
        ConnectRestClient rest = stack.connect().rest();
        List<String> sinks = new ArrayList<>();
        for (Path file : ConnectorConfigs.list(dir)) {
            Map<String, String> config = ConnectorConfigs.read(file);
            String name = config.get("name");
            rest.putConnectorConfig(name, config);
            rest.awaitRunning(name, 1, Duration.ofSeconds(120));
            System.out.println("Registered connector " + name + " (" + file.getFileName() + "): RUNNING");
            if (config.get("connector.class").endsWith("CassandraSinkConnector")) {
                sinks.add(name);
            }
        }
        return sinks;
    }

    /** Shows that capture works: the change-event topics and how many records each holds. */
    private static void printTopics(LocalStack stack) throws Exception {
        Map<String, Long> counts = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && counts.values().stream().noneMatch(count -> count > 0)) {
            Thread.sleep(500);
            counts = stack.kafka().recordCounts();
        }
        System.out.println("\nTopics:");
        counts.forEach((topic, count) -> System.out.printf("  %-40s %d record(s)%n", topic, count));
    }

    private static void printEndpoints(LocalStack stack) {
        System.out.println("\nEndpoints:");
        stack.endpoints().forEach((name, address) -> System.out.printf("  %-26s %s%n", name, address));
        System.out.println("\nProcesses:");
        stack.processes().forEach((pid, name) -> System.out.printf("  %-26s pid %-8d RSS %s%n", name, pid,
                residentSetSize(pid)));
    }

    /** VmRSS from /proc (Linux); "n/a" elsewhere. */
    private static String residentSetSize(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.substring("VmRSS:".length()).strip())
                    .findFirst().orElse("n/a");
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static void stopReusedStack() throws java.io.IOException {
        Path dir = StackLayout.locate().reusableStackDir();
        Path pids = dir.resolve("pids");
        if (!Files.isDirectory(pids)) {
            System.out.println("No reusable stack recorded in " + dir);
            return;
        }
        try (var files = Files.list(pids)) {
            // Connect workers first, so they do not log a storm of errors while Kafka goes away
            for (String name : files.map(f -> f.getFileName().toString().replace(".pid", ""))
                    .sorted((a, b) -> Boolean.compare(!a.startsWith("connect"), !b.startsWith("connect"))).toList()) {
                ManagedProcess.attach(name, dir.resolve(name + ".log"), pids).ifPresent(process -> {
                    process.stop(Duration.ofSeconds(60));
                    System.out.println("Stopped " + name + " (pid " + process.pid() + ")");
                });
            }
        }
        LocalStack.deleteRecursively(dir);
    }
}
