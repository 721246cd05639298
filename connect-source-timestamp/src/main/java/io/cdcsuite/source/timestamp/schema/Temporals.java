package io.cdcsuite.source.timestamp.schema;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Temporal conversions and formats shared by the type mapping, the offsets and the SQL parameters. */
public final class Temporals {
    /** Debezium's ZonedTimestamp of the epoch, its fallback and its default for {@code DEFAULT CURRENT_TIMESTAMP}. */
    public static final String EPOCH_ZONED_TIMESTAMP = "1970-01-01T00:00:00Z";

    /** Microsecond-precision local date-time, as offsets store positions. */
    public static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS", Locale.ROOT);

    private static final Pattern TIME_LITERAL = Pattern.compile("(-?[0-9]*):([0-9]*)(:([0-9]*))?(\\.([0-9]*))?");

    private Temporals() {
    }

    /**
     * A UTC date-time as Debezium's io.debezium.time.ZonedTimestamp, formatted as its binlog path does: exactly
     * {@code fractionalDigits} fraction digits when the column has a fraction, ISO-8601 (no fraction for whole
     * seconds) otherwise; e.g. {@code 2024-03-01T10:15:30.120Z} for TIMESTAMP(3).
     */
    public static String zonedTimestamp(LocalDateTime utc, int fractionalDigits) {
        return utc.atOffset(ZoneOffset.UTC).format(zonedFormatter(fractionalDigits));
    }

    private static DateTimeFormatter zonedFormatter(int fractionalDigits) {
        if (fractionalDigits <= 0 || fractionalDigits > 9) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        }
        return new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE)
                .appendLiteral('T')
                .appendValue(ChronoField.HOUR_OF_DAY, 2)
                .appendLiteral(':')
                .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
                .appendLiteral(':')
                .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
                .appendFraction(ChronoField.NANO_OF_SECOND, fractionalDigits, fractionalDigits, true)
                .appendOffsetId()
                .toFormatter(Locale.ROOT);
    }

    /**
     * MySQL's two-digit-year rule, which Debezium applies to DATE, DATETIME and YEAR values: years 0-69 become
     * 2000-2069 and 70-99 become 1970-1999.
     */
    public static int adjustYear(int year) {
        if (year >= 0 && year <= 69) {
            return year + 2000;
        }
        if (year >= 70 && year <= 99) {
            return year + 1900;
        }
        return year;
    }

    public static LocalDate adjustYear(LocalDate date) {
        return date.withYear(adjustYear(date.getYear()));
    }

    public static LocalDateTime adjustYear(LocalDateTime dateTime) {
        return dateTime.withYear(adjustYear(dateTime.getYear()));
    }

    public static long epochMillis(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    public static long epochMicros(LocalDateTime utc) {
        return utc.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + utc.getNano() / 1_000;
    }

    /** Parses a MySQL TIME value ({@code -838:59:59.000000} to {@code 838:59:59.000000}) as Debezium does. */
    public static Duration parseTime(String text) {
        Matcher matcher = TIME_LITERAL.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Unexpected format for TIME value: " + text);
        }
        boolean negative = text.startsWith("-");
        long hours = Math.abs(Long.parseLong(matcher.group(1)));
        long minutes = Long.parseLong(matcher.group(2));
        long seconds = matcher.group(4) == null || matcher.group(4).isEmpty() ? 0 : Long.parseLong(matcher.group(4));
        String fraction = matcher.group(6) == null ? "" : matcher.group(6);
        long nanos = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000000").substring(0, 9));
        Duration duration = Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusNanos(nanos);
        return negative ? duration.negated() : duration;
    }

    /** A TIME literal MySQL accepts as a parameter, {@code [-]H:MM:SS.ffffff}. */
    public static String timeLiteral(Duration duration) {
        Duration abs = duration.abs();
        return String.format(Locale.ROOT, "%s%d:%02d:%02d.%06d", duration.isNegative() ? "-" : "",
                abs.toHours(), abs.toMinutesPart(), abs.toSecondsPart(), abs.toNanosPart() / 1_000);
    }
}
