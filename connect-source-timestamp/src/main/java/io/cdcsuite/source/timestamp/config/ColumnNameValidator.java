package io.cdcsuite.source.timestamp.config;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import io.cdcsuite.source.timestamp.catalog.Identifiers;

/** The value (a name, or each entry of a list) must be a valid MySQL column name; empty means unset. */
public final class ColumnNameValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        List<?> names = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        for (Object column : names) {
            String text = String.valueOf(column);
            if (text.isEmpty()) {
                continue;
            }
            try {
                Identifiers.validate(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "MySQL column name(s)";
    }
}
