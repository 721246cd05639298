package io.cdcsuite.sink.cassandra.config;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;

/**
 * Validates a list-valued key by parsing it with the same parser the connector uses, so that the error of a
 * bad entry names the key and the entry both in {@code /validate} and at start.
 */
final class ListEntriesValidator implements ConfigDef.Validator {
    interface Parser {
        void parse(String key, List<String> entries);
    }

    private final String format;
    private final Parser parser;

    ListEntriesValidator(String format, Parser parser) {
        this.format = format;
        this.parser = parser;
    }

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> entries = value == null ? List.of() : (List<String>) value;
        parser.parse(name, entries);
    }

    @Override
    public String toString() {
        return format;
    }
}
