package io.cdcsuite.transforms.config;

import java.time.format.DateTimeFormatter;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a {@link DateTimeFormatter} pattern; empty means the ISO-8601 default. */
public final class DateTimePatternValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return;
        }
        try {
            DateTimeFormatter.ofPattern(value.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, "not a java.time.format.DateTimeFormatter pattern: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "a java.time DateTimeFormatter pattern, or empty for ISO-8601";
    }
}
