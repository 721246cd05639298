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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.cdcsuite.transforms.Unwrap;
import io.debezium.transforms.ExtractNewRecordState;

/** ns/record of the suite's Unwrap against Debezium's ExtractNewRecordState, same records, same configuration. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class UnwrapBenchmark {
    /** The configuration both transforms get, by ExtractNewRecordState's keys. */
    @Param({"defaults", "rewrite+fields"})
    public String config;

    private ExtractNewRecordState<SourceRecord> debezium;
    private Unwrap<SourceRecord> unwrap;

    @Setup
    public void configure() {
        Map<String, String> settings = config.equals("defaults") ? Map.of()
                : Map.of("delete.tombstone.handling.mode", "rewrite", "add.fields", "op,table,source.ts_ms");
        debezium = new ExtractNewRecordState<>();
        debezium.configure(settings);
        unwrap = new Unwrap<>();
        unwrap.configure(settings);
    }

    @TearDown
    public void close() {
        debezium.close();
        unwrap.close();
    }

    @Benchmark
    public SourceRecord debeziumExtractNewRecordState(UpdateEvents events) {
        return debezium.apply(events.next());
    }

    @Benchmark
    public SourceRecord unwrap(UpdateEvents events) {
        return unwrap.apply(events.next());
    }
}
