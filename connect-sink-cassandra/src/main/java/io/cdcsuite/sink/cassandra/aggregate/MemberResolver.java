package io.cdcsuite.sink.cassandra.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.cql.CqlValueConverter;
import io.cdcsuite.sink.cassandra.mapping.FieldValue;
import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;
import io.cdcsuite.sink.cassandra.mapping.RowChange;

/** Works out a change's membership in an aggregate from the row's fields. */
final class MemberResolver {
    private MemberResolver() {
    }

    /** The row's membership after the change, or null when it does not count (delete, WHERE, NULL group or time). */
    static Membership resolve(AggregateLayout layout, RowChange change) {
        if (change.kind() == RowChange.Kind.DELETE) {
            return null;
        }
        AggregateDefinition definition = layout.definition();
        Map<String, FieldValue> fields = fields(change);
        Function<String, Object> row = name -> canonical(fields.get(name));
        if (definition.where() != null && !definition.where().test(row)) {
            return null;
        }
        List<Object> slot = new ArrayList<>();
        for (String column : definition.groupBy()) {
            Object value = convert(fields.get(column), layout.groupTypes().get(column), column);
            if (value == null) {
                return null; // Cassandra keys cannot be null: rows with a NULL group value form no group
            }
            slot.add(value);
        }
        if (definition.window() != null) {
            String field = definition.window().field();
            Object time = convert(fields.get(field), DataTypes.TIMESTAMP, field);
            if (time == null) {
                return null;
            }
            slot.add(definition.window().start((Instant) time));
        }
        List<Object> contributions = new ArrayList<>();
        for (int i = 0; i < definition.measures().size(); i++) {
            Measure measure = definition.measures().get(i);
            if (measure.filter() != null && !measure.filter().test(row)) {
                contributions.add(null);
            } else if (measure.field() == null) {
                contributions.add((byte) 1);
            } else {
                Object value = convert(fields.get(measure.field()),
                        measure.function() == Measure.Function.COUNT ? null : layout.contributionTypes().get(i),
                        measure.field());
                contributions.add(measure.function() == Measure.Function.COUNT ? (value == null ? null : (byte) 1)
                        : value);
            }
        }
        return new Membership(slot, contributions);
    }

    /** The source row's identity: its primary key values as text, the same for both capture paths. */
    static String memberKey(RowChange change) {
        List<Object> values = new ArrayList<>();
        if (!change.keyColumns().isEmpty()) {
            change.keyColumns().values().forEach(value -> values.add(canonical(value)));
        } else if (change.primitiveKey() != null) {
            values.add(canonical(change.primitiveKey()));
        } else {
            throw new RecordMappingException("the record has no key: an aggregate needs the source row's primary key");
        }
        StringBuilder key = new StringBuilder();
        for (Object value : values) {
            if (!key.isEmpty()) {
                key.append('\u001f');
            }
            key.append(text(value));
        }
        return key.toString();
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return String.valueOf(value);
    }

    /** The row's fields, key fields included (they may be grouped or filtered on too). */
    static Map<String, FieldValue> fields(RowChange change) {
        Map<String, FieldValue> fields = new HashMap<>(change.valueColumns());
        change.keyColumns().forEach(fields::putIfAbsent);
        return fields;
    }

    private static Object canonical(FieldValue field) {
        return field == null || field.value() == null ? null : CqlValueConverter.canonical(field.value(), field.schema());
    }

    /** The field's value as a CQL value of the type (null type: just whether it is null). */
    private static Object convert(FieldValue field, DataType type, String column) {
        if (field == null || field.value() == null) {
            return null;
        }
        if (type == null) {
            return field.value();
        }
        return CqlValueConverter.convert(field.value(), field.schema(), type, column);
    }
}
