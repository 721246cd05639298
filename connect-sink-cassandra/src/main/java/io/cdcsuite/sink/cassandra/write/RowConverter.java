package io.cdcsuite.sink.cassandra.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig.NullHandling;
import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig.UnmappedFields;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.mapping.FieldValue;
import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;
import io.cdcsuite.sink.cassandra.mapping.RowChange;

/**
 * Converts a change to a {@link RowWrite} for its table: finds the primary key values (from the key columns,
 * else the row, else a single-value key for a one-column key), converts every value to its column's type,
 * and applies {@code null.handling} and {@code unmapped.fields}.
 */
public final class RowConverter {
    private final NullHandling nullHandling;
    private final UnmappedFields unmappedFields;
    private final ToIntFunction<TableId> tableTtl;

    /** @param tableTtl the TTL of a table's upserts when the record has none of its own */
    public RowConverter(NullHandling nullHandling, UnmappedFields unmappedFields, ToIntFunction<TableId> tableTtl) {
        this.nullHandling = nullHandling;
        this.unmappedFields = unmappedFields;
        this.tableTtl = tableTtl;
    }

    public RowWrite convert(RowChange change, TableLayout table, long timestamp, RecordPosition position) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Object> primaryKey = new ArrayList<>(table.primaryKey().size());
        for (String column : table.primaryKey()) {
            FieldValue field = primaryKeyField(change, table, column);
            Object value = table.column(column).convert(field.value(), field.schema());
            if (value == null) {
                throw new RecordMappingException(column, "primary key column is null");
            }
            values.put(column, value);
            primaryKey.add(value);
        }
        List<Object> partitionKey = primaryKey.subList(0, table.partitionKey().size());
        if (change.kind() == RowChange.Kind.DELETE) {
            return new RowWrite(table, change.kind(), values, primaryKey, partitionKey, timestamp, 0, List.of(position));
        }
        addColumns(change.keyColumns(), table, values);
        addColumns(change.valueColumns(), table, values);
        int ttl = change.ttlSeconds() != null ? change.ttlSeconds() : tableTtl.applyAsInt(table.table());
        return new RowWrite(table, change.kind(), values, primaryKey, partitionKey, timestamp, ttl, List.of(position));
    }

    private void addColumns(Map<String, FieldValue> columns, TableLayout table, Map<String, Object> values) {
        columns.forEach((column, field) -> {
            if (values.containsKey(column)) {
                return;
            }
            TableLayout.Column target = table.column(column);
            if (target == null) {
                // a null needs no column: there is nothing to clear in a column that does not exist
                if (field.value() != null && unmappedFields == UnmappedFields.FAIL) {
                    throw new RecordMappingException(column, table.table() + " has no such column; add it, enable "
                            + "auto.evolve, skip it with column.mapping=" + table.table() + ":" + column
                            + "= or set unmapped.fields=ignore");
                }
                return;
            }
            Object value = target.convert(field.value(), field.schema());
            values.put(column, value == null && nullHandling == NullHandling.UNSET ? RowWrite.UNSET : value);
        });
    }

    private static FieldValue primaryKeyField(RowChange change, TableLayout table, String column) {
        FieldValue field = change.keyColumns().get(column);
        if (field == null) {
            field = change.valueColumns().get(column);
        }
        if (field == null && change.primitiveKey() != null && table.primaryKey().size() == 1) {
            field = change.primitiveKey();
        }
        if (field == null) {
            throw new RecordMappingException(column, "the record has no value for this primary key column of "
                    + table.table() + " (neither in its key nor in its row)");
        }
        return field;
    }
}
