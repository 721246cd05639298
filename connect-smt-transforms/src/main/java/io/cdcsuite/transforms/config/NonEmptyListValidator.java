package io.cdcsuite.transforms.config;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts a list with at least one non-blank entry and no blank ones. */
public final class NonEmptyListValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        List<?> list = (List<?>) value;
        if (list == null || list.isEmpty()) {
            throw new ConfigException(name, value, "must list at least one entry");
        }
        if (list.stream().anyMatch(item -> item == null || item.toString().isBlank())) {
            throw new ConfigException(name, value, "must not contain empty entries");
        }
    }

    @Override
    public String toString() {
        return "non-empty list";
    }
}
