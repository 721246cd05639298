package io.cdcsuite.sink.cassandra.config;

import java.util.List;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import io.cdcsuite.sink.cassandra.aggregate.AggregateDefinition;
import io.cdcsuite.sink.cassandra.aggregate.AggregateParser;
import io.cdcsuite.sink.cassandra.aggregate.AggregateSyntaxException;

/** Parses the aggregate statements, so a syntax error is reported on the key by /validate and at start. */
final class AggregatesValidator implements ConfigDef.Validator {
    static List<AggregateDefinition> parse(String key, String text) {
        try {
            return AggregateParser.parse(text);
        } catch (AggregateSyntaxException e) {
            throw new ConfigException(key, abbreviate(text), e.getMessage());
        }
    }

    @Override
    public void ensureValid(String name, Object value) {
        parse(name, (String) value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    @Override
    public String toString() {
        return "CREATE AGGREGATE keyspace.table AS SELECT ... FROM db.table ... ; ...";
    }
}
