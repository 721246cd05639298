package io.cdcsuite.sink.cassandra.config;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.common.config.ConfigDef;

/** Shows a key in UIs only when another key's parsed value passes a test (e.g. TLS keys once TLS is on). */
final class VisibleWhen implements ConfigDef.Recommender {
    private final String key;
    private final Predicate<Object> test;

    VisibleWhen(String key, Predicate<Object> test) {
        this.key = key;
        this.test = test;
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return List.of();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        return test.test(parsedConfig.get(key));
    }
}
