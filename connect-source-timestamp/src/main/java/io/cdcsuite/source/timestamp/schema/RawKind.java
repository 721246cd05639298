package io.cdcsuite.source.timestamp.schema;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;

/**
 * How a column's values are read from JDBC and what Java type they have before conversion to Connect: the same
 * "raw" objects serve the type mapping, the key of a resume position, offsets and query parameters.
 */
public enum RawKind {
    /** All signed integers and unsigned ones up to INT UNSIGNED, as {@link Long}. */
    LONG(true) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            long value = rs.getLong(index);
            return rs.wasNull() ? null : value;
        }

        @Override
        public Object fromOffsetValue(Object stored) {
            return asNumber(stored).longValue();
        }
    },
    /** BIGINT UNSIGNED, as {@link BigDecimal} (it may exceed {@link Long#MAX_VALUE}). */
    UNSIGNED_BIGINT(true) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getBigDecimal(index);
        }

        @Override
        public Object toOffsetValue(Object raw) {
            return ((BigDecimal) raw).toPlainString();
        }

        @Override
        public Object fromOffsetValue(Object stored) {
            return new BigDecimal(asString(stored));
        }
    },
    DECIMAL(true) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getBigDecimal(index);
        }

        @Override
        public Object toOffsetValue(Object raw) {
            return ((BigDecimal) raw).toPlainString();
        }

        @Override
        public Object fromOffsetValue(Object stored) {
            return new BigDecimal(asString(stored));
        }
    },
    FLOAT(false) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            float value = rs.getFloat(index);
            return rs.wasNull() ? null : value;
        }
    },
    DOUBLE(false) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            double value = rs.getDouble(index);
            return rs.wasNull() ? null : value;
        }
    },
    /** BIT(1). */
    BOOLEAN(false) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            boolean value = rs.getBoolean(index);
            return rs.wasNull() ? null : value;
        }
    },
    STRING(true) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getString(index);
        }

        @Override
        public Object fromOffsetValue(Object stored) {
            return asString(stored);
        }
    },
    /** Binary strings and BIT(n), as {@code byte[]}. */
    BYTES(true) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getBytes(index);
        }

        @Override
        public Object toOffsetValue(Object raw) {
            return Base64.getEncoder().encodeToString((byte[]) raw);
        }

        @Override
        public Object fromOffsetValue(Object stored) {
            return Base64.getDecoder().decode(asString(stored));
        }
    },
    DATE(true) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getObject(index, LocalDate.class);
        }

        @Override
        public Object toOffsetValue(Object raw) {
            return raw.toString();
        }

        @Override
        public Object fromOffsetValue(Object stored) {
            return LocalDate.parse(asString(stored));
        }
    },
    /**
     * DATETIME and TIMESTAMP, as {@link LocalDateTime}: the wall clock of DATETIME, and UTC for TIMESTAMP (the
     * connector's sessions run in UTC).
     */
    DATETIME(true) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getObject(index, LocalDateTime.class);
        }

        @Override
        public Object toOffsetValue(Object raw) {
            return ((LocalDateTime) raw).format(Temporals.MICROS);
        }

        @Override
        public Object fromOffsetValue(Object stored) {
            return LocalDateTime.parse(asString(stored));
        }
    },
    /** TIME, as {@link Duration}: MySQL's TIME spans -838:59:59 to 838:59:59, beyond a time of day. */
    TIME(true) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            String text = rs.getString(index);
            return text == null ? null : Temporals.parseTime(text);
        }

        @Override
        public Object toOffsetValue(Object raw) {
            return Temporals.timeLiteral((Duration) raw);
        }

        @Override
        public Object fromOffsetValue(Object stored) {
            return Temporals.parseTime(asString(stored));
        }

        @Override
        public Object toParameter(Object raw) {
            return Temporals.timeLiteral((Duration) raw);
        }
    },
    /** YEAR, as {@link Integer}. */
    YEAR(true) {
        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            int value = rs.getInt(index);
            return rs.wasNull() ? null : value;
        }

        @Override
        public Object toOffsetValue(Object raw) {
            return ((Integer) raw).longValue();
        }

        @Override
        public Object fromOffsetValue(Object stored) {
            return asNumber(stored).intValue();
        }
    };

    private final boolean keyable;

    RawKind(boolean keyable) {
        this.keyable = keyable;
    }

    /** Reads column {@code index} (1-based) of the current row; null for SQL NULL. */
    public abstract Object read(ResultSet rs, int index) throws SQLException;

    /**
     * True when values of this kind compare in MySQL exactly as they sort, so that they can be part of a keyset
     * position and survive a round trip through the offset store.
     */
    public boolean keyable() {
        return keyable;
    }

    /** The value as an offset can hold it: a JSON-friendly primitive ({@link Long} or {@link String}). */
    public Object toOffsetValue(Object raw) {
        return raw;
    }

    /** Reverses {@link #toOffsetValue}; an {@link IllegalArgumentException} when the stored value does not fit. */
    public Object fromOffsetValue(Object stored) {
        throw new IllegalArgumentException(this + " values cannot be part of a position");
    }

    /** The value as a JDBC parameter for {@code setObject}. */
    public Object toParameter(Object raw) {
        return raw;
    }

    private static Number asNumber(Object stored) {
        if (stored instanceof Number number) {
            return number;
        }
        if (stored instanceof String text) {
            return new BigDecimal(text);
        }
        throw new IllegalArgumentException("expected a number, got " + describe(stored));
    }

    private static String asString(Object stored) {
        if (stored instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("expected a string, got " + describe(stored));
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " '" + value + "'";
    }
}
