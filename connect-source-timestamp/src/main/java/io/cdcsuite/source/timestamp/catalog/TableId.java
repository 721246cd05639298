package io.cdcsuite.source.timestamp.catalog;

/** A table by database and name; {@link #toString()} is the {@code db.table} form the config lists match. */
public record TableId(String database, String table) implements Comparable<TableId> {

    public TableId {
        Identifiers.validate(database);
        Identifiers.validate(table);
    }

    /**
     * Parses {@code db.table}, splitting at the first dot (so table names may contain dots, database names not).
     */
    public static TableId parse(String qualifiedName) {
        int dot = qualifiedName == null ? -1 : qualifiedName.indexOf('.');
        if (dot <= 0 || dot == qualifiedName.length() - 1) {
            throw new IllegalArgumentException("'" + qualifiedName + "' is not of the form <database>.<table>");
        }
        return new TableId(qualifiedName.substring(0, dot), qualifiedName.substring(dot + 1));
    }

    /** {@code `db`.`table`}, ready for SQL. */
    public String quoted() {
        return Identifiers.quote(database) + "." + Identifiers.quote(table);
    }

    @Override
    public int compareTo(TableId other) {
        int byDatabase = database.compareTo(other.database);
        return byDatabase != 0 ? byDatabase : table.compareTo(other.table);
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
