package io.cdcsuite.transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.transforms.util.EnvelopeRows;
import io.cdcsuite.transforms.util.Records;
import io.cdcsuite.transforms.util.SchemaCache;
import io.cdcsuite.transforms.util.Schemas;
import io.cdcsuite.transforms.util.TopicName;

/**
 * Renames change-event topics {@code <prefix>.<db>.<table>} with a template, optionally merging sharded databases or
 * tables into one topic. As Debezium's ByLogicalTableRouter, it renames the key, envelope and row schemas after the
 * new topic, and keeps the keys of merged tables unique by adding a field naming the physical table.
 */
public class Route<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    public static final String OVERVIEW_DOC = "Routes `prefix.db.table` topics by a template (`${prefix}`, `${db}`, "
            + "`${table}`), merging sharded databases or tables (e.g. `orders_\\d+` -> `orders`) when asked. Routed records get "
            + "schemas named after the new topic (`topic.Key`, `topic.Envelope`, `topic.Value`, also for flat rows "
            + "named `*.Value`); merged records get a key field naming their physical table so keys stay unique, as with "
            + "Debezium's ByLogicalTableRouter. Topics of another shape pass unchanged.";

    public static final ConfigDef CONFIG_DEF = RouteConfig.CONFIG_DEF;

    private TopicTemplate topicTemplate;
    private TopicTemplate keyFieldValue;
    private RouteConfig.NameMerge databaseMerge;
    private RouteConfig.NameMerge tableMerge;
    /** True when the template leaves out ${db} or ${table}, so that several tables share a topic. */
    private boolean collapsesTables;
    private boolean keyEnforceUniqueness;
    private String keyFieldName;
    private SchemaCache<Renaming, Schema> keySchemas;
    private SchemaCache<Renaming, Schema> valueSchemas;

    @Override
    public void configure(Map<String, ?> configs) {
        RouteConfig config = new RouteConfig(configs);
        topicTemplate = config.topicTemplate();
        collapsesTables = !topicTemplate.uses(TopicTemplate.DATABASE) || !topicTemplate.uses(TopicTemplate.TABLE);
        keyFieldValue = config.keyFieldValue();
        databaseMerge = config.databaseMerge();
        tableMerge = config.tableMerge();
        keyEnforceUniqueness = config.keyEnforceUniqueness();
        keyFieldName = config.keyFieldName();
        keySchemas = new SchemaCache<>(this::keySchema);
        valueSchemas = new SchemaCache<>(this::valueSchema);
    }

    @Override
    public R apply(R record) {
        Optional<TopicName> parsed = TopicName.parse(record.topic());
        if (parsed.isEmpty()) {
            return record;
        }
        TopicName physical = parsed.get();
        String database = databaseMerge == null ? physical.database() : databaseMerge.apply(physical.database());
        String table = tableMerge == null ? physical.table() : tableMerge.apply(physical.table());
        boolean merged = !database.equals(physical.database()) || !table.equals(physical.table())
                || collapsesTables;
        String topic = topicTemplate.render(physical.prefix(), database, table);
        if (topic.equals(record.topic())) {
            return record;
        }
        try {
            String physicalName = merged && keyEnforceUniqueness
                    ? keyFieldValue.render(physical.prefix(), physical.database(), physical.table()) : null;
            Object key = record.key();
            Schema keySchema = record.keySchema();
            if (key instanceof Struct struct) {
                keySchema = keySchemas.get(new Renaming(struct.schema(), topic, physicalName != null));
                key = routedKey(struct, keySchema, physicalName);
            } else if (key instanceof Map<?, ?> map && physicalName != null) {
                Map<Object, Object> copy = new LinkedHashMap<>(map);
                copy.put(keyFieldName, physicalName);
                key = copy;
            } else if (key != null && physicalName != null) {
                throw new DataException("cannot add '" + keyFieldName + "' to a key of type " + key.getClass().getName()
                        + " (set key.enforce.uniqueness=false if keys are unique across the merged tables)");
            }
            Object value = record.value();
            Schema valueSchema = record.valueSchema();
            if (value instanceof Struct struct && renamesValue(struct.schema())) {
                valueSchema = valueSchemas.get(new Renaming(struct.schema(), topic, false));
                value = Envelope.isEnvelope(struct.schema())
                        ? EnvelopeRows.value(struct, valueSchema, (row, field) -> EnvelopeRows.copy(row, field.schema())) : EnvelopeRows.copy(struct, valueSchema);
            }
            return record.newRecord(topic, record.kafkaPartition(), keySchema, key, valueSchema, value, record.timestamp());
        } catch (DataException | ClassCastException e) {
            throw Records.dataError(record, getClass().getName(), e.getMessage(), e);
        }
    }

    private Struct routedKey(Struct key, Schema schema, String physicalName) {
        Struct routed = EnvelopeRows.copy(key, schema);
        if (physicalName != null) {
            routed.put(keyFieldName, physicalName);
        }
        return routed;
    }

    private Schema keySchema(Renaming renaming) {
        Schema original = renaming.schema();
        SchemaBuilder builder = Schemas.renamedStruct(original, Envelope.keySchemaName(renaming.topic()));
        original.fields().forEach(field -> builder.field(field.name(), field.schema()));
        if (renaming.addPhysicalTable()) {
            if (original.field(keyFieldName) != null) {
                throw new DataException("key schema " + original.name() + " already has a field '" + keyFieldName + "'");
            }
            builder.field(keyFieldName, Schema.STRING_SCHEMA);
        }
        return builder.build();
    }

    private static boolean renamesValue(Schema schema) {
        return Envelope.isEnvelope(schema) || (schema.name() != null && schema.name().endsWith(Envelope.VALUE_SUFFIX));
    }

    private Schema valueSchema(Renaming renaming) {
        Schema original = renaming.schema();
        String rowName = Envelope.valueSchemaName(renaming.topic());
        if (!Envelope.isEnvelope(original)) {
            return renamedRow(original, rowName);
        }
        return EnvelopeRows.schema(original, Envelope.envelopeSchemaName(renaming.topic()), row -> renamedRow(row, rowName));
    }

    private static Schema renamedRow(Schema row, String name) {
        SchemaBuilder builder = Schemas.renamedStruct(row, name);
        for (Field field : row.fields()) {
            builder.field(field.name(), field.schema());
        }
        return builder.build();
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

    /** A schema to rename after a topic; keys of merged records also get the physical-table field. */
    private record Renaming(Schema schema, String topic, boolean addPhysicalTable) {
    }
}
