package io.cdcsuite.transforms;

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
import org.apache.kafka.connect.transforms.Transformation;

import io.cdcsuite.common.envelope.ChangeEvent;
import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.transforms.util.Records;
import io.cdcsuite.transforms.util.SchemaCache;

/**
 * Gives a change event the key it should have had: a struct of the configured row fields, read from {@code after}
 * (or {@code before} for deletes), named {@code <prefix>.<db>.<table>.Key} like the keys both capture paths write.
 * For producers that send envelopes without keys; flat rows work too.
 */
public class KeyFromEnvelope<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    public static final String OVERVIEW_DOC = "Builds the record key from row fields of the envelope: 'after', or "
            + "'before' for deletes (or the row itself when the value is a flat row). The key schema is named "
            + "`prefix.db.table.Key` after the row schema (`prefix.db.table.Value`), or after the topic. By default only "
            + "records without a key are changed. Tombstones and events without a row pass unchanged; a row that "
            + "lacks a key field fails with a DataException.";

    public static final ConfigDef CONFIG_DEF = KeyFromEnvelopeConfig.CONFIG_DEF;

    private List<String> fields;
    private boolean replaceExistingKey;
    private SchemaCache<KeyNaming, Schema> keySchemas;

    @Override
    public void configure(Map<String, ?> configs) {
        KeyFromEnvelopeConfig config = new KeyFromEnvelopeConfig(configs);
        fields = config.fields();
        replaceExistingKey = config.replaceExistingKey();
        keySchemas = new SchemaCache<>(this::keySchema);
    }

    @Override
    public R apply(R record) {
        if ((record.key() != null && !replaceExistingKey) || record.value() == null) {
            return record;
        }
        try {
            Object value = record.value();
            Object row = ChangeEvent.isEnvelope(record.valueSchema(), value) ? ChangeEvent.of(value).rowState() : value;
            if (row instanceof Struct struct) {
                Schema keySchema = keySchemas.get(new KeyNaming(struct.schema(), record.topic()));
                Struct key = new Struct(keySchema);
                for (Field field : keySchema.fields()) {
                    key.put(field, struct.get(field.name()));
                }
                return Records.withKey(record, keySchema, key);
            }
            if (row instanceof Map<?, ?> map) {
                Map<String, Object> key = new LinkedHashMap<>();
                for (String field : fields) {
                    if (!map.containsKey(field)) {
                        throw new DataException("row has no key field '" + field + "'");
                    }
                    key.put(field, map.get(field));
                }
                return Records.withKey(record, null, key);
            }
            if (row == null) {
                return record;
            }
            throw new DataException("cannot read key fields from a value of type " + row.getClass().getName());
        } catch (DataException | ClassCastException e) {
            throw Records.dataError(record, getClass().getName(), e.getMessage(), e);
        }
    }

    private Schema keySchema(KeyNaming naming) {
        Schema row = naming.rowSchema();
        String rowName = row.name();
        String collection = rowName != null && rowName.endsWith(Envelope.VALUE_SUFFIX)
                ? rowName.substring(0, rowName.length() - Envelope.VALUE_SUFFIX.length()) : naming.topic();
        SchemaBuilder builder = SchemaBuilder.struct().name(Envelope.keySchemaName(collection));
        for (String name : fields) {
            Field field = row.field(name);
            if (field == null) {
                throw new DataException("row schema " + rowName + " has no key field '" + name + "'");
            }
            builder.field(name, field.schema());
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

    /** The key schema depends on the row schema, and on the topic only when the row schema's name does not tell. */
    private record KeyNaming(Schema rowSchema, String topic) {
    }
}
