package io.cdcsuite.transforms.util;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/** Schema-copying helpers shared by the transforms. */
public final class Schemas {
    private Schemas() {
    }

    /**
     * A builder of the same type carrying name, version, doc and parameters but neither optionality, default nor
     * fields: what Kafka's {@code SchemaUtil.copySchemaBasics} copies, and hence what Debezium's unwrapped schemas
     * look like (connect-transforms is not on a plugin's class path, so it is not used here).
     */
    public static SchemaBuilder copyBasics(Schema source) {
        SchemaBuilder builder = switch (source.type()) {
            case ARRAY -> SchemaBuilder.array(source.valueSchema());
            case MAP -> SchemaBuilder.map(source.keySchema(), source.valueSchema());
            default -> new SchemaBuilder(source.type());
        };
        return copyBasics(source, builder);
    }

    public static SchemaBuilder copyBasics(Schema source, SchemaBuilder builder) {
        builder.name(source.name());
        builder.version(source.version());
        builder.doc(source.doc());
        Map<String, String> parameters = source.parameters();
        if (parameters != null) {
            builder.parameters(parameters);
        }
        return builder;
    }

    /** A struct builder copying everything of {@code source} but its fields, under another name. */
    public static SchemaBuilder renamedStruct(Schema source, String name) {
        SchemaBuilder builder = SchemaBuilder.struct().name(name).version(source.version()).doc(source.doc());
        if (source.parameters() != null) {
            builder.parameters(source.parameters());
        }
        if (source.isOptional()) {
            builder.optional();
        }
        return builder;
    }

    /** A struct builder copying everything of {@code source} but its fields. */
    public static SchemaBuilder structLike(Schema source) {
        return renamedStruct(source, source.name());
    }
}
