package io.cdcsuite.transforms.util;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/** Struct access shared by the transforms. */
public final class Structs {
    private Structs() {
    }

    /**
     * The stored value of a field, its default not applied: what {@link Struct#getWithoutDefault} returns, without
     * the lookup by name when the field has no default. {@code field} must come from a schema equal to the struct's
     * (equal schemas have their fields at the same positions).
     */
    public static Object raw(Struct struct, Field field) {
        return field.schema().defaultValue() == null ? struct.get(field) : struct.getWithoutDefault(field.name());
    }
}
