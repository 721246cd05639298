package io.cdcsuite.sink.cassandra.mapping;

import java.math.BigDecimal;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;

/**
 * What turns a row that a record upserts into a delete of its key:
 * <ul>
 *   <li>the marker field of a flat row that Debezium's unwrap adds ({@code __deleted}: true or "true"); it is never a
 *       column;</li>
 *   <li>a soft-delete column of the source table ({@code is_deleted = 1}, {@code deleted_at IS NOT NULL}), in flat rows
 *       and in envelopes' {@code after}: the binlog sees a soft delete as an update, the timestamp source emits it as a
 *       delete, so that both paths leave the same table behind. The column is written like any other while the row
 *       lives.</li>
 * </ul>
 */
public record DeleteMarkers(String markerField, String softDeleteField, String softDeleteValue) {
    /** The {@link #softDeleteValue()} that means "deleted whenever the field is not null". */
    public static final String WHEN_NOT_NULL = "IS NOT NULL";

    public DeleteMarkers {
        softDeleteField = softDeleteField == null ? "" : softDeleteField.trim();
    }

    /** Only the unwrap marker, no soft-delete column. */
    public static DeleteMarkers marker(String markerField) {
        return new DeleteMarkers(markerField, "", "");
    }

    boolean flatRowDeleted(Object row) {
        Object marker = field(row, markerField);
        return Boolean.TRUE.equals(marker) || "true".equalsIgnoreCase(String.valueOf(marker)) || softDeleted(row);
    }

    boolean softDeleted(Object row) {
        if (softDeleteField.isEmpty()) {
            return false;
        }
        Object value = field(row, softDeleteField);
        if (value == null) {
            return false;
        }
        if (WHEN_NOT_NULL.equalsIgnoreCase(softDeleteValue.trim())) {
            return true;
        }
        return matches(value, softDeleteValue.trim());
    }

    /** The field's value compared as MySQL would compare it with the configured literal: numbers by value. */
    private static boolean matches(Object value, String expected) {
        if (value instanceof Boolean flag) {
            return flag ? expected.equals("1") || expected.equalsIgnoreCase("true")
                    : expected.equals("0") || expected.equalsIgnoreCase("false");
        }
        if (value instanceof Number number) {
            try {
                BigDecimal actual = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
                return actual.compareTo(new BigDecimal(expected)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return expected.equals(value.toString());
    }

    private static Object field(Object row, String name) {
        if (row instanceof Struct struct) {
            return struct.schema().field(name) == null ? null : struct.get(name);
        }
        return row instanceof Map<?, ?> map ? map.get(name) : null;
    }
}
