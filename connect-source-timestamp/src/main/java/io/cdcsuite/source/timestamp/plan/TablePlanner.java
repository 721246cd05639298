package io.cdcsuite.source.timestamp.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.catalog.ColumnDefinition;
import io.cdcsuite.source.timestamp.catalog.TableDefinition;
import io.cdcsuite.source.timestamp.config.ConfigProblem;
import io.cdcsuite.source.timestamp.config.TableColumnsOverride;
import io.cdcsuite.source.timestamp.schema.ColumnMapping;
import io.cdcsuite.source.timestamp.schema.DebeziumTypeMapper;
import io.cdcsuite.source.timestamp.schema.TableSchemas;
import io.cdcsuite.source.timestamp.schema.TypeMappingOptions;
import io.cdcsuite.source.timestamp.schema.UnsupportedColumnTypeException;

/**
 * Turns a table definition and the configuration into a {@link TablePlan}, or into the reasons the table cannot be
 * captured: no usable key, no usable timestamp column, unsupported column types.
 */
public final class TablePlanner {
    private static final Set<String> TEMPORAL_TYPES = Set.of("timestamp", "datetime");
    /** Key types whose MySQL comparison matches their sort order and that survive the offset store. */
    private static final Set<String> KEY_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer",
            "bigint", "decimal", "numeric", "char", "varchar", "binary", "varbinary", "date", "time", "datetime",
            "timestamp", "year");

    /** The configuration a plan depends on. */
    public record Settings(
            String topicPrefix,
            List<String> timestampColumns,
            TableColumnsOverride timestampOverride,
            boolean nullableTimestampAllowed,
            TableColumnsOverride keyOverride,
            Optional<String> softDeleteColumn,
            String softDeleteValue,
            Optional<String> createdColumn,
            TypeMappingOptions typeMapping) {

        public static Settings from(TimestampSourceConfig config) {
            return new Settings(config.topicPrefix(), config.timestampColumns(), config.timestampColumnsOverride(),
                    config.timestampNullableAllowed(), config.keyColumnsOverride(), config.softDeleteColumn(),
                    config.softDeleteValue(), config.createdColumn(),
                    new TypeMappingOptions(config.decimalHandlingMode(), config.timePrecisionMode(),
                            config.bigIntUnsignedHandlingMode(), config.binaryHandlingMode()));
        }
    }

    private final Settings settings;
    private final DebeziumTypeMapper typeMapper;

    public TablePlanner(Settings settings) {
        this.settings = settings;
        this.typeMapper = new DebeziumTypeMapper(settings.typeMapping());
    }

    public PlanResult plan(TableDefinition table) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<ColumnDefinition> visible = table.columns().stream().filter(c -> !c.invisible()).toList();
        List<ColumnMapping> mappings = new ArrayList<>();
        for (ColumnDefinition column : visible) {
            try {
                mappings.add(typeMapper.map(column));
            } catch (UnsupportedColumnTypeException e) {
                problems.add(new ConfigProblem(TimestampSourceConfig.TABLE_EXCLUDE_LIST,
                        "table " + table.id() + ": " + e.getMessage() + "; exclude the table"));
            }
        }
        TimestampSpec timestamp = timestampSpec(table, problems);
        List<Integer> keyIndexes = keyIndexes(table, visible, problems);
        Optional<Integer> createdIndex = createdIndex(table, visible, problems);
        if (!problems.isEmpty()) {
            return PlanResult.refused(problems);
        }
        Optional<SoftDelete> softDelete = settings.softDeleteColumn()
                .flatMap(table::column)
                .map(c -> new SoftDelete(c.name(), settings.softDeleteValue(),
                        settings.softDeleteValue().trim().equalsIgnoreCase(TimestampSourceConfig.SOFT_DELETE_WHEN_NOT_NULL)));
        List<String> warnings = new ArrayList<>();
        List<String> order = new ArrayList<>(timestamp.columns());
        keyIndexes.forEach(i -> order.add(visible.get(i).name()));
        boolean keysetIndex = timestamp.columns().size() == 1 && table.hasIndexStartingWith(order);
        if (!keysetIndex) {
            warnings.add("table " + table.id() + " has no index starting with (" + String.join(", ", order)
                    + "): every change query scans and sorts the table; add INDEX (" + String.join(", ", order) + ")"
                    + (timestamp.columns().size() > 1 ? " on a single timestamp column (COALESCE cannot use one)" : ""));
        }
        List<ColumnMapping> keyColumns = keyIndexes.stream().map(mappings::get).toList();
        TableSchemas schemas = TableSchemas.of(settings.topicPrefix(), table.id(), mappings, keyColumns);
        return PlanResult.of(new TablePlan(table.id(), mappings, keyIndexes, timestamp, softDelete, createdIndex,
                keysetIndex, table.estimatedRows(), schemas), warnings);
    }

    private TimestampSpec timestampSpec(TableDefinition table, List<ConfigProblem> problems) {
        Optional<List<String>> override = settings.timestampOverride().forTable(table.id());
        String key = override.isPresent() ? TimestampSourceConfig.TIMESTAMP_COLUMNS_OVERRIDE
                : TimestampSourceConfig.TIMESTAMP_COLUMN_NAME;
        List<String> names = override.orElse(settings.timestampColumns());
        List<ColumnDefinition> columns = new ArrayList<>();
        for (String name : names) {
            Optional<ColumnDefinition> column = table.column(name).filter(c -> !c.invisible());
            if (column.isEmpty()) {
                problems.add(new ConfigProblem(key, "table " + table.id() + " has no column `" + name
                        + "`; name its change-time column in " + TimestampSourceConfig.TIMESTAMP_COLUMNS_OVERRIDE
                        + " (" + table.id() + ":<column>) or exclude the table"));
            } else if (!TEMPORAL_TYPES.contains(column.get().dataType())) {
                problems.add(new ConfigProblem(key, "table " + table.id() + ": timestamp column `" + name
                        + "` has type " + column.get().columnType() + ", not TIMESTAMP or DATETIME"));
            } else {
                columns.add(column.get());
            }
        }
        if (columns.size() != names.size()) {
            return null;
        }
        boolean utc = columns.get(0).dataType().equals("timestamp");
        if (columns.stream().anyMatch(c -> c.dataType().equals("timestamp") != utc)) {
            problems.add(new ConfigProblem(key, "table " + table.id() + ": timestamp columns " + names
                    + " mix TIMESTAMP and DATETIME"));
        }
        if (columns.stream().allMatch(ColumnDefinition::nullable) && !settings.nullableTimestampAllowed()) {
            problems.add(new ConfigProblem(key, "table " + table.id() + ": timestamp column(s) " + names
                    + " can be NULL, and rows are not captured while it is NULL; declare the column NOT NULL, add a "
                    + "NOT NULL fallback column, or set " + TimestampSourceConfig.TIMESTAMP_NULLABLE_ALLOWED + "=true"));
        }
        int coarsest = columns.stream().mapToInt(ColumnDefinition::fractionalDigits).min().orElse(0);
        return new TimestampSpec(columns.stream().map(ColumnDefinition::name).toList(), utc, coarsest);
    }

    private List<Integer> keyIndexes(TableDefinition table, List<ColumnDefinition> visible, List<ConfigProblem> problems) {
        Optional<List<String>> override = settings.keyOverride().forTable(table.id());
        List<String> names = override.orElse(table.primaryKey());
        String key = TimestampSourceConfig.KEY_COLUMNS_OVERRIDE;
        if (names.isEmpty()) {
            problems.add(new ConfigProblem(key, "table " + table.id() + " has no primary key; name NOT NULL, unique "
                    + "columns in " + key + " (" + table.id() + ":<column>[|<column>...]) or exclude the table"));
            return List.of();
        }
        List<Integer> indexes = new ArrayList<>();
        for (String name : names) {
            int index = indexOf(visible, name);
            if (index < 0) {
                problems.add(new ConfigProblem(key, "table " + table.id() + " has no column `" + name + "` for the key"));
                continue;
            }
            ColumnDefinition column = visible.get(index);
            if (column.nullable()) {
                problems.add(new ConfigProblem(key, "table " + table.id() + ": key column `" + name + "` can be NULL"));
            }
            if (!KEY_TYPES.contains(column.dataType())) {
                problems.add(new ConfigProblem(key, "table " + table.id() + ": key column `" + name + "` has type "
                        + column.columnType() + ", which cannot order a resume position (use integer, decimal, "
                        + "character, binary or temporal columns)"));
            }
            indexes.add(index);
        }
        return indexes;
    }

    private Optional<Integer> createdIndex(TableDefinition table, List<ColumnDefinition> visible,
            List<ConfigProblem> problems) {
        if (settings.createdColumn().isEmpty()) {
            return Optional.empty();
        }
        int index = indexOf(visible, settings.createdColumn().get());
        if (index < 0) {
            return Optional.empty();
        }
        if (!TEMPORAL_TYPES.contains(visible.get(index).dataType())) {
            problems.add(new ConfigProblem(TimestampSourceConfig.CREATED_COLUMN, "table " + table.id()
                    + ": creation-time column `" + visible.get(index).name() + "` has type "
                    + visible.get(index).columnType() + ", not TIMESTAMP or DATETIME"));
        }
        return Optional.of(index);
    }

    private static int indexOf(List<ColumnDefinition> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
