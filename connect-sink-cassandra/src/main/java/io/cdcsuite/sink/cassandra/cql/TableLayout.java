package io.cdcsuite.sink.cassandra.cql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

/** The columns of a Cassandra table as the sink needs them: names, types, and the primary key. */
public final class TableLayout {
    private final TableId table;
    private final Map<String, DataType> columns;
    private final List<String> partitionKey;
    private final List<String> primaryKey;

    public TableLayout(TableId table, Map<String, DataType> columns, List<String> partitionKey,
                       List<String> clusteringColumns) {
        this.table = table;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.partitionKey = List.copyOf(partitionKey);
        List<String> primary = new ArrayList<>(partitionKey);
        primary.addAll(clusteringColumns);
        this.primaryKey = List.copyOf(primary);
        for (String column : primaryKey) {
            if (!columns.containsKey(column)) {
                throw new IllegalArgumentException("primary key column '" + column + "' is not a column of " + table);
            }
        }
    }

    public static TableLayout of(TableId table, TableMetadata metadata) {
        Map<String, DataType> columns = new LinkedHashMap<>();
        metadata.getColumns().forEach((name, column) -> columns.put(name.asInternal(), column.getType()));
        List<String> partitionKey = metadata.getPartitionKey().stream()
                .map(column -> column.getName().asInternal()).toList();
        List<String> clustering = metadata.getClusteringColumns().keySet().stream()
                .map(ColumnMetadata::getName).map(name -> name.asInternal()).toList();
        return new TableLayout(table, columns, partitionKey, clustering);
    }

    public TableId table() {
        return table;
    }

    public Map<String, DataType> columns() {
        return columns;
    }

    /** The column's type, or null when the table has no such column. */
    public DataType type(String column) {
        return columns.get(column);
    }

    public List<String> partitionKey() {
        return partitionKey;
    }

    /** Partition key columns followed by clustering columns. */
    public List<String> primaryKey() {
        return primaryKey;
    }

    public boolean isCounterTable() {
        return columns.values().stream().anyMatch(DataTypes.COUNTER::equals);
    }
}
