package io.cdcsuite.transforms;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

import io.cdcsuite.common.envelope.ChangeEvent;
import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.transforms.util.EnvelopeRows;
import io.cdcsuite.transforms.util.Records;
import io.cdcsuite.transforms.util.SchemaCache;
import io.cdcsuite.transforms.util.Schemas;

/**
 * Converts several date/time fields at once, at microsecond precision, to a string (with a format and time zone),
 * epoch milliseconds or microseconds, or Connect's Timestamp or Date. Kafka's TimestampConverter handles one field
 * and goes through {@link java.util.Date}, losing microseconds (KAFKA-10627); this one reads Debezium's micro- and
 * nanosecond types as they are. Envelopes have their before and after rows converted.
 */
public abstract class ConvertTimestamps<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    public static final String OVERVIEW_DOC = "Converts the listed date/time fields (in flat rows, or in the before "
            + "and after rows of envelopes) to string, unix_ms, unix_us, Timestamp or Date, keeping microseconds "
            + "wherever the target can hold them. Inputs: Debezium's io.debezium.time.* types, Connect's Date/Time/"
            + "Timestamp, integers since the epoch (unix.precision) and strings (format, or ISO-8601). Use <code>"
            + Key.class.getName() + "</code> for the key and <code>" + Value.class.getName() + "</code> for the value.";

    public static final ConfigDef CONFIG_DEF = ConvertTimestampsConfig.CONFIG_DEF;

    private Set<String> fields;
    private TimestampConversion conversion;
    private SchemaCache<Schema, Plan> plans;

    @Override
    public void configure(Map<String, ?> configs) {
        ConvertTimestampsConfig config = new ConvertTimestampsConfig(configs);
        fields = Set.copyOf(config.fields());
        conversion = new TimestampConversion(config.targetType(), config.format(), config.timezone(), config.unixPrecision());
        plans = new SchemaCache<>(this::plan);
    }

    @Override
    public R apply(R record) {
        Object value = operatingValue(record);
        if (value == null) {
            return record;
        }
        try {
            if (value instanceof Struct struct) {
                Plan plan = plans.get(struct.schema());
                return plan == Plan.UNCHANGED ? record : newRecord(record, plan.schema(), plan.convert().apply(struct));
            }
            if (value instanceof Map<?, ?> map) {
                return newRecord(record, null, convertSchemaless(map));
            }
            return record;
        } catch (DataException | ClassCastException e) {
            throw Records.dataError(record, getClass().getName(), e.getMessage(), e);
        }
    }

    private Plan plan(Schema schema) {
        if (Envelope.isEnvelope(schema)) {
            Map<Schema, RowPlan> rows = new IdentityHashMap<>();
            RowPlan before = rowPlan(schema.field(Envelope.BEFORE).schema(), rows);
            RowPlan after = rowPlan(schema.field(Envelope.AFTER).schema(), rows);
            if (before == null && after == null) {
                return Plan.UNCHANGED;
            }
            Schema envelope = EnvelopeRows.schema(schema, schema.name(), row -> rows.get(row) == null ? row : rows.get(row).schema());
            return new Plan(envelope, value -> EnvelopeRows.value((Struct) value, envelope, (row, field) -> {
                RowPlan plan = Envelope.BEFORE.equals(field.name()) ? before : after;
                return plan == null ? row : plan.convert(row);
            }));
        }
        if (schema.type() != Schema.Type.STRUCT) {
            return Plan.UNCHANGED;
        }
        RowPlan row = rowPlan(schema, new IdentityHashMap<>());
        return row == null ? Plan.UNCHANGED : new Plan(row.schema(), value -> row.convert((Struct) value));
    }

    /** The plan of a row schema, or null when it has none of the fields; memoized so before and after share it. */
    private RowPlan rowPlan(Schema row, Map<Schema, RowPlan> memo) {
        if (memo.containsKey(row)) {
            return memo.get(row);
        }
        RowPlan plan = null;
        if (row.type() == Schema.Type.STRUCT && row.fields().stream().anyMatch(field -> fields.contains(field.name()))) {
            SchemaBuilder builder = Schemas.structLike(row);
            List<TimestampConversion.Decoder> decoders = new ArrayList<>();
            for (Field field : row.fields()) {
                if (fields.contains(field.name())) {
                    TimestampConversion.Decoder decoder = decoderFor(row, field);
                    decoders.add(decoder);
                    builder.field(field.name(), conversion.targetSchema(field.schema(), decoder));
                } else {
                    decoders.add(null);
                    builder.field(field.name(), field.schema());
                }
            }
            plan = new RowPlan(builder.build(), decoders.toArray(TimestampConversion.Decoder[]::new));
        }
        memo.put(row, plan);
        return plan;
    }

    private TimestampConversion.Decoder decoderFor(Schema row, Field field) {
        try {
            return conversion.decoderFor(field.schema());
        } catch (DataException e) {
            throw new DataException("field '" + field.name() + "' of " + row.name() + ": " + e.getMessage(), e);
        }
    }

    private Map<Object, Object> convertSchemaless(Map<?, ?> value) {
        if (!ChangeEvent.isEnvelope(null, value)) {
            return convertRow(value);
        }
        Map<Object, Object> envelope = new LinkedHashMap<>(value);
        for (String side : new String[] {Envelope.BEFORE, Envelope.AFTER}) {
            if (envelope.get(side) instanceof Map<?, ?> row) {
                envelope.put(side, convertRow(row));
            }
        }
        return envelope;
    }

    private Map<Object, Object> convertRow(Map<?, ?> row) {
        Map<Object, Object> out = new LinkedHashMap<>(row);
        for (String field : fields) {
            Object value = row.get(field);
            if (value != null) {
                out.put(field, encodeField(field, conversion.decode(value)));
            }
        }
        return out;
    }

    private Object encodeField(String field, TimestampConversion.Decoded decoded) {
        try {
            return conversion.encode(decoded);
        } catch (DataException e) {
            throw new DataException("field '" + field + "': " + e.getMessage(), e);
        }
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return PluginVersion.VERSION;
    }

    @Override
    public void close() {
    }

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema schema, Object value);

    /** How the values of one record schema are converted. */
    private record Plan(Schema schema, UnaryOperator<Object> convert) {
        static final Plan UNCHANGED = new Plan(null, null);
    }

    /** One row schema's converted schema, and per field its decoder (null: copied as is). */
    private final class RowPlan {
        private final Schema schema;
        private final TimestampConversion.Decoder[] decoders;

        RowPlan(Schema schema, TimestampConversion.Decoder[] decoders) {
            this.schema = schema;
            this.decoders = decoders;
        }

        Schema schema() {
            return schema;
        }

        Struct convert(Struct row) {
            Struct out = new Struct(schema);
            List<Field> targets = schema.fields();
            for (int i = 0; i < decoders.length; i++) {
                Field target = targets.get(i);
                Object value = row.getWithoutDefault(target.name());
                if (value != null) {
                    out.put(target, decoders[i] == null ? value : encodeField(target.name(), decoders[i].decode(value)));
                }
            }
            return out;
        }
    }

    /** Converts fields of the record key. */
    public static class Key<R extends ConnectRecord<R>> extends ConvertTimestamps<R> {
        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected R newRecord(R record, Schema schema, Object value) {
            return Records.withKey(record, schema, value);
        }
    }

    /** Converts fields of the record value: an envelope's rows, or a flat row. */
    public static class Value<R extends ConnectRecord<R>> extends ConvertTimestamps<R> {
        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected R newRecord(R record, Schema schema, Object value) {
            return Records.withValue(record, schema, value);
        }
    }
}
