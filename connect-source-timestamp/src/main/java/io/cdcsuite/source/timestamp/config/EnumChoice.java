package io.cdcsuite.source.timestamp.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Validator and recommender for a key whose value is one of an enum's {@link ConfigChoice#value()}s. */
public final class EnumChoice<E extends Enum<E> & ConfigChoice> implements ConfigDef.Validator, ConfigDef.Recommender {
    private final Class<E> type;

    private EnumChoice(Class<E> type) {
        this.type = type;
    }

    public static <E extends Enum<E> & ConfigChoice> EnumChoice<E> of(Class<E> type) {
        return new EnumChoice<>(type);
    }

    @Override
    public void ensureValid(String name, Object value) {
        if (ConfigChoice.find(type, (String) value).isEmpty()) {
            throw new ConfigException(name, value, "must be one of " + this);
        }
    }

    @Override
    public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
        return Arrays.stream(type.getEnumConstants()).map(c -> (Object) c.value()).toList();
    }

    @Override
    public boolean visible(String name, Map<String, Object> parsedConfig) {
        return true;
    }

    @Override
    public String toString() {
        return Arrays.stream(type.getEnumConstants()).map(ConfigChoice::value).toList().toString();
    }
}
