package io.cdcsuite.transforms.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Accepts a list of {@code name:value} entries, e.g. {@code price:2,total:4}, whose values pass a check, and parses
 * it into a map that keeps the configured order.
 */
public final class NamedValueListValidator implements ConfigDef.Validator {
    private final String valueDescription;
    private final Predicate<String> valueCheck;

    public NamedValueListValidator(String valueDescription, Predicate<String> valueCheck) {
        this.valueDescription = valueDescription;
        this.valueCheck = valueCheck;
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (value != null) {
            parse(name, (List<?>) value);
        }
    }

    public Map<String, String> parse(String name, List<?> entries) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (Object entry : entries) {
            String text = String.valueOf(entry);
            int colon = text.lastIndexOf(':');
            String field = colon < 0 ? "" : text.substring(0, colon).trim();
            String fieldValue = colon < 0 ? "" : text.substring(colon + 1).trim();
            if (field.isEmpty() || !valueCheck.test(fieldValue)) {
                throw new ConfigException(name, entries, "entry '" + text + "' is not field:" + valueDescription);
            }
            if (parsed.put(field, fieldValue) != null) {
                throw new ConfigException(name, entries, "field '" + field + "' is listed twice");
            }
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "list of field:" + valueDescription;
    }
}
