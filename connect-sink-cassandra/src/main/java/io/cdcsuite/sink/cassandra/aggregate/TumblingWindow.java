package io.cdcsuite.sink.cassandra.aggregate;

import java.time.Duration;
import java.time.Instant;

/** Fixed-size, non-overlapping windows over an event-time field, aligned to the epoch. */
public record TumblingWindow(String field, Duration size) {
    public TumblingWindow {
        if (size.isZero() || size.isNegative()) {
            throw new IllegalArgumentException("a window size must be positive");
        }
    }

    public Instant start(Instant eventTime) {
        long sizeMillis = size.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(eventTime.toEpochMilli(), sizeMillis) * sizeMillis);
    }
}
