package io.cdcsuite.source.timestamp.schema;

import java.util.function.UnaryOperator;

import org.apache.kafka.connect.data.Schema;

import io.cdcsuite.source.timestamp.catalog.ColumnDefinition;

/**
 * How one column reaches Kafka: its JDBC read kind, its Connect schema (Debezium's, with optionality and default)
 * and the conversion of a raw value to the Connect value.
 */
public final class ColumnMapping {
    private final ColumnDefinition column;
    private final RawKind rawKind;
    private final Schema schema;
    private final UnaryOperator<Object> converter;
    private final Object fallback;

    ColumnMapping(ColumnDefinition column, RawKind rawKind, Schema schema, UnaryOperator<Object> converter,
            Object fallback) {
        this.column = column;
        this.rawKind = rawKind;
        this.schema = schema;
        this.converter = converter;
        this.fallback = fallback;
    }

    public ColumnDefinition column() {
        return column;
    }

    public String name() {
        return column.name();
    }

    public RawKind rawKind() {
        return rawKind;
    }

    public Schema schema() {
        return schema;
    }

    /**
     * The Connect value of a raw value. NULL in a NOT NULL column (a zero date the driver turned into NULL) becomes
     * the schema default or the type's zero value, as Debezium does.
     */
    public Object toConnect(Object raw) {
        if (raw == null) {
            if (schema.isOptional()) {
                return null;
            }
            return schema.defaultValue() != null ? schema.defaultValue() : fallback;
        }
        return converter.apply(raw);
    }
}
