package io.cdcsuite.transforms;

import java.util.Arrays;
import java.util.Locale;

/** Debezium's {@code delete.tombstone.handling.mode}: what {@link Unwrap} makes of deletes and tombstones. */
public enum DeleteHandling {
    /** A delete becomes a record with a null value (the value schema stays the row's); tombstones are dropped. */
    TOMBSTONE,
    /** Deletes and tombstones are dropped. */
    DROP,
    /** A delete becomes its before-image plus {@code __deleted=true}; upserts get {@code __deleted=false}; tombstones are dropped. */
    REWRITE,
    /** As {@link #REWRITE}, but tombstones are kept. */
    REWRITE_WITH_TOMBSTONE,
    /** A delete becomes a tombstone (null value and value schema); tombstones are dropped. */
    DELETE_TO_TOMBSTONE;

    public String configValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean rewrites() {
        return this == REWRITE || this == REWRITE_WITH_TOMBSTONE;
    }

    public static DeleteHandling fromConfig(String value) {
        return Arrays.stream(values()).filter(mode -> mode.configValue().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown delete handling mode '" + value + "'"));
    }

    public static String[] configValues() {
        return Arrays.stream(values()).map(DeleteHandling::configValue).toArray(String[]::new);
    }
}
