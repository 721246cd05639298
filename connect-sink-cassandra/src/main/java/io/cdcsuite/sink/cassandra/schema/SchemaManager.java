package io.cdcsuite.sink.cassandra.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.type.DataType;

import io.cdcsuite.sink.cassandra.config.ReplicationSettings;
import io.cdcsuite.sink.cassandra.cql.CqlStatements;
import io.cdcsuite.sink.cassandra.cql.CqlTypeMapper;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.mapping.FieldValue;
import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;
import io.cdcsuite.sink.cassandra.mapping.RowChange;

/**
 * Knows the layout of every table the task writes, and with {@code auto.create} / {@code auto.evolve} makes
 * the schema fit the records: creates missing keyspaces and tables (primary key = the record key's fields,
 * all in the partition key) and adds missing columns. Types come from {@link CqlTypeMapper}. Columns are
 * never dropped or retyped.
 *
 * <p>{@link #prepare} does all schema I/O for a batch before any of its records is accepted, so a transient
 * failure there can make the framework redeliver the batch; {@link #layout} then answers for that batch.
 */
public final class SchemaManager {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaManager.class);

    private final CassandraCatalog catalog;
    private final boolean autoCreate;
    private final boolean autoEvolve;
    private final ReplicationSettings replication;
    private final Map<TableId, TableLayout> layouts = new HashMap<>();
    private final Map<TableId, String> unusable = new HashMap<>();
    /** Columns Cassandra refused to add: not tried again for every batch. */
    private final Set<String> refusedColumns = new HashSet<>();

    public SchemaManager(CassandraCatalog catalog, boolean autoCreate, boolean autoEvolve, ReplicationSettings replication) {
        this.catalog = catalog;
        this.autoCreate = autoCreate;
        this.autoEvolve = autoEvolve;
        this.replication = replication;
    }

    /**
     * Makes sure every table the changes need exists and, with auto.evolve, has their columns. Driver
     * exceptions (Cassandra unavailable) propagate; a table that cannot be used is remembered and reported
     * by {@link #layout} for each of its records.
     */
    public void prepare(List<RowChange> changes) {
        unusable.clear();
        layouts.clear();
        Map<TableId, List<RowChange>> byTable = new LinkedHashMap<>();
        changes.forEach(change -> byTable.computeIfAbsent(change.table(), t -> new ArrayList<>()).add(change));
        byTable.forEach((table, tableChanges) -> {
            // read every batch: the driver keeps its schema metadata current, so columns or tables someone
            // added (or dropped) are seen at once
            TableLayout layout = catalog.table(table).orElse(null);
            if (layout == null) {
                if (!autoCreate) {
                    unusable.put(table, "table " + table + " does not exist; create it or set auto.create=true");
                    return;
                }
                layout = create(table, tableChanges);
                if (layout == null) {
                    return;
                }
            }
            if (layout.isCounterTable()) {
                unusable.put(table, "table " + table + " has counter columns, which the sink does not write");
                return;
            }
            if (autoEvolve) {
                layout = evolve(layout, tableChanges);
            }
            layouts.put(table, layout);
        });
    }

    /** The layout of a prepared table; throws when the table cannot be used. */
    public TableLayout layout(TableId table) {
        String problem = unusable.get(table);
        if (problem != null) {
            throw new RecordMappingException(problem);
        }
        TableLayout layout = layouts.get(table);
        if (layout == null) {
            throw new IllegalStateException("table " + table + " was not prepared");
        }
        return layout;
    }

    private TableLayout create(TableId table, List<RowChange> changes) {
        RowChange keyed = changes.stream().filter(c -> !c.keyColumns().isEmpty()).findFirst().orElse(null);
        if (keyed == null) {
            unusable.put(table, "cannot create " + table + ": the records have no key fields to make its primary "
                    + "key of (a missing or single-value key); create the table, or map key columns with "
                    + "column.mapping=" + table + ":<column>=key");
            return null;
        }
        Map<String, DataType> columns = new LinkedHashMap<>();
        for (Map.Entry<String, FieldValue> key : keyed.keyColumns().entrySet()) {
            DataType type = typeOf(key.getValue());
            if (type == null) {
                unusable.put(table, "cannot create " + table + ": key column '" + key.getKey() + "' is null and "
                        + "has no schema to take its type from");
                return null;
            }
            columns.put(key.getKey(), CqlTypeMapper.frozen(type));
        }
        List<String> primaryKey = List.copyOf(columns.keySet());
        columns.putAll(valueColumnTypes(changes, columns));
        if (!catalog.keyspaceExists(table.keyspace())) {
            String ddl = CqlStatements.createKeyspace(table.keyspace(), replication.cqlLiteral());
            LOG.info("Creating keyspace: {}", ddl);
            catalog.execute(ddl);
        }
        String ddl = CqlStatements.createTable(table, columns, primaryKey);
        LOG.info("Creating table: {}", ddl);
        try {
            catalog.execute(ddl);
        } catch (InvalidQueryException e) {
            unusable.put(table, "cannot create " + table + ": " + e.getMessage());
            return null;
        }
        catalog.awaitQueryable(table);
        TableLayout created = catalog.table(table).orElse(null);
        if (created == null) {
            unusable.put(table, "table " + table + " is not in the schema metadata after CREATE TABLE "
                    + "(is schema metadata disabled in the driver settings?)");
        }
        return created;
    }

    private TableLayout evolve(TableLayout layout, List<RowChange> changes) {
        Map<String, DataType> missing = valueColumnTypes(changes, layout.columns());
        missing.keySet().removeIf(column -> refusedColumns.contains(layout.table() + "." + column));
        if (missing.isEmpty()) {
            return layout;
        }
        for (Map.Entry<String, DataType> column : missing.entrySet()) {
            String ddl = CqlStatements.addColumn(layout.table(), column.getKey(), column.getValue());
            LOG.info("Adding column: {}", ddl);
            try {
                catalog.execute(ddl);
            } catch (InvalidQueryException e) {
                // another task may have added it first: the metadata read below tells
                LOG.warn("Adding column '{}' to {} failed: {}", column.getKey(), layout.table(), e.getMessage());
            }
        }
        TableLayout evolved = catalog.table(layout.table()).orElse(layout);
        // a column still missing fails the records that write it (unmapped.fields), without asking again
        missing.keySet().stream().filter(column -> evolved.type(column) == null)
                .forEach(column -> refusedColumns.add(layout.table() + "." + column));
        return evolved;
    }

    /** Types of the upserts' columns that are not in {@code existing}, in first-seen order. */
    private static Map<String, DataType> valueColumnTypes(List<RowChange> changes, Map<String, DataType> existing) {
        Map<String, DataType> types = new LinkedHashMap<>();
        for (RowChange change : changes) {
            if (change.kind() != RowChange.Kind.UPSERT) {
                continue;
            }
            for (Map<String, FieldValue> columns : List.of(change.keyColumns(), change.valueColumns())) {
                columns.forEach((column, value) -> {
                    if (!existing.containsKey(column) && !types.containsKey(column)) {
                        DataType type = typeOf(value);
                        if (type != null) {
                            types.put(column, type);
                        }
                    }
                });
            }
        }
        return types;
    }

    private static DataType typeOf(FieldValue value) {
        return value.schema() != null ? CqlTypeMapper.typeFor(value.schema()) : CqlTypeMapper.inferType(value.value());
    }
}
