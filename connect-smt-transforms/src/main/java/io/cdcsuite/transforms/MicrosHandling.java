package io.cdcsuite.transforms;

import java.util.Arrays;
import java.util.Locale;

/** What {@link Normalize} does with the sub-millisecond part that Connect's Timestamp and Time cannot hold. */
public enum MicrosHandling {
    /** Drop it (floor, also for instants before 1970). */
    TRUNCATE,
    /** Round half up to the nearest millisecond. */
    ROUND,
    /** Truncate, and keep the exact value, in microseconds, in an extra INT64 field next to the converted one. */
    ADD_FIELD;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MicrosHandling fromConfig(String value) {
        return Arrays.stream(values()).filter(mode -> mode.configValue().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown micros handling '" + value + "'"));
    }

    public static String[] configValues() {
        return Arrays.stream(values()).map(MicrosHandling::configValue).toArray(String[]::new);
    }
}
