package io.cdcsuite.sink.cassandra.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import io.cdcsuite.sink.cassandra.mapping.TableNameTemplate;

/** Checks that {@code table.name.format} yields {@code keyspace.table} with known placeholders. */
final class TableNameTemplateValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        try {
            TableNameTemplate.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "keyspace.table, with placeholders ${topic}, ${db}, ${table}";
    }
}
