package io.cdcsuite.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import io.cdcsuite.stack.LocalStack;

/**
 * The CPU time each process of the stack, and this harness, used during a phase: on this machine everything shares
 * two cores, so the CPU a row costs in each process says what bounds a rate, more than any one process's speed.
 */
final class CpuUse {
    private static final String HARNESS = "harness";

    private final LocalStack stack;
    private final Map<String, Duration> started;

    private CpuUse(LocalStack stack) {
        this.stack = stack;
        this.started = snapshot();
    }

    /** Starts counting now. */
    static CpuUse start(LocalStack stack) {
        return new CpuUse(stack);
    }

    /** Microseconds of CPU per row (or change) in each process since the start, e.g. {@code connect 21, cassandra 30}. */
    String perRow(long rows) {
        Map<String, Duration> now = snapshot();
        StringJoiner line = new StringJoiner(", ", "CPU µs per row: ", "");
        long total = 0;
        for (Map.Entry<String, Duration> process : now.entrySet()) {
            long micros = process.getValue().minus(started.getOrDefault(process.getKey(), Duration.ZERO)).toNanos() / 1_000;
            total += micros;
            line.add(process.getKey() + " " + Math.round(micros / (double) rows));
        }
        return line + " (all " + Math.round(total / (double) rows) + ")";
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

    private Map<String, Duration> snapshot() {
        Map<String, Duration> cpu = servers(stack);
        ProcessHandle.current().info().totalCpuDuration().ifPresent(time -> cpu.put(HARNESS, time));
        return cpu;
    }
}
