package io.cdcsuite.transforms.temporal;

import java.util.Date;

import org.apache.kafka.connect.errors.DataException;

/**
 * Encodes decoded temporal values (see {@link TemporalKind}) as the {@link Date} objects Connect's
 * {@code Timestamp}, {@code Date} and {@code Time} logical types hold, at their millisecond precision.
 */
public final class ConnectTemporals {
    private ConnectTemporals() {
    }

    /** Epoch microseconds to a Connect Timestamp; {@code round} rounds half up, otherwise floor (also before 1970). */
    public static Date timestamp(long epochMicros, boolean round) {
        return new Date(millis(epochMicros, round));
    }

    /** Epoch days to a Connect Date (midnight UTC). */
    public static Date date(long epochDay) {
        return new Date(Math.multiplyExact(epochDay, TemporalType.MILLIS_PER_DAY));
    }

    /**
     * Microseconds of the day to a Connect Time, which can only hold [00:00, 24:00): MySQL TIME values outside
     * that range (durations, negative values) are rejected. Rounding never carries past 23:59:59.999.
     */
    public static Date time(long microsOfDay, boolean round) {
        if (microsOfDay < 0 || microsOfDay >= TemporalType.MICROS_PER_DAY) {
            throw new DataException("Time of day out of Connect Time's range [00:00, 24:00): " + microsOfDay
                    + " microseconds (a MySQL TIME used as a duration?)");
        }
        return new Date(Math.min(millis(microsOfDay, round), TemporalType.MILLIS_PER_DAY - 1));
    }

    public static long millis(long micros, boolean round) {
        return Math.floorDiv(round ? micros + 500 : micros, 1_000L);
    }
}
