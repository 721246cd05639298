package io.cdcsuite.source.timestamp.plan;

import java.util.List;
import java.util.stream.Collectors;

import io.cdcsuite.source.timestamp.catalog.Identifiers;

/**
 * The change-time expression of a table: one TIMESTAMP or DATETIME column, or the COALESCE of several of one kind.
 *
 * @param utc true for TIMESTAMP columns (read as UTC), false for DATETIME (a wall clock in the writers' zone)
 * @param fractionalDigits the coarsest precision among the columns: the tick the upper bound is floored to
 */
public record TimestampSpec(List<String> columns, boolean utc, int fractionalDigits) {

    public TimestampSpec {
        columns = List.copyOf(columns);
        columns.forEach(Identifiers::validate);
    }

    /** The SQL expression: {@code `c`} or {@code COALESCE(`a`, `b`)}. */
    public String sql() {
        if (columns.size() == 1) {
            return Identifiers.quote(columns.get(0));
        }
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", ", "COALESCE(", ")"));
    }
}
