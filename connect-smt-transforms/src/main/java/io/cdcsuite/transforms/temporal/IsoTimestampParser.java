package io.cdcsuite.transforms.temporal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads ISO-8601 date-times with an offset to epoch microseconds. The form Debezium writes for
 * {@code ZonedTimestamp} ({@code 2024-03-01T10:15:30.123456Z}: four-digit year, seconds, 0-9 fraction digits, then
 * {@code Z} or {@code ±hh:mm}) is read by hand, which costs a fraction of {@link DateTimeFormatter}; anything else
 * goes to {@link OffsetDateTime#parse}, which also reports what is wrong.
 */
final class IsoTimestampParser {
    private static final int SECONDS_END = 19;

    private IsoTimestampParser() {
    }

    static long epochMicros(String text) {
        long micros = fastEpochMicros(text);
        if (micros != Long.MIN_VALUE) {
            return micros;
        }
        OffsetDateTime dateTime = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return Math.addExact(Math.multiplyExact(dateTime.toEpochSecond(), 1_000_000L), dateTime.getNano() / 1_000);
    }

    /** The value, or {@link Long#MIN_VALUE} when the text is not in the common form. */
    private static long fastEpochMicros(String text) {
        int length = text.length();
        if (length < SECONDS_END + 1 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, SECONDS_END);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return Long.MIN_VALUE;
        }
        int position = SECONDS_END;
        long nanos = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && position - start < 9 && isDigit(text.charAt(position))) {
                nanos = nanos * 10 + (text.charAt(position) - '0');
                position++;
            }
            if (position == start) {
                return Long.MIN_VALUE;
            }
            for (int scale = position - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(text, position);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
        long epochSecond = epochDay * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return epochSecond * 1_000_000L + nanos / 1_000L;
    }

    /** {@code Z} or {@code ±hh:mm} ending the text; {@link Integer#MIN_VALUE} otherwise. */
    private static int offsetSeconds(String text, int position) {
        int remaining = text.length() - position;
        if (remaining == 1 && text.charAt(position) == 'Z') {
            return 0;
        }
        char sign = remaining == 6 ? text.charAt(position) : ' ';
        if ((sign != '+' && sign != '-') || text.charAt(position + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, position + 1, position + 3);
        int minutes = digits(text, position + 4, position + 6);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The number written in {@code [from, to)}, or -1 when a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
