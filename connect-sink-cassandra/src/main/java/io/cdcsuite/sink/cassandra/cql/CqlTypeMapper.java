package io.cdcsuite.sink.cassandra.cql;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.apache.kafka.connect.data.Schema;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;

/**
 * The CQL type {@code auto.create} and {@code auto.evolve} give a column, from the field's Connect schema (with
 * its Connect or Debezium logical type) or, for schemaless records, from the Java value. The table is in
 * connect-sink-cassandra/README.md; in short: exact decimals stay {@code decimal}, every Debezium time type
 * becomes {@code date}, {@code time} or {@code timestamp}, JSON/enum/XML text stays {@code text}.
 */
public final class CqlTypeMapper {
    private CqlTypeMapper() {
    }

    /** The column type for a field with this schema. */
    public static DataType typeFor(Schema schema) {
        String name = schema.name();
        if (name != null) {
            DataType logical = logicalType(name);
            if (logical != null) {
                return logical;
            }
        }
        return switch (schema.type()) {
            case INT8 -> DataTypes.TINYINT;
            case INT16 -> DataTypes.SMALLINT;
            case INT32 -> DataTypes.INT;
            case INT64 -> DataTypes.BIGINT;
            case FLOAT32 -> DataTypes.FLOAT;
            case FLOAT64 -> DataTypes.DOUBLE;
            case BOOLEAN -> DataTypes.BOOLEAN;
            case STRING -> DataTypes.TEXT;
            case BYTES -> DataTypes.BLOB;
            // a struct without a column.mapping for its fields is kept whole, as JSON text
            case STRUCT -> DataTypes.TEXT;
            case ARRAY -> DataTypes.listOf(frozen(typeFor(schema.valueSchema())));
            case MAP -> DataTypes.mapOf(frozen(typeFor(schema.keySchema())), frozen(typeFor(schema.valueSchema())));
        };
    }

    private static DataType logicalType(String name) {
        return switch (name) {
            case LogicalTypes.CONNECT_DECIMAL, LogicalTypes.VARIABLE_SCALE_DECIMAL -> DataTypes.DECIMAL;
            case LogicalTypes.CONNECT_DATE, LogicalTypes.DATE, LogicalTypes.ISO_DATE -> DataTypes.DATE;
            case LogicalTypes.CONNECT_TIME, LogicalTypes.TIME, LogicalTypes.MICRO_TIME, LogicalTypes.NANO_TIME,
                 LogicalTypes.ISO_TIME -> DataTypes.TIME;
            case LogicalTypes.CONNECT_TIMESTAMP, LogicalTypes.TIMESTAMP, LogicalTypes.MICRO_TIMESTAMP,
                 LogicalTypes.NANO_TIMESTAMP, LogicalTypes.ZONED_TIMESTAMP, LogicalTypes.ISO_TIMESTAMP ->
                    DataTypes.TIMESTAMP;
            case LogicalTypes.UUID -> DataTypes.UUID;
            case LogicalTypes.YEAR -> DataTypes.INT;
            case LogicalTypes.JSON, LogicalTypes.ENUM, LogicalTypes.ENUM_SET, LogicalTypes.XML,
                 LogicalTypes.ZONED_TIME -> DataTypes.TEXT;
            case LogicalTypes.BITS -> DataTypes.BLOB;
            default -> null;
        };
    }

    /**
     * The column type for a schemaless value: whole numbers {@code bigint} (or {@code varint} beyond 64 bits),
     * other numbers {@code decimal} (exact, whatever the next record holds), strings {@code text}, booleans
     * {@code boolean}, bytes {@code blob}, nested maps and lists {@code text} holding their JSON. Null for a
     * null value, whose type cannot be known.
     */
    public static DataType inferType(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return DataTypes.BIGINT;
        }
        if (value instanceof BigInteger) {
            return DataTypes.VARINT;
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            return DataTypes.DECIMAL;
        }
        if (value instanceof Boolean) {
            return DataTypes.BOOLEAN;
        }
        if (value instanceof byte[] || value instanceof java.nio.ByteBuffer) {
            return DataTypes.BLOB;
        }
        // strings, and nested maps and lists kept as JSON text
        return DataTypes.TEXT;
    }

    /** Collections inside collections, and collections in a primary key, must be frozen. */
    public static DataType frozen(DataType type) {
        if (type instanceof ListType list) {
            return DataTypes.listOf(list.getElementType(), true);
        }
        if (type instanceof SetType set) {
            return DataTypes.setOf(set.getElementType(), true);
        }
        if (type instanceof MapType map) {
            return DataTypes.mapOf(map.getKeyType(), map.getValueType(), true);
        }
        return type;
    }
}
