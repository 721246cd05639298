package io.cdcsuite.transforms;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

import io.cdcsuite.transforms.util.Records;

/**
 * Rewrites Debezium's logical types as standard Connect types, so that any sink understands them: dates, times and
 * timestamps in all of Debezium's encodings become Connect Date/Time/Timestamp, variable-scale and string-encoded
 * decimals become Connect Decimal, Year a plain INT32. Works on envelopes (before and after) and flat rows alike.
 */
public abstract class Normalize<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    public static final String OVERVIEW_DOC = "Converts Debezium's logical types (io.debezium.time.*, "
            + "VariableScaleDecimal, decimals encoded as strings, Year) to Connect's Date, Time, Timestamp and Decimal, "
            + "in envelopes (before/after) and flat rows, with or without schema. Connect's Timestamp and Time hold "
            + "milliseconds: micros.handling says whether microseconds are truncated, rounded, or kept in an extra "
            + "field. Tombstones and values without convertible fields pass unchanged. Placed after Unwrap it gives "
            + "the same rows for less work (one flat row instead of two rows and the envelope). Use "
            + "<code>" + Key.class.getName() + "</code> for the key and <code>" + Value.class.getName()
            + "</code> for the value.";

    public static final ConfigDef CONFIG_DEF = NormalizeConfig.CONFIG_DEF;

    private SchemaNormalizer schemaNormalizer;
    private SchemalessNormalizer schemalessNormalizer;

    @Override
    public void configure(Map<String, ?> configs) {
        NormalizeConfig config = new NormalizeConfig(configs);
        schemaNormalizer = new SchemaNormalizer(config);
        schemalessNormalizer = new SchemalessNormalizer(config);
    }

    @Override
    public R apply(R record) {
        Object value = operatingValue(record);
        if (value == null) {
            return record;
        }
        try {
            Schema schema = operatingSchema(record);
            if (schema == null && value instanceof Struct struct) {
                schema = struct.schema();
            }
            if (schema != null) {
                SchemaNormalizer.Plan plan = schemaNormalizer.plan(schema);
                return plan.changes() ? newRecord(record, plan.schema(), plan.convert(value)) : record;
            }
            if (value instanceof Map<?, ?> map && schemalessNormalizer.isConfigured()) {
                return newRecord(record, null, schemalessNormalizer.normalize(map));
            }
            return record;
        } catch (DataException | ClassCastException e) {
            throw Records.dataError(record, getClass().getName(), e.getMessage(), e);
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

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema schema, Object value);

    /** Normalizes the record key. */
    public static class Key<R extends ConnectRecord<R>> extends Normalize<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected R newRecord(R record, Schema schema, Object value) {
            return Records.withKey(record, schema, value);
        }
    }

    /** Normalizes the record value: an envelope or a flat row. */
    public static class Value<R extends ConnectRecord<R>> extends Normalize<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

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
