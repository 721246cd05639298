package io.cdcsuite.transforms;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

import io.cdcsuite.common.data.StructSlots;
import io.cdcsuite.transforms.temporal.TemporalType;
import io.cdcsuite.transforms.util.SchemaCache;
import io.cdcsuite.transforms.util.Schemas;
import io.cdcsuite.transforms.util.Structs;

/**
 * Plans, once per schema, how {@link Normalize} rewrites values of that schema: which fields change type, the
 * normalized schema, and a converter. Structs are walked recursively, so an envelope (whose before/after share one
 * row schema) and a flat row are handled alike; arrays and maps of convertible types are converted too.
 */
final class SchemaNormalizer {
    static final String SOURCE_COLUMN_TYPE = "__debezium.source.column.type";
    static final String SOURCE_COLUMN_SCALE = "__debezium.source.column.scale";
    static final String SOURCE_COLUMN_LENGTH = "__debezium.source.column.length";
    private static final String YEAR = "io.debezium.time.Year";
    private static final String CONNECT_DECIMAL_PRECISION = "connect.decimal.precision";
    private static final Pattern DECIMAL_COLUMN_TYPE = Pattern.compile("(?i)(DECIMAL|NUMERIC|DEC|FIXED)\\b.*");

    /**
     * A schema's normalized form; {@code converter} is null when neither schema nor values change. A changed struct
     * also has its {@link StructBuilder}, with which a parent struct builds it in two steps.
     */
    record Plan(Schema schema, UnaryOperator<Object> converter, TemporalConversion temporal, StructBuilder struct) {
        Plan(Schema schema, UnaryOperator<Object> converter, TemporalConversion temporal) {
            this(schema, converter, temporal, null);
        }

        static Plan unchanged(Schema schema) {
            return new Plan(schema, null, null);
        }

        boolean changes() {
            return converter != null;
        }

        Object convert(Object value) {
            return value == null || converter == null ? value : converter.apply(value);
        }
    }

    private final NormalizeConfig config;
    private final MicrosHandling microsHandling;
    private final String microsSuffix;
    private final DecimalConversion variableScaleDecimals;
    private final SchemaCache<Schema, Plan> plans = new SchemaCache<>(schema -> new Planner().plan(schema, null));

    SchemaNormalizer(NormalizeConfig config) {
        this.config = config;
        this.microsHandling = config.microsHandling();
        this.microsSuffix = config.microsFieldSuffix();
        this.variableScaleDecimals = new DecimalConversion(config.variableScaleDecimalScale(), config.decimalRoundingMode());
    }

    Plan plan(Schema schema) {
        return plans.get(schema);
    }

    /** One planning pass; remembers the plans of the schemas it met, so before and after share one new row schema. */
    private final class Planner {
        private final Map<Schema, Plan> planned = new IdentityHashMap<>();

        Plan plan(Schema schema, String fieldName) {
            Plan plan = planned.get(schema);
            if (plan == null) {
                plan = planUncached(schema, fieldName);
                // STRING plans depend on the field name (string.decimal.fields), so they are not shared
                if (schema.type() != Schema.Type.STRING) {
                    planned.put(schema, plan);
                }
            }
            return plan;
        }

        private Plan planUncached(Schema schema, String fieldName) {
            TemporalType temporal = TemporalType.of(schema);
            if (temporal != null && temporal.isDebezium() && config.converts(temporal.simpleName())) {
                return temporalPlan(schema, new TemporalConversion(temporal, microsHandling));
            }
            if (YEAR.equals(schema.name()) && config.converts(NormalizeConfig.YEAR)) {
                return yearPlan(schema);
            }
            if (DecimalConversion.VARIABLE_SCALE_DECIMAL.equals(schema.name())
                    && config.converts(NormalizeConfig.VARIABLE_SCALE_DECIMAL)) {
                return decimalPlan(schema, config.variableScaleDecimalScale(), variableScaleDecimals::fromVariableScale);
            }
            if (schema.type() == Schema.Type.STRING && config.converts(NormalizeConfig.STRING_DECIMAL)) {
                Integer scale = stringDecimalScale(schema, fieldName);
                if (scale != null) {
                    DecimalConversion decimals = new DecimalConversion(scale, config.decimalRoundingMode());
                    return decimalPlan(schema, scale, decimals::fromText);
                }
            }
            return switch (schema.type()) {
                case STRUCT -> structPlan(schema);
                case ARRAY -> arrayPlan(schema);
                case MAP -> mapPlan(schema);
                default -> Plan.unchanged(schema);
            };
        }

        private Plan temporalPlan(Schema schema, TemporalConversion conversion) {
            SchemaBuilder builder = switch (conversion.type().kind()) {
                case TIMESTAMP -> org.apache.kafka.connect.data.Timestamp.builder();
                case DATE -> org.apache.kafka.connect.data.Date.builder();
                case TIME -> org.apache.kafka.connect.data.Time.builder();
            };
            return new Plan(finish(builder, schema, conversion::toConnect), conversion::toConnect, conversion);
        }

        private Plan yearPlan(Schema schema) {
            return new Plan(finish(SchemaBuilder.int32(), schema, UnaryOperator.identity()), UnaryOperator.identity(),
                    null);
        }

        private Plan decimalPlan(Schema schema, int scale, UnaryOperator<Object> convert) {
            SchemaBuilder builder = Decimal.builder(scale);
            String length = schema.parameters() == null ? null : schema.parameters().get(SOURCE_COLUMN_LENGTH);
            if (length != null) {
                builder.parameter(CONNECT_DECIMAL_PRECISION, length);
            }
            return new Plan(finish(builder, schema, convert), convert, null);
        }

        /** Carries optionality, doc, parameters and the converted default of the original schema over. */
        private Schema finish(SchemaBuilder builder, Schema original, UnaryOperator<Object> convert) {
            if (original.parameters() != null) {
                original.parameters().forEach((key, value) -> {
                    if (builder.parameters() == null || !builder.parameters().containsKey(key)) {
                        builder.parameter(key, value);
                    }
                });
            }
            if (original.doc() != null) {
                builder.doc(original.doc());
            }
            if (original.isOptional()) {
                builder.optional();
            }
            if (original.defaultValue() != null) {
                builder.defaultValue(convert.apply(original.defaultValue()));
            }
            return builder.build();
        }

        private Plan structPlan(Schema schema) {
            SchemaBuilder builder = Schemas.structLike(schema);
            List<FieldPlan> fieldPlans = new ArrayList<>();
            boolean changes = false;
            for (Field field : schema.fields()) {
                Plan plan = plan(field.schema(), field.name());
                changes |= plan.changes();
                builder.field(field.name(), plan.schema());
                String microsName = null;
                if (microsHandling == MicrosHandling.ADD_FIELD && plan.temporal() != null
                        && plan.temporal().type().subMillisecond()) {
                    microsName = field.name() + microsSuffix;
                    if (schema.field(microsName) != null) {
                        throw new DataException("Cannot add field '" + microsName + "' for the microseconds of '"
                                + field.name() + "': schema " + schema.name() + " already has it");
                    }
                    builder.field(microsName, microsSchema(field.schema(), plan.temporal()));
                }
                fieldPlans.add(new FieldPlan(field, plan, microsName));
            }
            if (!changes) {
                return Plan.unchanged(schema);
            }
            Schema normalized = builder.build();
            List<FieldCopy> required = new ArrayList<>();
            List<FieldCopy> others = new ArrayList<>();
            for (FieldPlan fieldPlan : fieldPlans) {
                Schema target = normalized.field(fieldPlan.source().name()).schema();
                boolean mustBeSet = !target.isOptional() && target.defaultValue() == null;
                (mustBeSet ? required : others).add(fieldPlan.copyInto(normalized));
            }
            StructBuilder struct = new StructBuilder(schema, normalized, required.toArray(FieldCopy[]::new),
                    others.toArray(FieldCopy[]::new));
            return new Plan(normalized, struct::build, null, struct);
        }

        private Schema microsSchema(Schema temporalSchema, TemporalConversion conversion) {
            SchemaBuilder builder = SchemaBuilder.int64();
            if (temporalSchema.isOptional()) {
                builder.optional();
            }
            if (temporalSchema.defaultValue() != null) {
                builder.defaultValue(conversion.micros(temporalSchema.defaultValue()));
            }
            return builder.build();
        }

        private Plan arrayPlan(Schema schema) {
            Plan element = plan(schema.valueSchema(), null);
            if (!element.changes()) {
                return Plan.unchanged(schema);
            }
            UnaryOperator<Object> convert = value -> {
                List<?> in = (List<?>) value;
                List<Object> out = new ArrayList<>(in.size());
                in.forEach(item -> out.add(element.convert(item)));
                return out;
            };
            SchemaBuilder builder = Schemas.copyBasics(schema, SchemaBuilder.array(element.schema()));
            return new Plan(finishContainer(builder, schema, convert), convert, null);
        }

        private Plan mapPlan(Schema schema) {
            Plan key = plan(schema.keySchema(), null);
            Plan value = plan(schema.valueSchema(), null);
            if (!key.changes() && !value.changes()) {
                return Plan.unchanged(schema);
            }
            UnaryOperator<Object> convert = map -> {
                Map<Object, Object> out = new LinkedHashMap<>();
                ((Map<?, ?>) map).forEach((k, v) -> out.put(key.convert(k), value.convert(v)));
                return out;
            };
            SchemaBuilder builder = Schemas.copyBasics(schema, SchemaBuilder.map(key.schema(), value.schema()));
            return new Plan(finishContainer(builder, schema, convert), convert, null);
        }

        private Schema finishContainer(SchemaBuilder builder, Schema original, UnaryOperator<Object> convert) {
            if (original.isOptional()) {
                builder.optional();
            }
            if (original.defaultValue() != null) {
                builder.defaultValue(convert.apply(original.defaultValue()));
            }
            return builder.build();
        }
    }

    private Integer stringDecimalScale(Schema schema, String fieldName) {
        Integer configured = fieldName == null ? null : config.stringDecimalScales().get(fieldName);
        if (configured != null) {
            return configured;
        }
        Map<String, String> parameters = schema.parameters();
        if (parameters == null) {
            return null;
        }
        String columnType = parameters.get(SOURCE_COLUMN_TYPE);
        String scale = parameters.get(SOURCE_COLUMN_SCALE);
        if (columnType == null || scale == null || !DECIMAL_COLUMN_TYPE.matcher(columnType).matches()) {
            return null;
        }
        return Integer.valueOf(scale);
    }

    private record FieldPlan(Field source, Plan plan, String microsName) {
        FieldCopy copyInto(Schema normalized) {
            Field target = Structs.unnamed(normalized.field(source.name()));
            if (microsName != null) {
                return new TemporalWithMicros(source, target, Structs.unnamed(normalized.field(microsName)),
                        plan.temporal());
            }
            if (plan.struct() != null) {
                return new NestedStruct(source, target, plan.struct());
            }
            return new Converted(source, target, plan.changes() ? plan.converter() : null);
        }
    }

    /**
     * Builds the normalized struct of one schema, through {@link StructSlots}: every value is either converted here or
     * taken from the input struct, whose schema is checked to be the planned one, so none needs validating again. The
     * fields that must be set (required, no default) come first: should StructSlots fall back to {@link Struct#put},
     * which validates a struct value in full, a parent holds its new child struct while only that part is set
     * ({@link NestedStruct}).
     */
    private static final class StructBuilder {
        private final Schema input;
        private final Schema schema;
        private final FieldCopy[] required;
        private final FieldCopy[] others;

        StructBuilder(Schema input, Schema schema, FieldCopy[] required, FieldCopy[] others) {
            this.input = input;
            this.schema = schema;
            this.required = required;
            this.others = others;
        }

        Object build(Object value) {
            Struct in = (Struct) value;
            Struct out = start(in);
            finish(in, out);
            return out;
        }

        /** A new struct holding the fields that must be set: valid, so it can be put into its parent. */
        Struct start(Struct in) {
            // fields are read by position: a struct of another schema (a record whose value schema is not its
            // struct's) would have its values copied unchecked into the wrong fields
            if (in.schema() != input && !in.schema().equals(input)) {
                throw new DataException("Struct schema " + in.schema().name() + " is not the schema planned for, "
                        + input.name() + " (a value schema that does not match its struct?)");
            }
            Struct out = new Struct(schema);
            for (FieldCopy step : required) {
                step.copy(in, out);
            }
            return out;
        }

        void finish(Struct in, Struct out) {
            for (FieldCopy step : others) {
                step.copy(in, out);
            }
        }
    }

    /**
     * Copies one field of a struct into the normalized struct: reads through the field of the original schema, sets
     * through the {@linkplain Structs#unnamed unnamed} field of the normalized one, and names the field when it fails.
     */
    private interface FieldCopy {
        void copy(Struct in, Struct out);
    }

    /** Null stays unset, so a default in the normalized schema still applies as it did before. */
    private record Converted(Field source, Field target, UnaryOperator<Object> convert) implements FieldCopy {
        @Override
        public void copy(Struct in, Struct out) {
            Object value = Structs.raw(in, source);
            if (value != null) {
                try {
                    StructSlots.set(out, target, convert == null ? value : convert.apply(value));
                } catch (DataException e) {
                    throw new DataException("Field '" + source.name() + "': " + e.getMessage(), e);
                }
            }
        }
    }

    /** A changed struct field (an envelope's before and after): set in the parent before it is filled. */
    private record NestedStruct(Field source, Field target, StructBuilder builder) implements FieldCopy {
        @Override
        public void copy(Struct in, Struct out) {
            Object value = Structs.raw(in, source);
            if (value != null) {
                try {
                    Struct nestedIn = (Struct) value;
                    Struct nested = builder.start(nestedIn);
                    StructSlots.set(out, target, nested);
                    builder.finish(nestedIn, nested);
                } catch (DataException e) {
                    throw new DataException("Field '" + source.name() + "': " + e.getMessage(), e);
                }
            }
        }
    }

    private record TemporalWithMicros(Field source, Field target, Field micros, TemporalConversion conversion)
            implements FieldCopy {
        @Override
        public void copy(Struct in, Struct out) {
            Object value = Structs.raw(in, source);
            if (value != null) {
                try {
                    long exact = conversion.micros(value);
                    StructSlots.set(out, target, conversion.fromDecoded(exact));
                    StructSlots.set(out, micros, exact);
                } catch (DataException e) {
                    throw new DataException("Field '" + source.name() + "': " + e.getMessage(), e);
                }
            }
        }
    }
}
