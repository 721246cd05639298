package io.cdcsuite.source.timestamp.capture;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.cdcsuite.source.timestamp.plan.TimestampSpec;

/**
 * The database clock at one instant, taken in a single statement: UTC (the frame of TIMESTAMP values in the
 * connector's UTC sessions) and the wall clock of {@code datetime.time.zone} (the frame of DATETIME values); the
 * latter is null when the database does not know that zone.
 */
public record DbTime(LocalDateTime utc, LocalDateTime datetimeZone) {

    /** 'Now' in the frame of a table's timestamp values. */
    public LocalDateTime now(TimestampSpec timestamp) {
        if (timestamp.utc()) {
            return utc;
        }
        if (datetimeZone == null) {
            throw new IllegalStateException("MySQL does not know the time zone of datetime.time.zone (CONVERT_TZ "
                    + "returned NULL): load its time zone tables or use an offset such as +01:00");
        }
        return datetimeZone;
    }

    /**
     * The instant of a change time; a row without one (a zero date read as NULL) gets the current time, as
     * Debezium's snapshot records do.
     */
    public Instant instant(LocalDateTime value, boolean utcColumn) {
        return (value == null ? utc : toUtc(value, utcColumn)).toInstant(ZoneOffset.UTC);
    }

    /** Converts a value of a TIMESTAMP ({@code utc}) or DATETIME column to UTC, with the zone's current offset. */
    public LocalDateTime toUtc(LocalDateTime value, boolean utcColumn) {
        if (utcColumn || datetimeZone == null) {
            return value;
        }
        return value.minus(Duration.between(utc, datetimeZone));
    }
}
