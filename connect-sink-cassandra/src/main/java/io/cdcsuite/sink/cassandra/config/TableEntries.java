package io.cdcsuite.sink.cassandra.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.common.config.ConfigException;

import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * Parses the list-valued per-table keys ({@code table.consistency}, {@code table.ttl}): entries of the form
 * {@code keyspace.table:value}. Errors name the config key and the entry.
 */
final class TableEntries {
    private TableEntries() {
    }

    static <T> Map<TableId, T> parse(String key, List<String> entries, Function<String, T> valueParser) {
        Map<TableId, T> result = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = split(key, entry, ':');
            TableId table = table(key, entry, parts[0]);
            T value;
            try {
                value = valueParser.apply(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, entry, e.getMessage());
            }
            if (result.put(table, value) != null) {
                throw new ConfigException(key, entry, "table " + table + " is listed twice");
            }
        }
        return result;
    }

    /** Splits an entry at the first separator into two trimmed, non-empty parts. */
    static String[] split(String key, String entry, char separator) {
        int at = entry.indexOf(separator);
        if (at <= 0 || at == entry.length() - 1) {
            throw new ConfigException(key, entry, "expected <name>" + separator + "<value>");
        }
        return new String[] {entry.substring(0, at).trim(), entry.substring(at + 1).trim()};
    }

    static TableId table(String key, String entry, String text) {
        try {
            return TableId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, entry, e.getMessage());
        }
    }
}
