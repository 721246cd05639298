package io.cdcsuite.source.timestamp.capture;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The exclusive upper bound of what may be read: floor(database now - lag) to the column's precision. Rows in the
 * current tick of that precision can still be written (an update later in the same second keeps a TIMESTAMP(0)
 * value unchanged), so the tick containing now - lag is never read.
 */
public final class UpperBound {
    private UpperBound() {
    }

    public static LocalDateTime exclusive(LocalDateTime now, Duration lag, int fractionalDigits) {
        if (fractionalDigits < 0 || fractionalDigits > 6) {
            throw new IllegalArgumentException("MySQL fractional seconds precision is 0 to 6, not " + fractionalDigits);
        }
        LocalDateTime shifted = now.minus(lag);
        long tickNanos = 1_000_000_000L / pow10(fractionalDigits);
        return shifted.withNano((int) (shifted.getNano() / tickNanos * tickNanos));
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
