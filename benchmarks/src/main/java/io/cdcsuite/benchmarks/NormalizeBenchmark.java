package io.cdcsuite.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.source.SourceRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cdcsuite.transforms.Normalize;

/**
 * ns/record of the suite's Normalize (every date/time column and YEAR converted) on the records of
 * {@link UnwrapBenchmark}, as envelopes and as unwrapped rows; compare with its debeziumExtractNewRecordState figure
 * of the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NormalizeBenchmark {
    private Normalize<SourceRecord> normalize;

    @Setup
    public void configure() {
        normalize = new Normalize.Value<>();
        normalize.configure(Map.of());
    }

    @TearDown
    public void close() {
        normalize.close();
    }

    /** Normalize first in the chain: both rows of the envelope (one for the timestamp source's updates). */
    @Benchmark
    public SourceRecord normalize(UpdateEvents events) {
        return normalize.apply(events.next());
    }

    /** Normalize after Unwrap: the one flat row. */
    @Benchmark
    public SourceRecord normalizeFlatRow(UpdateEvents events) {
        return normalize.apply(events.nextRow());
    }
}
