package io.cdcsuite.sink.cassandra.mapping;

import org.apache.kafka.connect.errors.DataException;

/**
 * A record that can never be written as it is: wrong shape, a value that does not fit its column, a missing
 * key. Such records go to the dead-letter queue under {@code errors.tolerance=all} and fail the task
 * otherwise; the column, when known, is part of the message.
 */
public class RecordMappingException extends DataException {
    private static final long serialVersionUID = 1L;

    private final String column;

    public RecordMappingException(String message) {
        this(null, message, null);
    }

    public RecordMappingException(String column, String message) {
        this(column, message, null);
    }

    public RecordMappingException(String column, String message, Throwable cause) {
        super(column == null ? message : "column '" + column + "': " + message, cause);
        this.column = column;
    }

    /** The column concerned, or null when the problem is not about one column. */
    public String column() {
        return column;
    }
}
