package io.cdcsuite.source.timestamp.config;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Checks the syntax of a {@link TableColumnsOverride} list. */
public final class TableColumnsOverrideValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        try {
            @SuppressWarnings("unchecked")
            List<String> entries = (List<String>) value;
            TableColumnsOverride.parse(entries);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "list of <db>.<table>:<column>[|<column>...]";
    }
}
