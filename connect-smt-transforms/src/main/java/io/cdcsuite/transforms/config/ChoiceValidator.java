package io.cdcsuite.transforms.config;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Accepts one of a fixed list of values, ignoring case; documents them in their order and spelling. */
public final class ChoiceValidator implements ConfigDef.Validator {
    private final List<String> choices;

    private ChoiceValidator(List<String> choices) {
        this.choices = choices;
    }

    public static ChoiceValidator of(String... choices) {
        return new ChoiceValidator(List.of(choices));
    }

    @Override
    public void ensureValid(String name, Object value) {
        String text = value == null ? null : value.toString().trim();
        if (text == null || choices.stream().noneMatch(choice -> choice.equalsIgnoreCase(text))) {
            throw new ConfigException(name, value, "must be one of " + String.join(", ", choices));
        }
    }

    @Override
    public String toString() {
        return String.join(", ", choices);
    }
}
