package io.cdcsuite.sink.cassandra.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.ConfigException;

import io.cdcsuite.sink.cassandra.cql.CqlNames;

/**
 * The replication map used by {@code auto.create} for new keyspaces, given as {@code name=value} entries
 * (e.g. {@code class=NetworkTopologyStrategy,dc1=3}) and rendered as a CQL map literal. Names and values are
 * restricted to the characters replication settings use, so the rendered literal cannot carry other CQL.
 */
public record ReplicationSettings(Map<String, String> options) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]+");

    public static ReplicationSettings parse(String key, List<String> entries) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String entry : entries) {
            String[] parts = TableEntries.split(key, entry, '=');
            if (!NAME.matcher(parts[0]).matches() || !NAME.matcher(parts[1]).matches()) {
                throw new ConfigException(key, entry, "names and values may contain only letters, digits, '_', '.' and '-'");
            }
            if (options.put(parts[0], parts[1]) != null) {
                throw new ConfigException(key, entry, "'" + parts[0] + "' is given twice");
            }
        }
        if (!options.containsKey("class")) {
            throw new ConfigException(key, String.join(",", entries), "the replication 'class' is required, e.g. "
                    + "class=SimpleStrategy,replication_factor=1 or class=NetworkTopologyStrategy,dc1=3");
        }
        return new ReplicationSettings(Map.copyOf(options));
    }

    /** {@code {'class': 'SimpleStrategy', 'replication_factor': '1'}}, class first, the rest by name. */
    public String cqlLiteral() {
        return options.entrySet().stream()
                .sorted((a, b) -> a.getKey().equals("class") ? -1 : b.getKey().equals("class") ? 1
                        : a.getKey().compareTo(b.getKey()))
                .map(e -> CqlNames.literal(e.getKey()) + ": " + CqlNames.literal(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
