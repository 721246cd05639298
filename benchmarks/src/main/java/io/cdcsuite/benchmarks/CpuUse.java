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

    private Map<String, Duration> snapshot() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        stack.processes().forEach((pid, name) -> ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .ifPresent(time -> cpu.merge(name, time, Duration::plus)));
        ProcessHandle.current().info().totalCpuDuration().ifPresent(time -> cpu.put(HARNESS, time));
        return cpu;
    }
}
