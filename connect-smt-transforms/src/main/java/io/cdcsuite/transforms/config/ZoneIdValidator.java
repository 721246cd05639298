package io.cdcsuite.transforms.config;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a {@link ZoneId}: a region such as {@code Europe/Paris}, {@code UTC}, or an offset such as {@code +02:00}. */
public final class ZoneIdValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        try {
            ZoneId.of(String.valueOf(value));
        } catch (DateTimeException e) {
            throw new ConfigException(name, value, "not a time zone: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "a time-zone ID (e.g. UTC, Europe/Paris, +02:00)";
    }
}
