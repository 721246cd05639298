package io.cdcsuite.sink.cassandra.cql;

import java.util.regex.Pattern;

/**
 * Validates and quotes CQL identifiers. Every identifier in generated CQL is double-quoted, so column names
 * keep their exact case and may hold any character; keyspace and table names must in addition satisfy
 * Cassandra's own rule for schema names (letters, digits and underscores, at most 48 characters).
 */
public final class CqlNames {
    /** Cassandra's limit on keyspace and table name length (SchemaConstants.NAME_LENGTH). */
    public static final int MAX_SCHEMA_NAME_LENGTH = 48;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z0-9_]{1," + MAX_SCHEMA_NAME_LENGTH + "}");

    private CqlNames() {
    }

    /** The identifier as a quoted CQL identifier: {@code "Name"}, with embedded quotes doubled. */
    public static String quote(String identifier) {
        requireColumnName(identifier);
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A CQL string literal: {@code 'text'}, with embedded single quotes doubled. */
    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    public static boolean isValidSchemaName(String name) {
        return name != null && SCHEMA_NAME.matcher(name).matches();
    }

    /** Throws when a keyspace or table name is not one Cassandra accepts. */
    public static String requireSchemaName(String name, String what) {
        if (!isValidSchemaName(name)) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + name + "': Cassandra allows only "
                    + "letters, digits and underscores, 1 to " + MAX_SCHEMA_NAME_LENGTH + " characters");
        }
        return name;
    }

    /** Throws when a column name cannot be used: empty, or holding control characters. */
    public static String requireColumnName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Invalid column name: empty");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("Invalid column name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "': control characters are not allowed");
            }
        }
        return name;
    }

    /** Replaces every character that is not allowed in a schema name with an underscore. */
    public static String sanitizeSchemaName(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
