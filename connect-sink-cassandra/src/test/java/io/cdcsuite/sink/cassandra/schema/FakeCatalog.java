package io.cdcsuite.sink.cassandra.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;

/**
 * An in-memory Cassandra schema for tests. It understands the DDL the sink generates for primitive column
 * types (CREATE KEYSPACE, CREATE TABLE with a partition key, ALTER TABLE ADD) and records every statement.
 */
public final class FakeCatalog implements CassandraCatalog {
    private static final Pattern CREATE_KEYSPACE = Pattern.compile("CREATE KEYSPACE IF NOT EXISTS \"(\\w+)\" .*");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS \"(\\w+)\"\\.\"(\\w+)\" \\((.*), PRIMARY KEY \\(\\((.*)\\)\\)\\)");
    private static final Pattern ADD_COLUMN = Pattern.compile("ALTER TABLE \"(\\w+)\"\\.\"(\\w+)\" ADD \"(.*)\" (\\w+)");
    private static final Pattern COLUMN = Pattern.compile("\"((?:[^\"]|\"\")*)\" (\\w+)");
    private static final Map<String, DataType> TYPES = Map.ofEntries(
            Map.entry("int", DataTypes.INT), Map.entry("bigint", DataTypes.BIGINT), Map.entry("text", DataTypes.TEXT),
            Map.entry("decimal", DataTypes.DECIMAL), Map.entry("timestamp", DataTypes.TIMESTAMP),
            Map.entry("boolean", DataTypes.BOOLEAN), Map.entry("date", DataTypes.DATE), Map.entry("blob", DataTypes.BLOB),
            Map.entry("double", DataTypes.DOUBLE), Map.entry("varint", DataTypes.VARINT));

    private final Map<TableId, TableLayout> tables = new HashMap<>();
    private final Set<String> keyspaces = new HashSet<>();
    public final List<String> executed = new ArrayList<>();
    /** Column names ALTER TABLE refuses, as Cassandra does for a dropped column re-added with another type. */
    public final Set<String> refusedColumns = new HashSet<>();

    public FakeCatalog with(TableLayout table) {
        keyspaces.add(table.table().keyspace());
        tables.put(table.table(), table);
        return this;
    }

    @Override
    public Optional<TableLayout> table(TableId table) {
        return Optional.ofNullable(tables.get(table));
    }

    @Override
    public boolean keyspaceExists(String keyspace) {
        return keyspaces.contains(keyspace);
    }

    @Override
    public void awaitQueryable(TableId table) {
        // schema changes apply at once here
    }

    @Override
    public void execute(String ddl) {
        executed.add(ddl);
        Matcher matcher;
        if ((matcher = CREATE_KEYSPACE.matcher(ddl)).matches()) {
            keyspaces.add(matcher.group(1));
        } else if ((matcher = CREATE_TABLE.matcher(ddl)).matches()) {
            TableId id = new TableId(matcher.group(1), matcher.group(2));
            Map<String, DataType> columns = columns(matcher.group(3));
            List<String> key = new ArrayList<>();
            Matcher keyColumn = Pattern.compile("\"((?:[^\"]|\"\")*)\"").matcher(matcher.group(4));
            while (keyColumn.find()) {
                key.add(keyColumn.group(1).replace("\"\"", "\""));
            }
            tables.putIfAbsent(id, new TableLayout(id, columns, key, List.of()));
        } else if ((matcher = ADD_COLUMN.matcher(ddl)).matches()) {
            TableId id = new TableId(matcher.group(1), matcher.group(2));
            if (refusedColumns.contains(matcher.group(3))) {
                throw new InvalidQueryException(null, "Cannot re-add previously dropped column '" + matcher.group(3) + "'");
            }
            TableLayout table = tables.get(id);
            Map<String, DataType> columns = new LinkedHashMap<>(table.columns());
            columns.put(matcher.group(3), TYPES.get(matcher.group(4)));
            List<String> clustering = table.primaryKey().subList(table.partitionKey().size(), table.primaryKey().size());
            tables.put(id, new TableLayout(id, columns, table.partitionKey(), clustering));
        } else {
            throw new IllegalArgumentException("FakeCatalog does not understand: " + ddl);
        }
    }

    private static Map<String, DataType> columns(String definitions) {
        Map<String, DataType> columns = new LinkedHashMap<>();
        Matcher matcher = COLUMN.matcher(definitions);
        while (matcher.find()) {
            DataType type = TYPES.get(matcher.group(2));
            if (type == null) {
                throw new IllegalArgumentException("FakeCatalog has no type " + matcher.group(2));
            }
            columns.put(matcher.group(1).replace("\"\"", "\""), type);
        }
        return columns;
    }
}
