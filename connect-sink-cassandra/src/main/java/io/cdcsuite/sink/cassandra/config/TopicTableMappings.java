package io.cdcsuite.sink.cassandra.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

import io.cdcsuite.sink.cassandra.cql.TableId;

/** The parsed {@code table.mapping} key: entries {@code topic:keyspace.table}. */
final class TopicTableMappings {
    private TopicTableMappings() {
    }

    static Map<String, TableId> parse(String key, List<String> entries) {
        Map<String, TableId> mappings = new LinkedHashMap<>();
        for (String entry : entries) {
            // topic names cannot contain ':', so the first one separates topic and table
            String[] parts = TableEntries.split(key, entry, ':');
            TableId table = TableEntries.table(key, entry, parts[1]);
            if (mappings.put(parts[0], table) != null) {
                throw new ConfigException(key, entry, "topic '" + parts[0] + "' is mapped twice");
            }
        }
        return Map.copyOf(mappings);
    }
}
