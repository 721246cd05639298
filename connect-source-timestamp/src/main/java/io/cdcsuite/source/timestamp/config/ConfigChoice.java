package io.cdcsuite.source.timestamp.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An enum constant that is a config value: {@link #value()}, by default the constant's name in lower case, is
 * what users write (matched case-insensitively).
 */
public interface ConfigChoice {
    String name();

    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & ConfigChoice> Optional<E> find(Class<E> type, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.value().equals(wanted)).findFirst();
    }

    static <E extends Enum<E> & ConfigChoice> E parse(Class<E> type, String value) {
        return find(type, value).orElseThrow(() -> new IllegalArgumentException(
                "'" + value + "' is not one of " + EnumChoice.of(type)));
    }
}
