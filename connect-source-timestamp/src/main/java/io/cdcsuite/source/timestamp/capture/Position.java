package io.cdcsuite.source.timestamp.capture;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A point in a table's (timestamp, key) order. With a key it is exactly one row; with a null key it is the point
 * before every row of timestamp {@code ts}.
 */
public record Position(LocalDateTime ts, List<Object> key) {

    public Position {
        if (ts == null) {
            throw new IllegalArgumentException("a position needs a timestamp");
        }
        key = key == null ? null : Collections.unmodifiableList(new ArrayList<>(key));
    }

    public static Position before(LocalDateTime ts) {
        return new Position(ts, null);
    }

    public boolean hasKey() {
        return key != null;
    }
}
