package io.cdcsuite.transforms.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Accepts only an empty value: for keys of Debezium's transforms that ours do not support, so that a configuration
 * copied from Debezium's fails on that key (also in Connect's validation) instead of being silently ignored.
 */
public final class UnsupportedValidator implements ConfigDef.Validator {
    private final String reason;

    public UnsupportedValidator(String reason) {
        this.reason = reason;
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            throw new ConfigException(name, value, "not supported: " + reason);
        }
    }

    @Override
    public String toString() {
        return "empty (not supported)";
    }
}
