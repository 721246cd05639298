package io.cdcsuite.sink.cassandra.config;

import io.cdcsuite.sink.cassandra.mapping.FieldPath;

/**
 * One {@code column.mapping} entry for a table: the column and where its value comes from, or, with an empty
 * path ({@code ks.t:col=}), a column the sink must not write although a field of that name exists.
 */
public record ColumnMapping(String column, FieldPath path) {
    public boolean excludes() {
        return path == null;
    }
}
