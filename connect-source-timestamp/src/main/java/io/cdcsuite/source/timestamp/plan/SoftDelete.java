package io.cdcsuite.source.timestamp.plan;

import java.util.List;

import io.cdcsuite.source.timestamp.catalog.Identifiers;

/**
 * A soft-delete marker column: the row counts as deleted when the column equals {@code value} (compared by MySQL
 * with {@code <=>}), or, with {@code whenNotNull}, whenever the column is not NULL.
 */
public record SoftDelete(String column, String value, boolean whenNotNull) {

    public SoftDelete {
        Identifiers.validate(column);
    }

    /** A boolean SQL expression, true for deleted rows; {@link #parameters()} holds its parameter. */
    public String deletedSql() {
        return whenNotNull ? Identifiers.quote(column) + " IS NOT NULL" : "(" + Identifiers.quote(column) + " <=> ?)";
    }

    /** A boolean SQL expression, true for rows that are not deleted. */
    public String notDeletedSql() {
        return whenNotNull ? Identifiers.quote(column) + " IS NULL" : "NOT (" + Identifiers.quote(column) + " <=> ?)";
    }

    public List<Object> parameters() {
        return whenNotNull ? List.of() : List.of(value);
    }
}
