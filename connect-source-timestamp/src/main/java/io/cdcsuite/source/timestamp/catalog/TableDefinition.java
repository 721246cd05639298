package io.cdcsuite.source.timestamp.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table as the catalog describes it: visible columns in ordinal order, primary key columns in key order, every
 * index as its ordered column list, and InnoDB's row estimate.
 */
public record TableDefinition(
        TableId id,
        List<ColumnDefinition> columns,
        List<String> primaryKey,
        List<List<String>> indexes,
        long estimatedRows) {

    public TableDefinition {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = indexes.stream().map(List::copyOf).toList();
    }

    public Optional<ColumnDefinition> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * True when some index can serve {@code ORDER BY leading...} with range conditions on it. InnoDB appends the
     * primary key to every secondary index, so an index on the timestamp column alone also serves
     * {@code (timestamp, pk...)}.
     */
    public boolean hasIndexStartingWith(List<String> leading) {
        for (List<String> index : indexes) {
            List<String> effective = new ArrayList<>(index);
            for (String pk : primaryKey) {
                if (effective.stream().noneMatch(pk::equalsIgnoreCase)) {
                    effective.add(pk);
                }
            }
            if (startsWith(effective, leading)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(List<String> columns, List<String> prefix) {
        if (columns.size() < prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!columns.get(i).equalsIgnoreCase(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }
}
