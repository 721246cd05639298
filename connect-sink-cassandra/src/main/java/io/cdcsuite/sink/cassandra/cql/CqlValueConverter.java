package io.cdcsuite.sink.cassandra.cql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.VectorType;

import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;

/**
 * Converts a record value to the Java type the driver binds for a column's CQL type. Conversions are exact
 * or fail: a decimal never passes through a double, a whole-number column refuses 5.5, a value out of a
 * column's range is an error naming the column. The only narrowing is documented: Cassandra's
 * {@code timestamp} holds milliseconds, so micro- and nanosecond timestamps are truncated toward the past.
 */
public final class CqlValueConverter {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private CqlValueConverter() {
    }

    /** The value for a column of type {@code target}; null stays null. */
    public static Object convert(Object value, Schema schema, DataType target, String column) {
        return value == null ? null : conversion(schema, target).apply(value, column);
    }

    /**
     * The conversion of values of {@code schema} (null: schemaless) to a column of type {@code target}, chosen once:
     * a column's values mostly share one schema, and choosing (by logical name, then by column type) cost more than
     * converting.
     */
    public static Conversion conversion(Schema schema, DataType target) {
        return new Conversion(schema, target, canonicalFor(schema), typedFor(target, schema));
    }

    /** Converts values of one schema to one column type; immutable, so it can be shared and cached freely. */
    public static final class Conversion {
        private final Schema schema;
        private final DataType target;
        private final UnaryOperator<Object> canonical;
        private final UnaryOperator<Object> typed;

        private Conversion(Schema schema, DataType target, UnaryOperator<Object> canonical,
                           UnaryOperator<Object> typed) {
            this.schema = schema;
            this.target = target;
            this.canonical = canonical;
            this.typed = typed;
        }

        /** The schema of the values this conversion is for. */
        public Schema schema() {
            return schema;
        }

        /** The value for the column; null stays null; an unconvertible value fails naming {@code column}. */
        public Object apply(Object value, String column) {
            if (value == null) {
                return null;
            }
            try {
                return applyUnchecked(value);
            } catch (RecordMappingException e) {
                throw e;
            } catch (IllegalArgumentException | DateTimeException | ArithmeticException | ClassCastException e) {
                throw new RecordMappingException(column, "cannot write " + describe(value, schema) + " to a "
                        + target.asCql(false, true) + " column: " + e.getMessage(), e);
            }
        }

        private Object applyUnchecked(Object value) {
            return typed.apply(canonical.apply(value));
        }
    }

    /**
     * The value with its logical type applied: dates, times and timestamps as java.time values, decimals as
     * BigDecimal, UUID strings as UUID; other values unchanged.
     */
    public static Object canonical(Object value, Schema schema) {
        return canonicalFor(schema).apply(value);
    }

    private static UnaryOperator<Object> canonicalFor(Schema schema) {
        String name = schema == null ? null : schema.name();
        if (name == null) {
            return CqlValueConverter::dateAsInstant;
        }
        return switch (name) {
            case LogicalTypes.CONNECT_DATE -> value -> LocalDate.ofEpochDay(
                    Math.floorDiv(((java.util.Date) value).getTime(), MILLIS_PER_DAY));
            case LogicalTypes.CONNECT_TIME -> value -> timeOfDay(((java.util.Date) value).getTime() * 1_000_000L);
            case LogicalTypes.CONNECT_TIMESTAMP -> value -> ((java.util.Date) value).toInstant();
            case LogicalTypes.DATE -> value -> LocalDate.ofEpochDay(((Number) value).longValue());
            case LogicalTypes.TIME -> value -> timeOfDay(((Number) value).longValue() * 1_000_000L);
            case LogicalTypes.MICRO_TIME ->
                    value -> timeOfDay(Math.multiplyExact(((Number) value).longValue(), 1_000L));
            case LogicalTypes.NANO_TIME -> value -> timeOfDay(((Number) value).longValue());
            case LogicalTypes.TIMESTAMP -> value -> Instant.ofEpochMilli(((Number) value).longValue());
            case LogicalTypes.MICRO_TIMESTAMP -> value -> {
                long micros = ((Number) value).longValue();
                return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L);
            };
            case LogicalTypes.NANO_TIMESTAMP -> value -> {
                long nanos = ((Number) value).longValue();
                return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                        Math.floorMod(nanos, 1_000_000_000L));
            };
            case LogicalTypes.ZONED_TIMESTAMP, LogicalTypes.ISO_TIMESTAMP ->
                    value -> IsoInstants.parse(value.toString());
            case LogicalTypes.ISO_DATE -> value -> LocalDate.parse(value.toString(), DateTimeFormatter.ISO_DATE);
            case LogicalTypes.ISO_TIME -> value -> LocalTime.parse(value.toString(), DateTimeFormatter.ISO_TIME);
            case LogicalTypes.UUID -> value -> UUID.fromString(value.toString());
            case LogicalTypes.VARIABLE_SCALE_DECIMAL -> value -> {
                Struct struct = (Struct) value;
                byte[] unscaled = bytes(struct.get("value"));
                return new BigDecimal(new BigInteger(unscaled), struct.getInt32("scale"));
            };
            default -> CqlValueConverter::dateAsInstant;
        };
    }

    private static Object dateAsInstant(Object value) {
        return value instanceof java.util.Date date ? date.toInstant() : value;
    }

    /** Turns a canonical value (see {@link #canonical}) into the Java type the driver binds for {@code target}. */
    private static UnaryOperator<Object> typedFor(DataType target, Schema schema) {
        if (target instanceof ListType list) {
            Conversion element = conversion(elementSchema(schema), list.getElementType());
            return value -> elements(value, schema, element, new ArrayList<>());
        }
        if (target instanceof SetType set) {
            Conversion element = conversion(elementSchema(schema), set.getElementType());
            return value -> elements(value, schema, element, new LinkedHashSet<>());
        }
        if (target instanceof MapType map) {
            boolean keyed = schema != null && schema.type() == Schema.Type.MAP;
            Conversion key = conversion(keyed ? schema.keySchema() : null, map.getKeyType());
            Conversion entry = conversion(keyed ? schema.valueSchema() : null, map.getValueType());
            return value -> map(value, key, entry);
        }
        if (target instanceof VectorType vector) {
            Conversion element = conversion(elementSchema(schema), vector.getElementType());
            return value -> {
                List<Object> items = elements(value, schema, element, new ArrayList<>());
                if (items.size() != vector.getDimensions()) {
                    throw new IllegalArgumentException(items.size() + " elements for " + vector.getDimensions()
                            + " dimensions");
                }
                return CqlVector.newInstance(items);
            };
        }
        if (target.equals(DataTypes.TEXT) || target.equals(DataTypes.ASCII)) {
            return value -> text(value, schema);
        }
        if (target.equals(DataTypes.BIGINT)) {
            return value -> integral(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (target.equals(DataTypes.INT)) {
            return value -> (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (target.equals(DataTypes.SMALLINT)) {
            return value -> (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (target.equals(DataTypes.TINYINT)) {
            return value -> (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        if (target.equals(DataTypes.VARINT)) {
            return value -> decimal(value).toBigIntegerExact();
        }
        if (target.equals(DataTypes.DECIMAL)) {
            return CqlValueConverter::decimal;
        }
        if (target.equals(DataTypes.DOUBLE)) {
            return value -> value instanceof String text ? Double.parseDouble(text.trim())
                    : number(value).doubleValue();
        }
        if (target.equals(DataTypes.FLOAT)) {
            return value -> value instanceof String text ? Float.parseFloat(text.trim()) : number(value).floatValue();
        }
        if (target.equals(DataTypes.BOOLEAN)) {
            return CqlValueConverter::bool;
        }
        if (target.equals(DataTypes.BLOB)) {
            return value -> value instanceof String text ? ByteBuffer.wrap(Base64.getDecoder().decode(text.trim()))
                    : ByteBuffer.wrap(bytes(value));
        }
        if (target.equals(DataTypes.TIMESTAMP)) {
            return CqlValueConverter::timestamp;
        }
        if (target.equals(DataTypes.DATE)) {
            return CqlValueConverter::date;
        }
        if (target.equals(DataTypes.TIME)) {
            return value -> value instanceof String text ? LocalTime.parse(text.trim())
                    : expect(value, LocalTime.class, "a time");
        }
        if (target.equals(DataTypes.UUID)) {
            return CqlValueConverter::uuid;
        }
        if (target.equals(DataTypes.TIMEUUID)) {
            return value -> {
                UUID uuid = uuid(value);
                if (uuid.version() != 1) {
                    throw new IllegalArgumentException("a timeuuid must be a version 1 UUID, not version "
                            + uuid.version());
                }
                return uuid;
            };
        }
        if (target.equals(DataTypes.INET)) {
            return CqlValueConverter::inet;
        }
        if (target.equals(DataTypes.DURATION)) {
            return value -> value instanceof String text ? CqlDuration.from(text.trim())
                    : expect(value, CqlDuration.class, "a duration");
        }
        return value -> {
            throw new IllegalArgumentException("the sink does not write " + target.asCql(false, true) + " columns");
        };
    }

    private static String text(Object value, Schema schema) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] || value instanceof ByteBuffer) {
            return Base64.getEncoder().encodeToString(bytes(value));
        }
        if (value instanceof Struct || value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return JsonText.render(value, schema);
        }
        return value.toString();
    }

    private static long integral(Object value, long min, long max) {
        long result;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            result = ((Number) value).longValue();
        } else {
            result = decimal(value).longValueExact();
        }
        if (result < min || result > max) {
            throw new IllegalArgumentException(result + " is out of range [" + min + ", " + max + "]");
        }
        return result;
    }

    /** Exact decimal of a number or numeric string; doubles by their shortest decimal form (2193.6). */
    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(d + " has no decimal value");
            }
            // never new BigDecimal(double): that would write 2193.599999999999909050529822707176208496...
            return value instanceof Float f ? new BigDecimal(f.toString()) : BigDecimal.valueOf(d);
        }
        if (value instanceof String text) {
            return new BigDecimal(text.trim());
        }
        throw new IllegalArgumentException("not a number");
    }

    private static Number number(Object value) {
        return expect(value, Number.class, "a number");
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String text) {
            if (text.trim().equalsIgnoreCase("true")) {
                return true;
            }
            if (text.trim().equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("not true or false");
        }
        if (value instanceof Number) {
            long n = integral(value, 0, 1);
            return n == 1;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static Instant timestamp(Object value) {
        Instant instant;
        if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof LocalDate date) {
            instant = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (value instanceof Long || value instanceof Integer) {
            instant = Instant.ofEpochMilli(((Number) value).longValue());
        } else if (value instanceof String text) {
            instant = IsoInstants.parse(text.trim());
        } else {
            throw new IllegalArgumentException("not a timestamp");
        }
        // Cassandra keeps milliseconds; toEpochMilli rounds toward the past
        return Instant.ofEpochMilli(instant.toEpochMilli());
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Instant instant) {
            if (Math.floorMod(instant.toEpochMilli(), MILLIS_PER_DAY) != 0 || instant.getNano() % 1_000_000 != 0) {
                throw new IllegalArgumentException(instant + " is not a whole day");
            }
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof String text) {
            return LocalDate.parse(text.trim(), DateTimeFormatter.ISO_DATE);
        }
        throw new IllegalArgumentException("not a date");
    }

    private static UUID uuid(Object value) {
        if (value instanceof UUID uuid) {
            return uuid;
        }
        if (value instanceof String text) {
            return UUID.fromString(text.trim());
        }
        byte[] bytes = bytes(value);
        if (bytes.length != 16) {
            throw new IllegalArgumentException(bytes.length + " bytes are not a UUID");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static InetAddress inet(Object value) {
        if (value instanceof InetAddress address) {
            return address;
        }
        try {
            if (value instanceof String text) {
                // only literal addresses: a host name would make the write depend on DNS
                if (!IP_LITERAL.matcher(text.trim()).matches()) {
                    throw new IllegalArgumentException("'" + text + "' is not an IP address");
                }
                return InetAddress.getByName(text.trim());
            }
            return InetAddress.getByAddress(bytes(value));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static Schema elementSchema(Schema schema) {
        return schema != null && schema.type() == Schema.Type.ARRAY ? schema.valueSchema() : null;
    }

    private static <C extends Collection<Object>> C elements(Object value, Schema schema, Conversion element, C out) {
        Collection<?> items;
        if (value instanceof Collection<?> collection) {
            items = collection;
        } else if (value instanceof String text && schema != null && LogicalTypes.ENUM_SET.equals(schema.name())) {
            // a MySQL SET value: 'a,b'; its members cannot contain commas
            items = text.isEmpty() ? List.of() : List.of(text.split(","));
        } else {
            throw new IllegalArgumentException("not a list");
        }
        for (Object item : items) {
            if (item == null) {
                throw new IllegalArgumentException("collections cannot hold null elements");
            }
            out.add(element.applyUnchecked(item));
        }
        return out;
    }

    private static Map<Object, Object> map(Object value, Conversion key, Conversion entryValue) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a map");
        }
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new IllegalArgumentException("maps cannot hold null keys or values");
            }
            out.put(key.applyUnchecked(entry.getKey()), entryValue.applyUnchecked(entry.getValue()));
        }
        return out;
    }

    private static LocalTime timeOfDay(long nanos) {
        if (nanos < 0 || nanos >= MILLIS_PER_DAY * 1_000_000L) {
            throw new IllegalArgumentException("time " + nanos / 1_000 + " µs is outside 00:00 to 24:00, "
                    + "which a CQL time cannot hold");
        }
        return LocalTime.ofNanoOfDay(nanos);
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        throw new IllegalArgumentException("not bytes");
    }

    private static <T> T expect(Object value, Class<T> type, String what) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("not " + what);
        }
        return type.cast(value);
    }

    private static String describe(Object value, Schema schema) {
        String type = schema == null ? value.getClass().getSimpleName()
                : schema.name() != null ? schema.name() : schema.type().toString();
        String text = String.valueOf(value instanceof byte[] bytes ? bytes.length + " bytes" : value);
        return type + " value '" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + "'";
    }
}
