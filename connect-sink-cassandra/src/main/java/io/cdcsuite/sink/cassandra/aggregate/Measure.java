package io.cdcsuite.sink.cassandra.aggregate;

/**
 * One measure column of an aggregate: {@code FUNCTION(field) [FILTER (WHERE ...)] AS name}.
 *
 * @param field  the input field; null for {@code COUNT(*)}
 * @param filter rows that do not pass contribute nothing; null for all rows
 */
public record Measure(String name, Function function, String field, RowPredicate filter) {
    public enum Function { COUNT, SUM, MIN, MAX, AVG }

    /** The column holding each member's contribution in the members table. */
    public String contributionColumn() {
        return "m_" + name;
    }
}
