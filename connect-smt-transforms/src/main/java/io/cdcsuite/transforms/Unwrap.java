package io.cdcsuite.transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;

import io.cdcsuite.common.envelope.ChangeEvent;
import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.transforms.util.Records;
import io.cdcsuite.transforms.util.SchemaCache;
import io.cdcsuite.transforms.util.Schemas;
import io.cdcsuite.transforms.util.Structs;

/**
 * Replaces a change-event envelope by the row state, as Debezium's {@code io.debezium.transforms.ExtractNewRecordState}
 * does, with the same configuration keys and the same output (schemas, values, headers) for envelopes with a schema;
 * schemaless (Map) envelopes, which Debezium's passes through, are unwrapped the same way. Records that are not
 * envelopes pass unchanged.
 */
public class Unwrap<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    public static final String OVERVIEW_DOC = "Replaces a change-event envelope (Debezium's or the timestamp "
            + "source's) by the row state in 'after', or for deletes by what delete.tombstone.handling.mode says. "
            + "A drop-in for Debezium's io.debezium.transforms.ExtractNewRecordState: same keys, same output. Envelope "
            + "fields can be copied into the row (add.fields) or the headers (add.headers). Works with and without "
            + "schema; records that are not envelopes pass unchanged.";

    public static final ConfigDef CONFIG_DEF = UnwrapConfig.CONFIG_DEF;

    /** The field that the rewrite modes add. */
    public static final String DELETED_FIELD = "__deleted";

    private DeleteHandling deleteHandling;
    private boolean replaceNullWithDefault;
    private String routeByField;
    private List<EnvelopeFieldReference> addedFields;
    private List<EnvelopeFieldReference> addedHeaders;
    private SchemaCache<Schema, Plan> plans;

    @Override
    public void configure(Map<String, ?> configs) {
        UnwrapConfig config = new UnwrapConfig(configs);
        deleteHandling = config.deleteHandling();
        replaceNullWithDefault = config.replaceNullWithDefault();
        routeByField = config.routeByField();
        addedFields = config.addedFields();
        addedHeaders = config.addedHeaders();
        plans = new SchemaCache<>(this::plan);
    }

    @Override
    public R apply(R record) {
        Object value = record.value();
        try {
            if (value == null) {
                return deleteHandling == DeleteHandling.REWRITE_WITH_TOMBSTONE ? withTombstoneHeaders(record) : null;
            }
            if (value instanceof Struct envelope) {
                Plan plan = plans.get(envelope.schema());
                return plan == Plan.NOT_AN_ENVELOPE ? record : unwrap(record, envelope, plan);
            }
            if (value instanceof Map<?, ?> map && record.valueSchema() == null && ChangeEvent.isEnvelope(null, map)) {
                return unwrap(record, map);
            }
            return record;
        } catch (DataException | ClassCastException e) {
            throw Records.dataError(record, getClass().getName(), e.getMessage(), e);
        }
    }

    private R unwrap(R record, Struct envelope, Plan plan) {
        Struct after = (Struct) envelope.get(plan.after);
        if (after != null) {
            Struct row = plan.fromAfter.build(after, envelope, "false");
            // Debezium routes upserts by the row it emits (defaults applied in the rewrite modes), deletes by 'before'
            return addHeaders(routed(Records.withValue(record, plan.fromAfter.schema, row), row), plan, envelope);
        }
        Struct before = (Struct) envelope.get(plan.before);
        if (before == null) {
            // truncate and message events carry no row: Debezium drops them whatever the mode
            return null;
        }
        R unwrapped = switch (deleteHandling) {
            case DROP -> null;
            case TOMBSTONE -> Records.withValue(record, plan.after.schema(), null);
            case DELETE_TO_TOMBSTONE -> Records.withValue(record, null, null);
            case REWRITE, REWRITE_WITH_TOMBSTONE ->
                    Records.withValue(record, plan.fromBefore.schema, plan.fromBefore.build(before, envelope, "true"));
        };
        return unwrapped == null ? null : addHeaders(routed(unwrapped, before), plan, envelope);
    }

    private R unwrap(R record, Map<?, ?> envelope) {
        ChangeEvent event = ChangeEvent.of(envelope);
        Object after = event.after();
        Object row = after != null ? after : event.before();
        if (row == null) {
            return null;
        }
        if (!(row instanceof Map<?, ?> rowMap)) {
            throw new DataException("Envelope row must be a map, got " + row.getClass().getName());
        }
        boolean delete = after == null;
        R unwrapped;
        if (delete && !deleteHandling.rewrites()) {
            unwrapped = deleteHandling == DeleteHandling.DROP ? null : Records.withValue(record, null, null);
        } else {
            Map<Object, Object> value = new LinkedHashMap<>(rowMap);
            if (deleteHandling.rewrites()) {
                value.put(DELETED_FIELD, delete ? "true" : "false");
            }
            for (EnvelopeFieldReference reference : addedFields) {
                Object fieldValue = reference.valueFrom(envelope);
                if (fieldValue != EnvelopeFieldReference.ABSENT) {
                    value.put(reference.outputName(), fieldValue);
                }
            }
            unwrapped = Records.withValue(record, null, value);
        }
        if (unwrapped == null) {
            return null;
        }
        R result = routed(unwrapped, delete ? rowMap : unwrapped.value());
        for (EnvelopeFieldReference reference : addedHeaders) {
            Object headerValue = reference.valueFrom(envelope);
            if (headerValue != EnvelopeFieldReference.ABSENT) {
                result.headers().add(reference.outputName(), headerValue, null);
            }
        }
        return result;
    }

    private R routed(R record, Object row) {
        if (routeByField == null) {
            return record;
        }
        Object topic = row instanceof Struct struct ? struct.getString(routeByField) : ((Map<?, ?>) row).get(routeByField);
        if (topic != null && !(topic instanceof String)) {
            throw new DataException("route.by.field '" + routeByField + "' must be a string, got " + topic.getClass().getName());
        }
        if (topic == null || ((String) topic).isBlank()) {
            return record;
        }
        return record.newRecord((String) topic, record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp());
    }

    private R addHeaders(R record, Plan plan, Struct envelope) {
        Headers headers = record.headers();
        for (EnvelopeFieldReference.Resolved header : plan.headers) {
            headers.add(header.outputName(), header.valueFrom(envelope), header.schema());
        }
        return record;
    }

    /** A kept tombstone answers only the op reference of add.headers, with 'd'. */
    private R withTombstoneHeaders(R tombstone) {
        if (addedHeaders.stream().noneMatch(EnvelopeFieldReference::isOperation)) {
            return tombstone;
        }
        R record = tombstone.newRecord(tombstone.topic(), tombstone.kafkaPartition(), tombstone.keySchema(),
                tombstone.key(), tombstone.valueSchema(), null, tombstone.timestamp());
        for (EnvelopeFieldReference reference : addedHeaders) {
            if (reference.isOperation()) {
                record.headers().addString(reference.outputName(), Operation.DELETE.code());
            }
        }
        return record;
    }

    private Plan plan(Schema schema) {
        if (!Envelope.isEnvelope(schema)) {
            return Plan.NOT_AN_ENVELOPE;
        }
        List<EnvelopeFieldReference.Resolved> fields = resolve(addedFields, schema);
        List<EnvelopeFieldReference.Resolved> headers = resolve(addedHeaders, schema);
        Field after = schema.field(Envelope.AFTER);
        Field before = schema.field(Envelope.BEFORE);
        RowOutput fromAfter = rowOutput(after.schema(), fields);
        RowOutput fromBefore = !deleteHandling.rewrites() ? null
                : before.schema() == after.schema() ? fromAfter : rowOutput(before.schema(), fields);
        return new Plan(after, before, fromAfter, fromBefore, headers);
    }

    private static List<EnvelopeFieldReference.Resolved> resolve(List<EnvelopeFieldReference> references, Schema envelope) {
        List<EnvelopeFieldReference.Resolved> resolved = new ArrayList<>();
        for (EnvelopeFieldReference reference : references) {
            EnvelopeFieldReference.Resolved field = reference.resolve(envelope);
            if (field != null) {
                resolved.add(field);
            }
        }
        return List.copyOf(resolved);
    }

    /**
     * The row as Debezium rebuilds it when it adds fields: same name, version, doc and parameters, but required and
     * without default (Kafka's copySchemaBasics), the row's fields, then __deleted, then the added fields.
     */
    private RowOutput rowOutput(Schema rowSchema, List<EnvelopeFieldReference.Resolved> fields) {
        if (rowSchema.type() != Schema.Type.STRUCT) {
            throw new DataException("Envelope row schema " + rowSchema.name() + " is not a struct");
        }
        SchemaBuilder builder = Schemas.copyBasics(rowSchema, SchemaBuilder.struct());
        rowSchema.fields().forEach(field -> builder.field(field.name(), field.schema()));
        if (deleteHandling.rewrites()) {
            addField(builder, rowSchema, DELETED_FIELD, Schema.OPTIONAL_STRING_SCHEMA);
        }
        fields.forEach(field -> addField(builder, rowSchema, field.outputName(), field.schema()));
        Schema schema = builder.build();
        return new RowOutput(schema, rowSchema.fields().toArray(Field[]::new),
                rowSchema.fields().stream().map(field -> schema.field(field.name())).toArray(Field[]::new),
                deleteHandling.rewrites() ? schema.field(DELETED_FIELD) : null, fields,
                deleteHandling.rewrites() && replaceNullWithDefault);
    }

    private static void addField(SchemaBuilder builder, Schema rowSchema, String name, Schema schema) {
        if (builder.field(name) != null) {
            throw new DataException("Cannot add field '" + name + "': row schema " + rowSchema.name() + " already has it");
        }
        builder.field(name, schema);
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

    /** What is fixed for one envelope schema. */
    private record Plan(Field after, Field before, RowOutput fromAfter, RowOutput fromBefore,
                        List<EnvelopeFieldReference.Resolved> headers) {
        static final Plan NOT_AN_ENVELOPE = new Plan(null, null, null, null, List.of());
    }

    /**
     * Builds the output row. Debezium always copies the row into a rebuilt schema (it adds the fields even when there
     * are none to add), so the row cannot be passed on as it is: its schema would be optional where Debezium's is not.
     */
    private record RowOutput(Schema schema, Field[] rowFields, Field[] outputFields, Field deleted,
                             List<EnvelopeFieldReference.Resolved> added, boolean applyDefaults) {
        /** Rows of equal schemas have their fields at the same positions, so they are read by field, not by name. */
        Struct build(Struct row, Struct envelope, String deletedValue) {
            Struct out = new Struct(schema);
            for (int i = 0; i < rowFields.length; i++) {
                Field field = rowFields[i];
                Object value = applyDefaults ? row.get(field) : Structs.raw(row, field);
                if (value != null) {
                    out.put(outputFields[i], value);
                }
            }
            if (deleted != null) {
                out.put(deleted, deletedValue);
            }
            for (EnvelopeFieldReference.Resolved field : added) {
                out.put(field.outputName(), field.valueFrom(envelope));
            }
            return out;
        }
    }
}
