package io.cdcsuite.common.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.slf4j.LoggerFactory;

/**
 * Sets the fields of a struct that a connector or transform has just created, with values that are valid by construction: values
 * it converted to the field's type itself, and values taken unchanged from a struct whose field has an equal schema
 * (Connect validated them when they were put there; nested structs in full). {@link Struct#put} would validate each
 * of them again, a nested struct such as an envelope's source block field by field, building an error-location
 * string for every field: most of what rebuilding an envelope costs. So the value is written into the struct's
 * storage directly, when this Kafka version's Struct keeps its values as expected (checked once, on a sample struct);
 * otherwise it is put.
 */
public final class StructSlots {
    /** Struct's array of field values, by field index; null when Struct is not built that way. */
    private static final VarHandle VALUES = valuesHandle();

    private StructSlots() {
    }

    /**
     * Sets {@code field} (of {@code struct}'s schema, or a copy of it at the same index) to a non-null value valid for
     * its schema. Only for structs the caller created and has not handed out yet.
     */
    public static void set(Struct struct, Field field, Object value) {
        if (VALUES != null) {
            ((Object[]) VALUES.get(struct))[field.index()] = value;
        } else {
            struct.put(field, value);
        }
    }

    /** True when {@link #set} writes directly, false when it falls back to {@link Struct#put}. */
    public static boolean writesDirectly() {
        return VALUES != null;
    }

    private static VarHandle valuesHandle() {
        VarHandle handle = probe();
        if (handle == null) {
            LoggerFactory.getLogger(StructSlots.class).info("This Kafka version's Struct does not keep its values as "
                    + "expected: transforms fill new structs through Struct.put, which validates every value again");
        }
        return handle;
    }

    private static VarHandle probe() {
        try {
            VarHandle values = MethodHandles.privateLookupIn(Struct.class, MethodHandles.lookup())
                    .findVarHandle(Struct.class, "values", Object[].class);
            Schema schema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).field("b", Schema.STRING_SCHEMA)
                    .build();
            Struct sample = new Struct(schema);
            Object[] slots = (Object[]) values.get(sample);
            if (slots == null || slots.length != 2) {
                return null;
            }
            slots[0] = 1;
            slots[1] = "b";
            sample.validate();
            return sample.equals(new Struct(schema).put("a", 1).put("b", "b")) && "b".equals(sample.get("b"))
                    ? values : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
