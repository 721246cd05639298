package io.cdcsuite.transforms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The date and time values of the {@link CapturedRecords} rows, as the SQL literals CaptureRecordsIT inserted them
 * (in a UTC session): the oracle the transforms' conversions are checked against, independent of how the connectors
 * encoded them. Row 3 holds no date or time (only defaults).
 */
final class CapturedTemporals {
    static final List<String> DATETIME_COLUMNS = columns("c_datetime");
    static final List<String> TIMESTAMP_COLUMNS = columns("c_timestamp");
    static final List<String> TIME_COLUMNS = List.of("c_time", "c_time6");
    static final String DATE_COLUMN = "c_date";
    static final String YEAR_COLUMN = "c_year";

    private static final String[] FRACTIONS = {"", ".1", ".12", ".123", ".1234", ".12345", ".123456"};
    private static final String[] NINES = {"", ".9", ".99", ".999", ".9999", ".99999", ".999999"};

    private CapturedTemporals() {
    }

    /** Column to literal, as row {@code id} was inserted (rows 1 and 2; empty for row 3). */
    static Map<String, String> inserted(int id) {
        Map<String, String> row = new LinkedHashMap<>();
        switch (id) {
            case 1 -> {
                row.put(DATE_COLUMN, "2024-03-01");
                row.put("c_time", "10:15:30");
                row.put("c_time6", "23:59:59.999999");
                for (int precision = 0; precision <= 6; precision++) {
                    row.put(DATETIME_COLUMNS.get(precision), "2024-03-01 10:15:30" + FRACTIONS[precision]);
                    row.put(TIMESTAMP_COLUMNS.get(precision), "2024-03-01 10:15:30" + FRACTIONS[precision]);
                }
                row.put(YEAR_COLUMN, "2024");
            }
            case 2 -> {
                row.put(DATE_COLUMN, "1969-12-31");
                row.put("c_time", "00:00:00");
                row.put("c_time6", "00:00:00.000001");
                for (int precision = 0; precision <= 6; precision++) {
                    row.put(DATETIME_COLUMNS.get(precision), "1969-07-20 20:17:40" + NINES[precision]);
                    row.put(TIMESTAMP_COLUMNS.get(precision), "2038-01-19 03:14:07" + NINES[precision]);
                }
                row.put(YEAR_COLUMN, "1901");
            }
            case 3 -> {
            }
            default -> throw new IllegalArgumentException("no captured row " + id);
        }
        return row;
    }

    /** Every date/time column (and YEAR) of the table. */
    static List<String> all() {
        List<String> columns = new ArrayList<>(List.of(DATE_COLUMN, YEAR_COLUMN));
        columns.addAll(TIME_COLUMNS);
        columns.addAll(DATETIME_COLUMNS);
        columns.addAll(TIMESTAMP_COLUMNS);
        return columns;
    }

    /** A DATETIME or TIMESTAMP literal as the instant it denotes (UTC). */
    static Instant instant(String literal) {
        return LocalDateTime.parse(literal.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    static LocalTime time(String literal) {
        return LocalTime.parse(literal);
    }

    static LocalDate date(String literal) {
        return LocalDate.parse(literal);
    }

    private static List<String> columns(String prefix) {
        List<String> columns = new ArrayList<>();
        for (int precision = 0; precision <= 6; precision++) {
            columns.add(prefix + precision);
        }
        return List.copyOf(columns);
    }
}
