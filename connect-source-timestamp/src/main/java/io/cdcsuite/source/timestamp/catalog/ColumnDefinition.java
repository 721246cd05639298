package io.cdcsuite.source.timestamp.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * One column as {@code information_schema.COLUMNS} describes it. Type names are lower case, as MySQL reports
 * them ({@code dataType} = {@code int}, {@code columnType} = {@code int(10) unsigned}).
 *
 * @param defaultValue {@code COLUMN_DEFAULT}: the literal, an expression, or null for none / {@code DEFAULT NULL}
 * @param extra {@code EXTRA}: {@code auto_increment}, {@code DEFAULT_GENERATED}, {@code on update ...}, ...
 */
public record ColumnDefinition(
        String name,
        String dataType,
        String columnType,
        boolean nullable,
        String defaultValue,
        String extra,
        Long characterMaximumLength,
        Integer numericPrecision,
        Integer numericScale,
        Integer datetimePrecision) {

    public ColumnDefinition {
        Identifiers.validate(name);
        dataType = dataType.toLowerCase(Locale.ROOT);
        columnType = columnType.toLowerCase(Locale.ROOT);
        extra = extra == null ? "" : extra;
    }

    public boolean unsigned() {
        return columnType.contains(" unsigned");
    }

    /** Fractional-second digits of a TIME, DATETIME or TIMESTAMP column (0 when it has none). */
    public int fractionalDigits() {
        return datetimePrecision == null ? 0 : datetimePrecision;
    }

    /** The declared scale, absent for types declared without one (e.g. {@code FLOAT} versus {@code FLOAT(7,3)}). */
    public OptionalInt scale() {
        return numericScale == null ? OptionalInt.empty() : OptionalInt.of(numericScale);
    }

    /** The length of a BINARY, CHAR or BIT column: bytes, characters or bits. */
    public int length() {
        if (dataType.equals("bit")) {
            return numericPrecision == null ? 1 : numericPrecision;
        }
        return characterMaximumLength == null ? 0 : (int) Math.min(Integer.MAX_VALUE, characterMaximumLength);
    }

    /** True when the default is an expression ({@code DEFAULT (uuid())}, {@code CURRENT_TIMESTAMP}, ...). */
    public boolean defaultIsExpression() {
        return extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED");
    }

    /** Invisible columns (MySQL 8.0.23+) are left out of {@code SELECT *}, so the connector leaves them out too. */
    public boolean invisible() {
        return extra.toUpperCase(Locale.ROOT).contains("INVISIBLE");
    }

    /**
     * The options of an ENUM or SET column, unquoted, parsed from {@code COLUMN_TYPE}
     * ({@code enum('a','it''s')} gives {@code a} and {@code it's}).
     */
    public List<String> enumOptions() {
        int open = columnType.indexOf('(');
        int close = columnType.lastIndexOf(')');
        List<String> options = new ArrayList<>();
        if (open < 0 || close < open) {
            return options;
        }
        String list = columnType.substring(open + 1, close);
        StringBuilder current = null;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (current == null) {
                if (c == '\'') {
                    current = new StringBuilder();
                }
            } else if (c == '\'') {
                if (i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                    current.append('\'');
                    i++;
                } else {
                    options.add(current.toString());
                    current = null;
                }
            } else {
                current.append(c);
            }
        }
        return options;
    }
}
