package io.cdcsuite.transforms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

import io.cdcsuite.transforms.ConvertTimestampsConfig.TargetType;
import io.cdcsuite.transforms.ConvertTimestampsConfig.UnixPrecision;
import io.cdcsuite.transforms.temporal.ConnectTemporals;
import io.cdcsuite.transforms.temporal.TemporalKind;
import io.cdcsuite.transforms.temporal.TemporalType;

/**
 * The conversion {@link ConvertTimestamps} applies to each field: reads any temporal input (Debezium's and Connect's
 * logical types, epoch integers, strings, {@link java.util.Date}) at microsecond precision and writes the target type.
 */
final class TimestampConversion {
    /** ISO-8601 date, time, or both (separated by T or a space), each with an optional offset. */
    private static final DateTimeFormatter ISO_READER = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .optionalStart().append(DateTimeFormatter.ISO_LOCAL_DATE).optionalEnd()
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter(Locale.ROOT);

    /** A decoded input: its kind, and its value in the kind's unit (see {@link TemporalKind}). */
    record Decoded(TemporalKind kind, long value) {
    }

    /** Reads the values of one input schema. */
    interface Decoder {
        Decoded decode(Object value);
    }

    private final TargetType target;
    private final DateTimeFormatter format;
    private final ZoneId zone;
    private final UnixPrecision unixPrecision;

    TimestampConversion(TargetType target, DateTimeFormatter format, ZoneId zone, UnixPrecision unixPrecision) {
        this.target = target;
        this.format = format;
        this.zone = zone;
        this.unixPrecision = unixPrecision;
    }

    /** The decoder of a field's schema; throws when the schema holds nothing temporal. */
    Decoder decoderFor(Schema schema) {
        TemporalType temporal = TemporalType.of(schema);
        if (temporal != null) {
            return value -> new Decoded(temporal.kind(), temporal.decode(value));
        }
        return switch (schema.type()) {
            case INT32, INT64 -> value -> new Decoded(TemporalKind.TIMESTAMP, unixPrecision.toMicros(((Number) value).longValue()));
            case STRING -> value -> parse((String) value);
            default -> throw new DataException("a " + schema.type() + " field" + (schema.name() == null ? "" : " (" + schema.name() + ")")
                    + " holds no date or time");
        };
    }

    /** Decodes a schemaless value by its Java type. */
    Decoded decode(Object value) {
        if (value instanceof java.util.Date date) {
            return new Decoded(TemporalKind.TIMESTAMP, Math.multiplyExact(date.getTime(), 1_000L));
        }
        if (value instanceof Long || value instanceof Integer) {
            return new Decoded(TemporalKind.TIMESTAMP, unixPrecision.toMicros(((Number) value).longValue()));
        }
        if (value instanceof String text) {
            return parse(text);
        }
        throw new DataException("a value of type " + value.getClass().getName() + " holds no date or time");
    }

    Schema targetSchema(Schema source, Decoder decoder) {
        SchemaBuilder builder = switch (target) {
            case STRING -> SchemaBuilder.string();
            case UNIX_MS, UNIX_US -> SchemaBuilder.int64();
            case TIMESTAMP -> org.apache.kafka.connect.data.Timestamp.builder();
            case DATE -> org.apache.kafka.connect.data.Date.builder();
        };
        if (source.isOptional()) {
            builder.optional();
        }
        if (source.doc() != null) {
            builder.doc(source.doc());
        }
        if (source.defaultValue() != null) {
            builder.defaultValue(encode(decoder.decode(source.defaultValue())));
        }
        return builder.build();
    }

    Object encode(Decoded decoded) {
        long value = decoded.value();
        return switch (target) {
            case STRING -> format(decoded);
            case UNIX_MS -> Math.floorDiv(epochMicros(decoded), 1_000L);
            case UNIX_US -> epochMicros(decoded);
            case TIMESTAMP -> new java.util.Date(Math.floorDiv(epochMicros(decoded), 1_000L));
            case DATE -> ConnectTemporals.date(switch (decoded.kind()) {
                case TIMESTAMP -> instant(value).atZone(zone).toLocalDate().toEpochDay();
                case DATE -> value;
                case TIME -> 0L;
            });
        };
    }

    /** Instants as they are; dates at the start of the day in the zone; times of day since midnight. */
    private long epochMicros(Decoded decoded) {
        return switch (decoded.kind()) {
            case TIMESTAMP, TIME -> decoded.value();
            case DATE -> Math.multiplyExact(LocalDate.ofEpochDay(decoded.value()).atStartOfDay(zone).toEpochSecond(), 1_000_000L);
        };
    }

    private String format(Decoded decoded) {
        try {
            return switch (decoded.kind()) {
                case TIMESTAMP -> (format == null ? DateTimeFormatter.ISO_OFFSET_DATE_TIME : format)
                        .format(instant(decoded.value()).atZone(zone));
                case DATE -> format == null ? DateTimeFormatter.ISO_LOCAL_DATE.format(LocalDate.ofEpochDay(decoded.value()))
                        : format.format(LocalDate.ofEpochDay(decoded.value()).atStartOfDay(zone));
                case TIME -> (format == null ? DateTimeFormatter.ISO_LOCAL_TIME : format)
                        .format(LocalTime.ofNanoOfDay(Math.multiplyExact(decoded.value(), 1_000L)));
            };
        } catch (java.time.DateTimeException e) {
            throw new DataException("cannot format a " + decoded.kind().name().toLowerCase(Locale.ROOT)
                    + " with the configured format: " + e.getMessage(), e);
        }
    }

    private Decoded parse(String text) {
        DateTimeFormatter reader = (format == null ? ISO_READER : format).withZone(zone);
        TemporalAccessor parsed;
        try {
            parsed = reader.parseBest(text.trim(), ZonedDateTime::from, LocalDate::from, OffsetTime::from, LocalTime::from);
        } catch (java.time.DateTimeException e) {
            throw new DataException("cannot read '" + text + "' as a date or time"
                    + (format == null ? " (ISO-8601)" : " with the configured format"), e);
        }
        if (parsed instanceof ZonedDateTime dateTime) {
            Instant instant = dateTime.toInstant();
            return new Decoded(TemporalKind.TIMESTAMP,
                    Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000));
        }
        if (parsed instanceof LocalDate date) {
            return new Decoded(TemporalKind.DATE, date.toEpochDay());
        }
        LocalTime time = parsed instanceof OffsetTime offsetTime
                ? offsetTime.withOffsetSameInstant(ZoneOffset.UTC).toLocalTime() : (LocalTime) parsed;
        return new Decoded(TemporalKind.TIME, time.toNanoOfDay() / 1_000L);
    }

    private static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
    }
}
