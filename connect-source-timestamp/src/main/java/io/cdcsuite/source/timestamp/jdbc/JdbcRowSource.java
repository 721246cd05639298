package io.cdcsuite.source.timestamp.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdcsuite.source.timestamp.capture.DbTime;
import io.cdcsuite.source.timestamp.capture.PageQuery;
import io.cdcsuite.source.timestamp.capture.Row;
import io.cdcsuite.source.timestamp.capture.RowSource;
import io.cdcsuite.source.timestamp.capture.TableChangedException;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.schema.ColumnMapping;

/**
 * Reads pages from MySQL. Results are streamed row by row ({@code fetchSize = Integer.MIN_VALUE}), so the driver
 * never buffers a result; a page holds at most {@code batch.max.rows} rows. Each result's columns are checked
 * against the plan: the first result after planning must carry the plan's column names, later ones the same
 * names, types, precisions and scales as that first one, or a {@link TableChangedException} asks for a new plan.
 */
public final class JdbcRowSource implements RowSource {
    private final JdbcSession session;
    private final Optional<String> datetimeTimeZone;
    private final Map<TablePlan, String> shapes = new IdentityHashMap<>();

    /** @param datetimeTimeZone the zone of DATETIME timestamps; empty for the server's global time zone */
    public JdbcRowSource(JdbcSession session, Optional<String> datetimeTimeZone) {
        this.session = session;
        this.datetimeTimeZone = datetimeTimeZone;
    }

    /** {@code SELECT UTC_TIMESTAMP(6), CONVERT_TZ(...)}: both clocks from one statement, hence one instant. */
    static String nowSql(Optional<String> zone) {
        return "SELECT UTC_TIMESTAMP(6), CONVERT_TZ(UTC_TIMESTAMP(6), '+00:00', "
                + (zone.isPresent() ? "?" : "@@global.time_zone") + ")";
    }

    @Override
    public DbTime now() throws SQLException {
        Connection connection = session.connection();
        try (PreparedStatement statement = connection.prepareStatement(nowSql(datetimeTimeZone))) {
            if (datetimeTimeZone.isPresent()) {
                statement.setString(1, datetimeTimeZone.get());
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new DbTime(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class));
            }
        }
    }

    @Override
    public List<Row> read(TablePlan plan, PageQuery query) throws SQLException {
        PreparedQuery prepared = QueryBuilder.build(plan, query);
        Connection connection = session.connection();
        try (PreparedStatement statement = connection.prepareStatement(prepared.sql(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(Integer.MIN_VALUE);
            for (int i = 0; i < prepared.parameters().size(); i++) {
                statement.setObject(i + 1, prepared.parameters().get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                checkShape(plan, rs.getMetaData());
                List<ColumnMapping> columns = plan.columns();
                int tsIndex = columns.size() + 1;
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = columns.get(i).rawKind().read(rs, i + 1);
                    }
                    boolean deleted = plan.softDelete().isPresent() && rs.getBoolean(tsIndex + 1);
                    rows.add(new Row(rs.getObject(tsIndex, LocalDateTime.class), values, deleted));
                }
                return rows;
            }
        }
    }

    private void checkShape(TablePlan plan, ResultSetMetaData metaData) throws SQLException {
        int expectedColumns = plan.columns().size() + 1 + (plan.softDelete().isPresent() ? 1 : 0);
        if (metaData.getColumnCount() != expectedColumns) {
            throw new TableChangedException(plan.id(), (metaData.getColumnCount() - expectedColumns + plan.columns().size())
                    + " columns instead of " + plan.columns().size());
        }
        StringBuilder shape = new StringBuilder();
        for (int i = 1; i <= plan.columns().size(); i++) {
            shape.append(metaData.getColumnLabel(i)).append(' ').append(metaData.getColumnTypeName(i)).append('(')
                    .append(metaData.getPrecision(i)).append(',').append(metaData.getScale(i)).append(");");
        }
        String expected = shapes.get(plan);
        if (expected == null) {
            for (int i = 1; i <= plan.columns().size(); i++) {
                String name = plan.columns().get(i - 1).name();
                if (!metaData.getColumnLabel(i).equalsIgnoreCase(name)) {
                    throw new TableChangedException(plan.id(), "column " + i + " is `" + metaData.getColumnLabel(i)
                            + "`, expected `" + name + "`");
                }
            }
            shapes.put(plan, shape.toString());
        } else if (!expected.contentEquals(shape)) {
            shapes.remove(plan);
            throw new TableChangedException(plan.id(), "now " + shape + " instead of " + expected);
        }
    }
}
