package io.cdcsuite.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;

import io.cdcsuite.stack.LocalStack;

/**
 * The CPU time each process of the stack, and this harness, used during a phase: on this machine everything shares
 * two cores, so the CPU a row costs in each process says what bounds a rate, more than any one process's speed. Of
 * each JVM's time, the part its JIT compiler threads used is shown too (read from /proc, Linux only): on 2 cores the
 * compilers of three JVMs take a large share for minutes, so a phase is only warm when that part is small.
 */
final class CpuUse {
    private static final String HARNESS = "harness";
    /** Clock ticks per second of /proc/<pid>/task/<tid>/stat times (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private final LocalStack stack;
    private final Map<String, Duration> started;
    private final Map<String, Duration> startedJit;

    private CpuUse(LocalStack stack) {
        this.stack = stack;
        this.started = snapshot();
        this.startedJit = jit(stack);
    }

    /** Starts counting now. */
    static CpuUse start(LocalStack stack) {
        return new CpuUse(stack);
    }

    /** Microseconds of CPU per row (or change) in each process since the start, e.g. {@code connect 21, cassandra 30}. */
    String perRow(long rows) {
        Map<String, Duration> now = snapshot();
        Map<String, Duration> nowJit = jit(stack);
        StringJoiner line = new StringJoiner(", ", "CPU µs per row: ", "");
        long total = 0;
        long totalJit = 0;
        for (Map.Entry<String, Duration> process : now.entrySet()) {
            long micros = since(started, now, process.getKey());
            long jitMicros = nowJit.containsKey(process.getKey()) ? since(startedJit, nowJit, process.getKey()) : 0;
            total += micros;
            totalJit += jitMicros;
            line.add(process.getKey() + " " + Math.round(micros / (double) rows)
                    + (jitMicros > 0 ? " (JIT " + Math.round(jitMicros / (double) rows) + ")" : ""));
        }
        return line + " (all " + Math.round(total / (double) rows) + ", of which JIT compilers "
                + Math.round(totalJit / (double) rows) + ")";
    }

    private static long since(Map<String, Duration> before, Map<String, Duration> now, String process) {
        return now.get(process).minus(before.getOrDefault(process, Duration.ZERO)).toNanos() / 1_000;
    }

    /**
     * Waits until every server of the stack is idle (together under 10% of a core for 3 s in a row, at most
     * {@code max}): a phase must not pay for the flushes and compactions an earlier phase left behind.
     *
     * @return how long it waited
     */
    static Duration awaitQuiet(LocalStack stack, Duration max) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + max.toNanos();
        int quietSeconds = 0;
        Duration last = serversTotal(stack);
        while (quietSeconds < 3 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            Duration now = serversTotal(stack);
            quietSeconds = now.minus(last).toMillis() < 100 ? quietSeconds + 1 : 0;
            last = now;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static Duration serversTotal(LocalStack stack) {
        return servers(stack).values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** CPU time so far of each server of the stack, by name. */
    private static Map<String, Duration> servers(LocalStack stack) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        stack.processes().forEach((pid, name) -> ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .ifPresent(time -> cpu.merge(name, time, Duration::plus)));
        return cpu;
    }

    /** CPU time so far of the JIT compiler threads of each server, by name; empty where /proc cannot tell. */
    private static Map<String, Duration> jit(LocalStack stack) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        stack.processes().forEach((pid, name) -> {
            long ticks = compilerTicks(Path.of("/proc", Long.toString(pid), "task"));
            if (ticks > 0) {
                cpu.merge(name, Duration.ofMillis(ticks * 1_000 / TICKS_PER_SECOND), Duration::plus);
            }
        });
        return cpu;
    }

    /** User and system ticks of the threads named "C1/C2 CompilerThreadN" (the kernel keeps 15 characters). */
    private static long compilerTicks(Path tasks) {
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToLong(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(open + 1, close).matches("C[12] CompilerThre.*")) {
                        return 0;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
                } catch (IOException | RuntimeException gone) {
                    return 0; // the thread ended meanwhile
                }
            }).sum();
        } catch (IOException notLinux) {
            return 0;
        }
    }

    private Map<String, Duration> snapshot() {
        Map<String, Duration> cpu = servers(stack);
        ProcessHandle.current().info().totalCpuDuration().ifPresent(time -> cpu.put(HARNESS, time));
        return cpu;
    }
}
