package io.cdcsuite.source.timestamp.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import io.cdcsuite.source.timestamp.catalog.ColumnDefinition;

/**
 * Column defaults as Debezium's MySQL connector puts them into schemas: the literal of {@code COLUMN_DEFAULT}
 * parsed into the column's raw value (then converted like a row value). {@code CURRENT_TIMESTAMP}/{@code NOW()}
 * becomes the epoch (Debezium's DDL parser substitutes {@code 1970-01-01 00:00:00}); other expression defaults and
 * {@code DEFAULT NULL} give no default; zero dates give none in nullable columns and the epoch otherwise.
 */
public final class DefaultValues {
    private static final String EPOCH = "1970-01-01 00:00:00";
    private static final Pattern NOW = Pattern.compile("(?i)(CURRENT_TIMESTAMP|NOW|LOCALTIME|LOCALTIMESTAMP)(\\(\\d*\\))?");
    private static final Pattern ZERO_DATE = Pattern.compile("\\d{4}-\\d{2}-00|\\d{4}-00-\\d{2}|0000-\\d{2}-\\d{2}");
    private static final Pattern ZERO_TIMESTAMP =
            Pattern.compile("(\\d{4}-\\d{2}-00|\\d{4}-00-\\d{2}|0000-\\d{2}-\\d{2}) 00:00:00(\\.\\d{1,6})?");
    private static final Pattern BIT_LITERAL = Pattern.compile("(?i)b'([01]*)'");
    private static final Pattern HEX_LITERAL = Pattern.compile("0x((?:[0-9A-Fa-f]{2})*)");
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ROOT);

    private DefaultValues() {
    }

    /** The default as a raw value of {@code kind}, or null when the schema gets no default. */
    public static Object rawDefault(ColumnDefinition column, RawKind kind) {
        String literal = column.defaultValue();
        if (literal == null) {
            return null;
        }
        if (NOW.matcher(literal.trim()).matches()) {
            literal = EPOCH;
        } else if (column.defaultIsExpression()) {
            return null;
        }
        return switch (kind) {
            case LONG -> integer(literal).longValue();
            case UNSIGNED_BIGINT -> integer(literal);
            case DECIMAL -> column.scale().isPresent()
                    ? new BigDecimal(literal.trim()).setScale(column.scale().getAsInt(), RoundingMode.HALF_UP)
                    : new BigDecimal(literal.trim());
            case FLOAT, DOUBLE -> Double.parseDouble(literal.trim());
            case BOOLEAN -> bit(literal);
            case BYTES -> column.dataType().equals("bit") ? bits(literal) : binary(literal);
            case STRING -> literal;
            case DATE -> date(column, literal.trim());
            case DATETIME -> column.dataType().equals("timestamp") ? timestamp(column, literal.trim())
                    : dateTime(column, literal.trim());
            case TIME -> Temporals.parseTime(timePart(literal.trim()));
            case YEAR -> Integer.valueOf(literal.trim());
        };
    }

    private static BigDecimal integer(String literal) {
        String value = literal.trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return value.equalsIgnoreCase("true") ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return new BigDecimal(value).setScale(0, RoundingMode.HALF_UP);
    }

    private static Boolean bit(String literal) {
        String value = unquoteBits(literal);
        try {
            return Long.parseLong(value) != 0;
        } catch (NumberFormatException e) {
            return Boolean.parseBoolean(value);
        }
    }

    /** {@code b'101'} as big-endian bytes, the form MySQL returns BIT values in. */
    private static byte[] bits(String literal) {
        String value = unquoteBits(literal);
        int size = Math.max(1, (value.length() + 7) / 8);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            int end = value.length() - i * 8;
            int start = Math.max(0, end - 8);
            if (end > 0) {
                bytes[size - 1 - i] = (byte) Integer.parseInt(value.substring(start, end), 2);
            }
        }
        return bytes;
    }

    /** information_schema shows binary defaults as hex literals ({@code 0x78797A} for 'xyz'); the bytes they denote. */
    private static byte[] binary(String literal) {
        var matcher = HEX_LITERAL.matcher(literal.trim());
        return matcher.matches() ? HexFormat.of().parseHex(matcher.group(1)) : literal.getBytes(StandardCharsets.UTF_8);
    }

    private static String unquoteBits(String literal) {
        var matcher = BIT_LITERAL.matcher(literal.trim());
        return matcher.matches() ? matcher.group(1) : literal.trim();
    }

    private static LocalDate date(ColumnDefinition column, String value) {
        if (ZERO_DATE.matcher(value).matches() || ZERO_TIMESTAMP.matcher(value).matches() || value.equals("0")) {
            return column.nullable() ? null : LocalDate.EPOCH;
        }
        return LocalDate.from(DATE_TIME.parse(value));
    }

    private static LocalDateTime dateTime(ColumnDefinition column, String value) {
        if (ZERO_TIMESTAMP.matcher(value).matches() || value.equals("0")) {
            return column.nullable() ? null : LocalDateTime.parse("1970-01-01T00:00:00");
        }
        return LocalDateTime.from(DATE_TIME.parse(value));
    }

    /**
     * TIMESTAMP defaults: the epoch (also what CURRENT_TIMESTAMP turns into) is Debezium's ISO string without fraction
     * digits, or no default in a nullable column; other literals are UTC date-times (the session time zone).
     */
    private static Object timestamp(ColumnDefinition column, String value) {
        if (ZERO_TIMESTAMP.matcher(value).matches() || value.equals("0") || value.equals(EPOCH)) {
            return column.nullable() ? null : Temporals.EPOCH_ZONED_TIMESTAMP;
        }
        return LocalDateTime.from(DATE_TIME.parse(value));
    }

    private static String timePart(String value) {
        int space = value.indexOf(' ');
        return value.indexOf('-', 1) > 0 && space > 0 ? value.substring(space + 1) : value;
    }
}
