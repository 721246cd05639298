package io.cdcsuite.source.timestamp.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cdcsuite.source.timestamp.catalog.Identifiers;
import io.cdcsuite.source.timestamp.catalog.TableId;

/**
 * Per-table column lists from a list-valued key such as {@code timestamp.columns.override}: entries
 * {@code <db>.<table>:<column>[|<column>...]}, e.g. {@code shop.orders:updated_at|created_at}.
 */
public final class TableColumnsOverride {
    private final Map<TableId, List<String>> columns;

    private TableColumnsOverride(Map<TableId, List<String>> columns) {
        this.columns = columns;
    }

    /** Parses the entries; {@link IllegalArgumentException} says which entry is wrong and why. */
    public static TableColumnsOverride parse(List<String> entries) {
        Map<TableId, List<String>> columns = new LinkedHashMap<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("entry '" + entry + "' is not of the form <db>.<table>:<column>[|<column>...]");
            }
            TableId table;
            try {
                table = TableId.parse(entry.substring(0, colon).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry '" + entry + "': " + e.getMessage());
            }
            List<String> names = new ArrayList<>();
            for (String column : Arrays.asList(entry.substring(colon + 1).split("\\|"))) {
                try {
                    names.add(Identifiers.validate(column.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("entry '" + entry + "': " + e.getMessage());
                }
            }
            if (columns.put(table, List.copyOf(names)) != null) {
                throw new IllegalArgumentException("table " + table + " is listed more than once");
            }
        }
        return new TableColumnsOverride(columns);
    }

    public Optional<List<String>> forTable(TableId table) {
        return Optional.ofNullable(columns.get(table));
    }

    public Set<TableId> tables() {
        return columns.keySet();
    }
}
