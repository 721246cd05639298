package io.cdcsuite.it.aggregate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import io.cdcsuite.stack.ConnectRestClient;

/**
 * The connectors a test registers, deleted (last first) when it closes, so that the shared worker stays light. As a
 * try-with-resources resource, a failure to delete is added to the test's own failure instead of hiding it.
 */
final class Connectors implements AutoCloseable {
    private final ConnectRestClient connect;
    private final Deque<String> names = new ArrayDeque<>();

    Connectors(ConnectRestClient connect) {
        this.connect = connect;
    }

    void put(String name, Map<String, String> config) {
        if (!names.contains(name)) {
            names.push(name);
        }
        connect.putConnectorConfig(name, config);
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (String name : names) {
            try {
                connect.deleteConnector(name);
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
