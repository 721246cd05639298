package io.cdcsuite.source.timestamp.catalog;

/**
 * Validation and quoting of MySQL identifiers for generated SQL. Every database, table and column name that
 * reaches a statement goes through {@link #quote(String)}, whether it came from the catalog or from the config.
 */
public final class Identifiers {
    /** MySQL's limit for database, table and column names. */
    public static final int MAX_LENGTH = 64;

    private Identifiers() {
    }

    /** Throws {@link IllegalArgumentException} saying why {@code name} cannot be a MySQL identifier. */
    public static String validate(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an identifier must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("identifier '" + name + "' is longer than " + MAX_LENGTH + " characters");
        }
        if (name.endsWith(" ")) {
            throw new IllegalArgumentException("identifier '" + name + "' ends with a space, which MySQL does not allow");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\u0000') {
                throw new IllegalArgumentException("identifier '" + name.replace('\u0000', '?') + "' contains NUL");
            }
            if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("identifier '" + name
                        + "' contains a character outside the Basic Multilingual Plane, which MySQL does not allow");
            }
        }
        return name;
    }

    public static boolean isValid(String name) {
        try {
            validate(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The identifier in backticks, with embedded backticks doubled; validates it first. */
    public static String quote(String name) {
        return "`" + validate(name).replace("`", "``") + "`";
    }
}
