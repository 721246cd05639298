package io.cdcsuite.source.timestamp.config;

import java.util.regex.Pattern;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A topic prefix may only hold the characters Kafka allows in topic names, as Debezium's {@code topic.prefix}. */
public final class TopicPrefixValidator implements ConfigDef.Validator {
    private static final Pattern TOPIC_CHARACTERS = Pattern.compile("[a-zA-Z0-9._-]+");

    @Override
    public void ensureValid(String name, Object value) {
        String prefix = (String) value;
        if (prefix == null || !TOPIC_CHARACTERS.matcher(prefix).matches()) {
            throw new ConfigException(name, value, "must be non-empty and contain only ASCII letters, digits, '.', '_' and '-'");
        }
    }

    @Override
    public String toString() {
        return "non-empty string of [a-zA-Z0-9._-]";
    }
}
