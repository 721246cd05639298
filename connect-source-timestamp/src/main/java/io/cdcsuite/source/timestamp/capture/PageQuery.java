package io.cdcsuite.source.timestamp.capture;

import java.time.LocalDateTime;
import java.util.List;

/** One page to read from a table: the "read page" function's argument. */
public sealed interface PageQuery {

    /** At most this many rows. */
    int limit();

    /**
     * Snapshot page: rows with a timestamp before {@code bound} that are not soft-deleted, in key order, after
     * {@code afterKey} (from the start when null).
     */
    record Snapshot(LocalDateTime bound, List<Object> afterKey, int limit) implements PageQuery {
    }

    /** Change page: rows after {@code after} in (timestamp, key) order with a timestamp before {@code bound}. */
    record Changes(Position after, LocalDateTime bound, int limit) implements PageQuery {
    }

    /**
     * Re-scan page: rows at or before {@code upTo} in (timestamp, key) order with a timestamp at or after
     * {@code from}, after {@code after} (from {@code from} when null).
     */
    record Rescan(LocalDateTime from, Position upTo, Position after, int limit) implements PageQuery {
    }
}
