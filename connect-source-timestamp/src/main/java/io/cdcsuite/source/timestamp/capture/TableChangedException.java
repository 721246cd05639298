package io.cdcsuite.source.timestamp.capture;

import java.sql.SQLException;

import io.cdcsuite.source.timestamp.catalog.TableId;

/** The table's columns no longer match its plan (ALTER TABLE since it was planned): plan it again, then re-read. */
public final class TableChangedException extends SQLException {
    private static final long serialVersionUID = 1L;

    public TableChangedException(TableId table, String detail) {
        super("The columns of " + table + " changed: " + detail);
    }
}
