package io.cdcsuite.sink.cassandra.cql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;

import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

/** The columns of a Cassandra table as the sink needs them: names, types, and the primary key. */
public final class TableLayout {
    private final TableId table;
    private final Map<String, DataType> columns;
    private final Map<String, Column> byName;
    private final List<String> partitionKey;
    private final List<String> primaryKey;

    public TableLayout(TableId table, Map<String, DataType> columns, List<String> partitionKey,
                       List<String> clusteringColumns) {
        this.table = table;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        Map<String, Column> byName = new HashMap<>();
        columns.forEach((name, type) -> byName.put(name, new Column(name, type)));
        this.byName = byName;
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

    /** The column, or null when the table has no such column. */
    public Column column(String name) {
        return byName.get(name);
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

    /** A column, converting values to its type by the conversion of the schema it saw last. */
    public static final class Column {
        private final String name;
        private final DataType type;
        /** Replaced whenever values of another schema arrive; a conversion is immutable, so sharing needs no lock. */
        private volatile CqlValueConverter.Conversion last;

        private Column(String name, DataType type) {
            this.name = name;
            this.type = type;
        }

        public DataType type() {
            return type;
        }

        /** The value for this column (see {@link CqlValueConverter#convert}); null stays null. */
        public Object convert(Object value, Schema schema) {
            if (value == null) {
                return null;
            }
            CqlValueConverter.Conversion conversion = last;
            // schemas are compared by identity: converters hand out one instance per schema they read
            if (conversion == null || conversion.schema() != schema) {
                conversion = CqlValueConverter.conversion(schema, type);
                last = conversion;
            }
            return conversion.apply(value, name);
        }
    }
}
