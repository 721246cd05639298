package io.cdcsuite.sink.cassandra.config;

import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

/** Accepts the consistency levels a write can use (the serial levels apply to lightweight transactions only). */
final class ConsistencyLevelValidator implements ConfigDef.Validator {
    static final List<String> WRITE_LEVELS = Arrays.stream(DefaultConsistencyLevel.values())
            .filter(level -> !level.isSerial())
            .map(Enum::name)
            .toList();

    static DefaultConsistencyLevel parse(String text) {
        String name = text.trim().toUpperCase(java.util.Locale.ROOT);
        if (!WRITE_LEVELS.contains(name)) {
            throw new IllegalArgumentException("'" + text + "' is not a write consistency level; use one of "
                    + WRITE_LEVELS);
        }
        return DefaultConsistencyLevel.valueOf(name);
    }

    @Override
    public void ensureValid(String name, Object value) {
        try {
            parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return String.join(", ", WRITE_LEVELS);
    }
}
