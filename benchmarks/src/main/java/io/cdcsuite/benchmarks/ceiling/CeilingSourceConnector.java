package io.cdcsuite.benchmarks.ceiling;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * The "Connect ceiling" of {@code SourceSnapshotBenchmark}: a source that does no I/O and emits pre-built change
 * envelopes of the benchmark's orders rows, so that what it reaches is the cost of the worker, the converter and
 * the producer alone. Loaded by a real worker from a plugin directory that the benchmark builds.
 */
public final class CeilingSourceConnector extends SourceConnector {
    private Map<String, String> settings;

    @Override
    public void start(Map<String, String> props) {
        CeilingSourceTask.Settings.CONFIG_DEF.parse(props);
        settings = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CeilingSourceTask.class;
    }

    /** One task: the records are numbered in one sequence. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.singletonList(settings);
    }

    @Override
    public void stop() {
        settings = null;
    }

    @Override
    public ConfigDef config() {
        return CeilingSourceTask.Settings.CONFIG_DEF;
    }

    @Override
    public String version() {
        return "benchmark";
    }
}
