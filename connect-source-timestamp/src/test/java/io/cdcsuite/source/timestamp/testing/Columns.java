package io.cdcsuite.source.timestamp.testing;

import java.util.Arrays;

import io.cdcsuite.source.timestamp.catalog.ColumnDefinition;

/** Column definitions as information_schema reports them, for tests. */
public final class Columns {
    private Columns() {
    }

    /** A NOT NULL column without default. */
    public static ColumnDefinition notNull(String name, String columnType) {
        return of(name, columnType, false, null, "");
    }

    public static ColumnDefinition nullable(String name, String columnType) {
        return of(name, columnType, true, null, "");
    }

    /**
     * A column from its {@code COLUMN_TYPE}; DATA_TYPE, lengths, precision, scale and fractional digits are derived
     * the way MySQL 8 fills information_schema.
     */
    public static ColumnDefinition of(String name, String columnType, boolean nullable, String defaultValue, String extra) {
        String type = columnType.toLowerCase();
        String dataType = type.replaceAll("[ (].*", "");
        Integer[] args = arguments(type);
        Long characterLength = null;
        Integer precision = null;
        Integer scale = null;
        Integer fsp = null;
        switch (dataType) {
            case "char", "varchar", "binary", "varbinary" -> characterLength = args.length > 0 ? (long) args[0] : 1L;
            case "tinytext", "tinyblob" -> characterLength = 255L;
            case "text", "blob" -> characterLength = 65_535L;
            case "mediumtext", "mediumblob" -> characterLength = 16_777_215L;
            case "longtext", "longblob", "json" -> characterLength = 4_294_967_295L;
            case "decimal", "numeric" -> {
                precision = args.length > 0 ? args[0] : 10;
                scale = args.length > 1 ? args[1] : 0;
            }
            case "float" -> {
                precision = 12;
                scale = args.length > 1 ? args[1] : null;
            }
            case "double", "real" -> {
                precision = 22;
                scale = args.length > 1 ? args[1] : null;
            }
            case "bit" -> precision = args.length > 0 ? args[0] : 1;
            case "tinyint" -> { precision = 3; scale = 0; }
            case "smallint" -> { precision = 5; scale = 0; }
            case "mediumint" -> { precision = 7; scale = 0; }
            case "int", "integer" -> { precision = 10; scale = 0; }
            case "bigint" -> { precision = type.contains("unsigned") ? 20 : 19; scale = 0; }
            case "datetime", "timestamp", "time" -> fsp = args.length > 0 ? args[0] : 0;
            default -> {
            }
        }
        return new ColumnDefinition(name, dataType, columnType, nullable, defaultValue, extra, characterLength,
                precision, scale, fsp);
    }

    private static Integer[] arguments(String type) {
        int open = type.indexOf('(');
        if (open < 0 || type.startsWith("enum") || type.startsWith("set")) {
            return new Integer[0];
        }
        String inside = type.substring(open + 1, type.indexOf(')'));
        return Arrays.stream(inside.split(",")).map(String::trim).map(Integer::valueOf).toArray(Integer[]::new);
    }
}
