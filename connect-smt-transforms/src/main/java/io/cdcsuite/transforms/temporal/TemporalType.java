package io.cdcsuite.transforms.temporal;

import java.time.LocalDate;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * The temporal logical types that reach the transforms: Debezium's {@code io.debezium.time.*} (every
 * {@code time.precision.mode}) and Connect's own. Each decodes its value, without allocating for the numeric ones, to
 * microsecond precision: epoch microseconds, epoch days or microseconds of the day (see {@link TemporalKind}).
 * Nanosecond types are truncated (floor) to microseconds, MySQL's finest precision.
 */
public enum TemporalType {
    /** INT32 days since the epoch (MySQL DATE). */
    DATE("io.debezium.time.Date", TemporalKind.DATE, false) {
        @Override
        public long decode(Object value) {
            return number(value, this);
        }
    },
    /** INT32 milliseconds of the day. */
    TIME("io.debezium.time.Time", TemporalKind.TIME, false) {
        @Override
        public long decode(Object value) {
            return number(value, this) * 1_000L;
        }
    },
    /** INT64 microseconds of the day (MySQL TIME in the default adaptive_time_microseconds mode). */
    MICRO_TIME("io.debezium.time.MicroTime", TemporalKind.TIME, true) {
        @Override
        public long decode(Object value) {
            return number(value, this);
        }
    },
    /** INT64 nanoseconds of the day. */
    NANO_TIME("io.debezium.time.NanoTime", TemporalKind.TIME, true) {
        @Override
        public long decode(Object value) {
            return Math.floorDiv(number(value, this), 1_000L);
        }
    },
    /** INT64 milliseconds since the epoch (MySQL DATETIME(0..3)). */
    TIMESTAMP("io.debezium.time.Timestamp", TemporalKind.TIMESTAMP, false) {
        @Override
        public long decode(Object value) {
            return Math.multiplyExact(number(value, this), 1_000L);
        }
    },
    /** INT64 microseconds since the epoch (MySQL DATETIME(4..6)). */
    MICRO_TIMESTAMP("io.debezium.time.MicroTimestamp", TemporalKind.TIMESTAMP, true) {
        @Override
        public long decode(Object value) {
            return number(value, this);
        }
    },
    /** INT64 nanoseconds since the epoch. */
    NANO_TIMESTAMP("io.debezium.time.NanoTimestamp", TemporalKind.TIMESTAMP, true) {
        @Override
        public long decode(Object value) {
            return Math.floorDiv(number(value, this), 1_000L);
        }
    },
    /** ISO-8601 string with offset, e.g. {@code 2024-03-01T10:15:30.123456Z} (MySQL TIMESTAMP). */
    ZONED_TIMESTAMP("io.debezium.time.ZonedTimestamp", TemporalKind.TIMESTAMP, true) {
        @Override
        public long decode(Object value) {
            return epochMicros(value, this);
        }
    },
    /** ISO-8601 time with offset, e.g. {@code 10:15:30.123456+01:00}. */
    ZONED_TIME("io.debezium.time.ZonedTime", TemporalKind.TIME, true) {
        @Override
        public long decode(Object value) {
            return utcMicrosOfDay(value, this);
        }
    },
    /** ISO-8601 date with offset ({@code time.precision.mode=isostring}), e.g. {@code 2024-03-01Z}. */
    ISO_DATE("io.debezium.time.IsoDate", TemporalKind.DATE, false) {
        @Override
        public long decode(Object value) {
            try {
                return LocalDate.parse(text(value, this), DateTimeFormatter.ISO_OFFSET_DATE).toEpochDay();
            } catch (DateTimeParseException e) {
                throw unparsable(value, this, e);
            }
        }
    },
    /** ISO-8601 time with offset ({@code time.precision.mode=isostring}). */
    ISO_TIME("io.debezium.time.IsoTime", TemporalKind.TIME, true) {
        @Override
        public long decode(Object value) {
            return utcMicrosOfDay(value, this);
        }
    },
    /** ISO-8601 date-time with offset ({@code time.precision.mode=isostring}). */
    ISO_TIMESTAMP("io.debezium.time.IsoTimestamp", TemporalKind.TIMESTAMP, true) {
        @Override
        public long decode(Object value) {
            return epochMicros(value, this);
        }
    },
    /** Connect's Date: a {@link java.util.Date} at midnight UTC. */
    CONNECT_DATE(org.apache.kafka.connect.data.Date.LOGICAL_NAME, TemporalKind.DATE, false) {
        @Override
        public long decode(Object value) {
            return Math.floorDiv(date(value, this), MILLIS_PER_DAY);
        }
    },
    /** Connect's Time: a {@link java.util.Date} on 1970-01-01 UTC. */
    CONNECT_TIME(org.apache.kafka.connect.data.Time.LOGICAL_NAME, TemporalKind.TIME, false) {
        @Override
        public long decode(Object value) {
            return date(value, this) * 1_000L;
        }
    },
    /** Connect's Timestamp: a {@link java.util.Date}, milliseconds. */
    CONNECT_TIMESTAMP(org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME, TemporalKind.TIMESTAMP, false) {
        @Override
        public long decode(Object value) {
            return Math.multiplyExact(date(value, this), 1_000L);
        }
    };

    public static final long MILLIS_PER_DAY = 86_400_000L;
    public static final long MICROS_PER_DAY = 86_400_000_000L;

    private static final Map<String, TemporalType> BY_LOGICAL_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TemporalType::logicalName, Function.identity()));

    private final String logicalName;
    private final TemporalKind kind;
    private final boolean subMillisecond;

    TemporalType(String logicalName, TemporalKind kind, boolean subMillisecond) {
        this.logicalName = logicalName;
        this.kind = kind;
        this.subMillisecond = subMillisecond;
    }

    /** Decodes a non-null value of this type; see {@link TemporalKind} for the unit of the result. */
    public abstract long decode(Object value);

    public String logicalName() {
        return logicalName;
    }

    /** The simple name, e.g. {@code MicroTimestamp}, under which the configuration refers to this type. */
    public String simpleName() {
        return logicalName.substring(logicalName.lastIndexOf('.') + 1);
    }

    public TemporalKind kind() {
        return kind;
    }

    /** True when values of this type may carry more precision than Connect's millisecond types hold. */
    public boolean subMillisecond() {
        return subMillisecond;
    }

    public boolean isDebezium() {
        return logicalName.startsWith("io.debezium.");
    }

    /** The type a schema's logical name denotes, or null when it is not a temporal type. */
    public static TemporalType of(Schema schema) {
        return schema.name() == null ? null : BY_LOGICAL_NAME.get(schema.name());
    }

    private static long epochMicros(Object value, TemporalType type) {
        try {
            return IsoTimestampParser.epochMicros(text(value, type));
        } catch (DateTimeParseException e) {
            throw unparsable(value, type, e);
        }
    }

    private static long utcMicrosOfDay(Object value, TemporalType type) {
        try {
            OffsetTime time = OffsetTime.parse(text(value, type), DateTimeFormatter.ISO_OFFSET_TIME);
            return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime().toNanoOfDay() / 1_000L;
        } catch (DateTimeParseException e) {
            throw unparsable(value, type, e);
        }
    }

    private static long number(Object value, TemporalType type) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new DataException(type.logicalName + " value must be a number, got " + value.getClass().getName());
    }

    private static long date(Object value, TemporalType type) {
        if (value instanceof java.util.Date date) {
            return date.getTime();
        }
        throw new DataException(type.logicalName + " value must be a java.util.Date, got " + value.getClass().getName());
    }

    private static String text(Object value, TemporalType type) {
        if (value instanceof String text) {
            return text;
        }
        throw new DataException(type.logicalName + " value must be a string, got " + value.getClass().getName());
    }

    private static DataException unparsable(Object value, TemporalType type, Exception cause) {
        return new DataException("Cannot parse '" + value + "' as " + type.logicalName, cause);
    }
}
