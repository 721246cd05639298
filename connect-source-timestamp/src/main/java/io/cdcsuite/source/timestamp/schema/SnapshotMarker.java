package io.cdcsuite.source.timestamp.schema;

import java.util.Arrays;
import java.util.Locale;

/**
 * The values of {@code source.snapshot}, in the order of Debezium's {@code SnapshotRecord} (which is also the
 * order of the enum schema's {@code allowed} parameter).
 */
public enum SnapshotMarker {
    TRUE,
    FIRST,
    FIRST_IN_DATA_COLLECTION,
    LAST_IN_DATA_COLLECTION,
    LAST,
    FALSE,
    INCREMENTAL;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every value, comma-separated: the {@code allowed} parameter of the enum schema. */
    public static String allowedValues() {
        return String.join(",", Arrays.stream(values()).map(SnapshotMarker::value).toList());
    }

    /**
     * The marker of a snapshot record from its position, with Debezium's precedence: last of the snapshot, first of
     * the snapshot, last of its table, first of its table, otherwise {@code true}.
     */
    public static SnapshotMarker of(boolean firstInSnapshot, boolean lastInSnapshot, boolean firstInTable,
            boolean lastInTable) {
        if (lastInSnapshot) {
            return LAST;
        }
        if (firstInSnapshot) {
            return FIRST;
        }
        if (lastInTable) {
            return LAST_IN_DATA_COLLECTION;
        }
        if (firstInTable) {
            return FIRST_IN_DATA_COLLECTION;
        }
        return TRUE;
    }
}
