package io.cdcsuite.transforms.util;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;

import io.cdcsuite.common.envelope.Envelope;

/** Rebuilds an envelope around rewritten before/after rows, leaving source, op, ts_* and transaction as they are. */
public final class EnvelopeRows {
    private EnvelopeRows() {
    }

    /**
     * The envelope schema with each row schema replaced by {@code rowSchema} of it (computed once when before and
     * after share a schema, as they do in both capture paths), under {@code name}.
     */
    public static Schema schema(Schema envelope, String name, UnaryOperator<Schema> rowSchema) {
        Map<Schema, Schema> rewritten = new IdentityHashMap<>();
        SchemaBuilder builder = Schemas.renamedStruct(envelope, name);
        for (Field field : envelope.fields()) {
            boolean row = isRow(field.name());
            builder.field(field.name(), row ? rewritten.computeIfAbsent(field.schema(), rowSchema) : field.schema());
        }
        return builder.build();
    }

    /**
     * The envelope value under {@code schema} (from {@link #schema}), each non-null row rewritten by {@code row},
     * which is given the row and its field in the new schema.
     */
    public static Struct value(Struct envelope, Schema schema, BiFunction<Struct, Field, Struct> row) {
        Struct out = new Struct(schema);
        for (Field field : schema.fields()) {
            Object value = envelope.getWithoutDefault(field.name());
            if (value != null) {
                out.put(field, isRow(field.name()) ? row.apply((Struct) value, field) : value);
            }
        }
        return out;
    }

    /**
     * A copy of {@code struct} under a schema with the same fields and maybe more (renamed, say): raw values, defaults
     * not applied; the extra fields are left for the caller.
     */
    public static Struct copy(Struct struct, Schema schema) {
        Struct out = new Struct(schema);
        for (Field field : struct.schema().fields()) {
            Object value = Structs.raw(struct, field);
            if (value != null) {
                out.put(field.name(), value);
            }
        }
        return out;
    }

    private static boolean isRow(String field) {
        return Envelope.BEFORE.equals(field) || Envelope.AFTER.equals(field);
    }
}
