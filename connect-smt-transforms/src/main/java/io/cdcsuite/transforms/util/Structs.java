package io.cdcsuite.transforms.util;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/** Struct access shared by the transforms. */
public final class Structs {
    private Structs() {
    }

    /**
     * The stored value of a field, its default not applied: what {@link Struct#getWithoutDefault} returns, without
     * its lookup by name unless {@link Struct#get(Field)} answers the default itself (unset, or set to that very
     * instance). {@code field} must come from a schema equal to the struct's (equal schemas have their fields at the
     * same positions).
     */
    public static Object raw(Struct struct, Field field) {
        Object value = struct.get(field);
        return value != null && value == field.schema().defaultValue() ? struct.getWithoutDefault(field.name()) : value;
    }

    /**
     * {@code field} without its name, for filling structs through {@link Struct#put(Field, Object)}: the value is
     * validated against the same schema and stored at the same position, but Kafka's validation builds an
     * error-location string from the field's name on every call, error or not (ConnectSchema.validateValue), which
     * costs more than the check itself. Whoever puts through it names the field in its own error messages.
     */
    public static Field unnamed(Field field) {
        return new Field(null, field.index(), field.schema());
    }
}
