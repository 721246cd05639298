package io.cdcsuite.sink.cassandra.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;

import io.cdcsuite.sink.cassandra.cql.CqlNames;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.mapping.FieldPath;

/** The parsed {@code column.mapping} key: entries {@code keyspace.table:column=path}, grouped by table. */
public final class ColumnMappings {
    private final Map<TableId, List<ColumnMapping>> byTable;

    private ColumnMappings(Map<TableId, List<ColumnMapping>> byTable) {
        this.byTable = byTable;
    }

    public static ColumnMappings parse(String key, List<String> entries) {
        Map<TableId, List<ColumnMapping>> byTable = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            int equals = entry.indexOf('=', Math.max(colon, 0));
            if (colon <= 0 || equals < 0 || equals == colon + 1) {
                throw new ConfigException(key, entry, "expected keyspace.table:column=path");
            }
            TableId table = TableEntries.table(key, entry, entry.substring(0, colon).trim());
            String column = entry.substring(colon + 1, equals).trim();
            String pathText = entry.substring(equals + 1).trim();
            FieldPath path;
            try {
                CqlNames.requireColumnName(column);
                path = pathText.isEmpty() ? null : FieldPath.parse(pathText);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(key, entry, e.getMessage());
            }
            List<ColumnMapping> columns = byTable.computeIfAbsent(table, t -> new ArrayList<>());
            if (columns.stream().anyMatch(c -> c.column().equals(column))) {
                throw new ConfigException(key, entry, "column '" + column + "' of " + table + " is mapped twice");
            }
            columns.add(new ColumnMapping(column, path));
        }
        byTable.replaceAll((table, columns) -> List.copyOf(columns));
        return new ColumnMappings(byTable);
    }

    public List<ColumnMapping> forTable(TableId table) {
        return byTable.getOrDefault(table, List.of());
    }

    public Map<TableId, List<ColumnMapping>> all() {
        return byTable;
    }
}
