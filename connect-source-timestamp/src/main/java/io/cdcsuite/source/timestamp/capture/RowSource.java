package io.cdcsuite.source.timestamp.capture;

import java.sql.SQLException;
import java.util.List;

import io.cdcsuite.source.timestamp.plan.TablePlan;

/** Where rows come from: the database in production, an in-memory table in tests. */
public interface RowSource {

    /** The database clock, read once per poll. */
    DbTime now() throws SQLException;

    /** One page of a table, in the order and within the bounds {@code query} describes. */
    List<Row> read(TablePlan plan, PageQuery query) throws SQLException;

    /** A hint: {@code query} is likely the next page asked for; a source may start reading it now. */
    default void readAhead(TablePlan plan, PageQuery query) {
    }
}
