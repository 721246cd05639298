package io.cdcsuite.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cdcsuite.it.env.TestEnvironment;

/**
 * The connectors one scenario registers; closing deletes them (the last started first), also when the scenario
 * fails, so that the shared worker only runs what the current scenarios need.
 */
public final class ScenarioConnectors implements AutoCloseable {
    private final TestEnvironment env;
    private final List<String> names = new ArrayList<>();

    public ScenarioConnectors(TestEnvironment env) {
        this.env = env;
    }

    /** Creates (or updates) a connector and waits until it runs with at least {@code minTasks} tasks. */
    public void start(String name, Map<String, String> config, int minTasks, Duration timeout) {
        put(name, config);
        env.connect().awaitRunning(name, minTasks, timeout);
    }

    /** Creates (or updates) a connector without waiting for it. */
    public void put(String name, Map<String, String> config) {
        if (!names.contains(name)) {
            names.add(name);
        }
        env.connect().putConnectorConfig(name, config);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = names.size() - 1; i >= 0; i--) {
            try {
                env.connect().deleteConnector(names.get(i));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
