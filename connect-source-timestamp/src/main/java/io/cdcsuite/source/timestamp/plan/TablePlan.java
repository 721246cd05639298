package io.cdcsuite.source.timestamp.plan;

import java.util.List;
import java.util.Optional;

import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.schema.ColumnMapping;
import io.cdcsuite.source.timestamp.schema.TableSchemas;

/**
 * Everything the connector needs to capture one table, checked against its definition: the columns in
 * {@code SELECT *} order with their mappings, the key, the change-time expression, the optional soft-delete and
 * creation-time columns, whether an index serves the keyset order, and the topic and schemas.
 *
 * @param keyIndexes positions of the key columns in {@code columns}, in key order
 * @param createdIndex position of the creation-time column in {@code columns}, if the table has one
 */
public record TablePlan(
        TableId id,
        List<ColumnMapping> columns,
        List<Integer> keyIndexes,
        TimestampSpec timestamp,
        Optional<SoftDelete> softDelete,
        Optional<Integer> createdIndex,
        boolean keysetIndex,
        long estimatedRows,
        TableSchemas schemas) {

    public TablePlan {
        columns = List.copyOf(columns);
        keyIndexes = List.copyOf(keyIndexes);
    }

    public List<ColumnMapping> keyColumns() {
        return keyIndexes.stream().map(columns::get).toList();
    }

    public List<String> keyColumnNames() {
        return keyColumns().stream().map(ColumnMapping::name).toList();
    }

    public Optional<ColumnMapping> createdColumn() {
        return createdIndex.map(columns::get);
    }
}
