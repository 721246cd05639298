package io.cdcsuite.source.timestamp.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads table definitions from {@code information_schema}, which shows a user only the tables it has privileges
 * on. Type names come back in lower case.
 */
public final class MySqlCatalog {
    private static final String TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES "
            + "WHERE TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_SCHEMA, TABLE_NAME";
    private static final String COLUMNS = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, "
            + "COLUMN_DEFAULT, EXTRA, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION "
            + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION";
    private static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS "
            + "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";

    private final Connection connection;

    public MySqlCatalog(Connection connection) {
        this.connection = connection;
    }

    /** Every base table visible to the user, with InnoDB's row estimate. */
    public Map<TableId, Long> tables() throws SQLException {
        Map<TableId, Long> tables = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String database = rs.getString(1);
                String table = rs.getString(2);
                if (Identifiers.isValid(database) && Identifiers.isValid(table)) {
                    tables.put(new TableId(database, table), rs.getLong(3));
                }
            }
        }
        return tables;
    }

    public Optional<TableDefinition> describe(TableId table) throws SQLException {
        return Optional.ofNullable(describe(List.of(table)).get(table));
    }

    /** The definitions of the given tables that exist, in the order given. */
    public Map<TableId, TableDefinition> describe(Collection<TableId> wanted) throws SQLException {
        Map<TableId, Long> rowEstimates = tables();
        Set<String> databases = new TreeSet<>();
        wanted.forEach(t -> databases.add(t.database()));
        Map<TableId, List<ColumnDefinition>> columns = new LinkedHashMap<>();
        Map<TableId, Map<String, List<String>>> indexes = new LinkedHashMap<>();
        for (String database : databases) {
            readColumns(database, columns);
            readIndexes(database, indexes);
        }
        Map<TableId, TableDefinition> definitions = new LinkedHashMap<>();
        for (TableId table : wanted) {
            List<ColumnDefinition> tableColumns = columns.get(table);
            if (tableColumns == null || !rowEstimates.containsKey(table)) {
                continue;
            }
            Map<String, List<String>> tableIndexes = indexes.getOrDefault(table, Map.of());
            definitions.put(table, new TableDefinition(table, tableColumns,
                    tableIndexes.getOrDefault("PRIMARY", List.of()), List.copyOf(tableIndexes.values()),
                    rowEstimates.get(table)));
        }
        return definitions;
    }

    /** True when the user may SELECT from the table. */
    public boolean canSelect(TableId table) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + table.quoted() + " LIMIT 0")) {
            statement.executeQuery().close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** True when MySQL knows the zone ({@code CONVERT_TZ} returns non-NULL); empty means the global time zone. */
    public boolean knowsTimeZone(Optional<String> zone) throws SQLException {
        String sql = "SELECT CONVERT_TZ(UTC_TIMESTAMP(), '+00:00', " + (zone.isPresent() ? "?" : "@@global.time_zone") + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (zone.isPresent()) {
                statement.setString(1, zone.get());
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        }
    }

    private void readColumns(String database, Map<TableId, List<ColumnDefinition>> columns) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!Identifiers.isValid(rs.getString(1))) {
                        continue;
                    }
                    TableId table = new TableId(database, rs.getString(1));
                    columns.computeIfAbsent(table, t -> new ArrayList<>()).add(new ColumnDefinition(
                            rs.getString(2), rs.getString(3), rs.getString(4), "YES".equals(rs.getString(5)),
                            rs.getString(6), rs.getString(7), longOrNull(rs, 8), intOrNull(rs, 9), intOrNull(rs, 10),
                            intOrNull(rs, 11)));
                }
            }
        }
    }

    /** Index columns in order; an index stops at its first functional key part (which has no column). */
    private void readIndexes(String database, Map<TableId, Map<String, List<String>>> indexes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INDEXES)) {
            statement.setString(1, database);
            try (ResultSet rs = statement.executeQuery()) {
                Set<String> truncated = new TreeSet<>();
                while (rs.next()) {
                    if (!Identifiers.isValid(rs.getString(1))) {
                        continue;
                    }
                    TableId table = new TableId(database, rs.getString(1));
                    String index = rs.getString(2);
                    String column = rs.getString(3);
                    String indexId = table + "/" + index;
                    if (column == null) {
                        truncated.add(indexId);
                    } else if (!truncated.contains(indexId)) {
                        indexes.computeIfAbsent(table, t -> new LinkedHashMap<>())
                                .computeIfAbsent(index, i -> new ArrayList<>()).add(column);
                    }
                }
            }
        }
    }

    private static Long longOrNull(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }

    private static Integer intOrNull(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : (int) Math.min(Integer.MAX_VALUE, value);
    }
}
