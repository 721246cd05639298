package io.cdcsuite.source.timestamp.schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

import io.cdcsuite.source.timestamp.catalog.ColumnDefinition;
import io.cdcsuite.source.timestamp.config.BigIntUnsignedHandlingMode;
import io.cdcsuite.source.timestamp.config.BinaryHandlingMode;
import io.cdcsuite.source.timestamp.config.TimePrecisionMode;

/**
 * Maps MySQL columns to Connect schemas and values exactly as Debezium's MySQL connector 3.6.1 does
 * ({@code MySqlValueConverters}, {@code BinlogValueConverters}, {@code JdbcValueConverters}): the same schema types,
 * logical names, versions and parameters, optional for nullable columns, with the column default as schema default
 * (see {@link DefaultValues}). Like Debezium's defaults, no {@code __debezium.source.column.*} parameters are added.
 */
public final class DebeziumTypeMapper {
    private static final Duration ONE_DAY = Duration.ofHours(24);

    private final TypeMappingOptions options;

    public DebeziumTypeMapper(TypeMappingOptions options) {
        this.options = options;
    }

    /** The mapping of a column; {@link UnsupportedColumnTypeException} for types without one. */
    public ColumnMapping map(ColumnDefinition column) {
        Base base = base(column);
        SchemaBuilder builder = base.builder();
        if (column.nullable()) {
            builder.optional();
        }
        Object rawDefault = DefaultValues.rawDefault(column, base.kind());
        if (rawDefault != null) {
            builder.defaultValue(base.converter().apply(rawDefault));
        }
        return new ColumnMapping(column, base.kind(), builder.build(), base.converter(), base.fallback());
    }

    private record Base(RawKind kind, SchemaBuilder builder, UnaryOperator<Object> converter, Object fallback) {
    }

    private Base base(ColumnDefinition column) {
        return switch (column.dataType()) {
            case "tinyint" -> int16();
            case "smallint" -> column.unsigned() ? int32() : int16();
            case "mediumint" -> int32();
            case "int", "integer" -> column.unsigned() ? int64() : int32();
            case "bigint" -> column.unsigned() ? bigintUnsigned() : int64();
            case "decimal", "numeric" -> decimal(column.numericPrecision(), column.scale().orElse(0));
            // FLOAT(M,D) is double precision for Debezium; FLOAT and FLOAT(p <= 24) single
            case "float" -> column.scale().isPresent()
                    ? new Base(RawKind.FLOAT, SchemaBuilder.float64(), v -> ((Number) v).doubleValue(), 0.0d)
                    : new Base(RawKind.FLOAT, SchemaBuilder.float32(), v -> ((Number) v).floatValue(), 0.0f);
            case "double", "real" -> new Base(RawKind.DOUBLE, SchemaBuilder.float64(), v -> ((Number) v).doubleValue(), 0.0d);
            case "bit" -> column.length() > 1 ? bits(column.length())
                    : new Base(RawKind.BOOLEAN, SchemaBuilder.bool(), v -> v, false);
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" ->
                    new Base(RawKind.STRING, SchemaBuilder.string(), v -> v, "");
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> binary(column);
            case "date" -> date();
            case "time" -> time();
            case "datetime" -> datetime(column.fractionalDigits());
            case "timestamp" -> new Base(RawKind.DATETIME,
                    DebeziumTypes.logical(SchemaBuilder.string(), DebeziumTypes.ZONED_TIMESTAMP),
                    v -> v instanceof String text ? text
                            : Temporals.zonedTimestamp((LocalDateTime) v, column.fractionalDigits()),
                    Temporals.EPOCH_ZONED_TIMESTAMP);
            case "year" -> new Base(RawKind.YEAR, DebeziumTypes.logical(SchemaBuilder.int32(), DebeziumTypes.YEAR),
                    v -> Temporals.adjustYear(((Number) v).intValue()), 0);
            case "enum" -> new Base(RawKind.STRING, DebeziumTypes.logical(SchemaBuilder.string(), DebeziumTypes.ENUM)
                    .parameter(DebeziumTypes.ALLOWED, allowed(column.enumOptions())), v -> v, "");
            case "set" -> new Base(RawKind.STRING, DebeziumTypes.logical(SchemaBuilder.string(), DebeziumTypes.ENUM_SET)
                    .parameter(DebeziumTypes.ALLOWED, allowed(column.enumOptions())), v -> v, "");
            case "json" -> new Base(RawKind.STRING, DebeziumTypes.logical(SchemaBuilder.string(), DebeziumTypes.JSON),
                    v -> v, "{}");
            default -> throw new UnsupportedColumnTypeException("column `" + column.name() + "` has type "
                    + column.columnType() + ", which this connector does not support");
        };
    }

    private static Base int16() {
        return new Base(RawKind.LONG, SchemaBuilder.int16(), v -> ((Number) v).shortValue(), (short) 0);
    }

    private static Base int32() {
        return new Base(RawKind.LONG, SchemaBuilder.int32(), v -> ((Number) v).intValue(), 0);
    }

    private static Base int64() {
        return new Base(RawKind.LONG, SchemaBuilder.int64(), v -> ((Number) v).longValue(), 0L);
    }

    private Base bigintUnsigned() {
        if (options.bigIntUnsignedMode() == BigIntUnsignedHandlingMode.LONG) {
            // BigDecimal.longValue keeps the low 64 bits: values above Long.MAX_VALUE wrap, as in Debezium
            return new Base(RawKind.UNSIGNED_BIGINT, SchemaBuilder.int64(), v -> ((BigDecimal) v).longValue(), 0L);
        }
        return new Base(RawKind.UNSIGNED_BIGINT,
                Decimal.builder(0).parameter(DebeziumTypes.DECIMAL_PRECISION, "20"),
                v -> ((BigDecimal) v).setScale(0, RoundingMode.HALF_UP), BigDecimal.ZERO);
    }

    private Base decimal(int precision, int scale) {
        UnaryOperator<Object> scaled = v -> ((BigDecimal) v).setScale(scale, RoundingMode.HALF_UP);
        BigDecimal zero = BigDecimal.ZERO.setScale(scale);
        return switch (options.decimalMode()) {
            case PRECISE -> new Base(RawKind.DECIMAL,
                    Decimal.builder(scale).parameter(DebeziumTypes.DECIMAL_PRECISION, String.valueOf(precision)),
                    scaled, zero);
            case DOUBLE -> new Base(RawKind.DECIMAL, SchemaBuilder.float64(), v -> ((BigDecimal) v).doubleValue(), 0.0d);
            case STRING -> new Base(RawKind.DECIMAL, SchemaBuilder.string(),
                    v -> ((BigDecimal) scaled.apply(v)).toPlainString(), zero.toPlainString());
        };
    }

    /** BIT(n > 1): MySQL returns big-endian bytes; Debezium emits them little-endian, padded to (n + 7) / 8 bytes. */
    private static Base bits(int length) {
        int size = (length + 7) / 8;
        return new Base(RawKind.BYTES,
                DebeziumTypes.logical(SchemaBuilder.bytes(), DebeziumTypes.BITS)
                        .parameter(DebeziumTypes.BITS_LENGTH, Integer.toString(length)),
                v -> {
                    byte[] bigEndian = (byte[]) v;
                    byte[] littleEndian = new byte[Math.max(size, bigEndian.length)];
                    for (int i = 0; i < bigEndian.length; i++) {
                        littleEndian[i] = bigEndian[bigEndian.length - 1 - i];
                    }
                    return littleEndian;
                },
                new byte[0]);
    }

    private Base binary(ColumnDefinition column) {
        // BINARY(n) values are right-padded with 0x00 to n bytes, as Debezium does (DBZ-254)
        int padTo = column.dataType().equals("binary") ? column.length() : 0;
        UnaryOperator<Object> padded = v -> {
            byte[] bytes = (byte[]) v;
            return bytes.length < padTo ? Arrays.copyOf(bytes, padTo) : bytes;
        };
        BinaryHandlingMode mode = options.binaryMode();
        return switch (mode) {
            case BYTES -> new Base(RawKind.BYTES, SchemaBuilder.bytes(),
                    v -> ByteBuffer.wrap((byte[]) padded.apply(v)), ByteBuffer.wrap(new byte[0]));
            case BASE64 -> new Base(RawKind.BYTES, SchemaBuilder.string(),
                    v -> Base64.getEncoder().encodeToString((byte[]) padded.apply(v)), "");
            case BASE64_URL_SAFE -> new Base(RawKind.BYTES, SchemaBuilder.string(),
                    v -> Base64.getUrlEncoder().encodeToString((byte[]) padded.apply(v)), "");
            case HEX -> new Base(RawKind.BYTES, SchemaBuilder.string(),
                    v -> HexFormat.of().formatHex((byte[]) padded.apply(v)), "");
        };
    }

    private Base date() {
        if (options.timePrecisionMode() == TimePrecisionMode.CONNECT) {
            return new Base(RawKind.DATE, org.apache.kafka.connect.data.Date.builder(),
                    v -> new java.util.Date(Temporals.adjustYear((LocalDate) v).toEpochDay() * 86_400_000L),
                    new java.util.Date(0));
        }
        return new Base(RawKind.DATE, DebeziumTypes.logical(SchemaBuilder.int32(), DebeziumTypes.DATE),
                v -> (int) Temporals.adjustYear((LocalDate) v).toEpochDay(), 0);
    }

    private Base time() {
        if (options.timePrecisionMode() == TimePrecisionMode.CONNECT) {
            return new Base(RawKind.TIME, org.apache.kafka.connect.data.Time.builder(), v -> {
                Duration duration = (Duration) v;
                if (duration.isNegative() || duration.compareTo(ONE_DAY) > 0) {
                    throw new DataException("TIME value " + Temporals.timeLiteral(duration)
                            + " is outside 00:00:00-24:00:00, which time.precision.mode=connect cannot represent");
                }
                return new java.util.Date(duration.toMillis());
            }, new java.util.Date(0));
        }
        return new Base(RawKind.TIME, DebeziumTypes.logical(SchemaBuilder.int64(), DebeziumTypes.MICRO_TIME),
                v -> ((Duration) v).toNanos() / 1_000, 0L);
    }

    private Base datetime(int fractionalDigits) {
        if (options.timePrecisionMode() == TimePrecisionMode.CONNECT) {
            return new Base(RawKind.DATETIME, org.apache.kafka.connect.data.Timestamp.builder(),
                    v -> new java.util.Date(Temporals.epochMillis(Temporals.adjustYear((LocalDateTime) v))),
                    new java.util.Date(0));
        }
        if (fractionalDigits <= 3) {
            return new Base(RawKind.DATETIME, DebeziumTypes.logical(SchemaBuilder.int64(), DebeziumTypes.TIMESTAMP),
                    v -> Temporals.epochMillis(Temporals.adjustYear((LocalDateTime) v)), 0L);
        }
        return new Base(RawKind.DATETIME, DebeziumTypes.logical(SchemaBuilder.int64(), DebeziumTypes.MICRO_TIMESTAMP),
                v -> Temporals.epochMicros(Temporals.adjustYear((LocalDateTime) v)), 0L);
    }

    /** Debezium's {@code allowed} parameter: the options joined by commas, commas inside an option escaped. */
    private static String allowed(List<String> options) {
        return String.join(",", options.stream().map(o -> o.replace(",", "\\,")).toList());
    }
}
