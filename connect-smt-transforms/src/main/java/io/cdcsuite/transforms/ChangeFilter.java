package io.cdcsuite.transforms;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.Transformation;

import io.cdcsuite.transforms.util.Records;

/**
 * Keeps or drops change events by operation and table, without a scripting engine: e.g. drop snapshot reads
 * ({@code filter.mode=exclude, operations=r}) or keep only deletes of one table ({@code operations=d,
 * tables=inventory\.orders}). Place it before {@link Unwrap}: a flat row no longer says its operation.
 */
public class ChangeFilter<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    public static final String OVERVIEW_DOC = "Keeps (filter.mode=include) or drops (exclude) the change events "
            + "whose operation is one of 'operations' and whose 'db.table' matches one of 'tables'. Tombstones count "
            + "as deletes of the table their topic names, so a delete and its tombstone go the same way. For other "
            + "combinations chain filters, or use Kafka's Filter with the IsOperation and TableMatches predicates.";

    public static final ConfigDef CONFIG_DEF = ChangeMatchConfig.FILTER_CONFIG_DEF;

    private ChangeMatcher matcher;
    private boolean keepMatches;

    @Override
    public void configure(Map<String, ?> configs) {
        ChangeMatchConfig config = new ChangeMatchConfig(CONFIG_DEF, configs);
        matcher = config.matcher();
        keepMatches = config.keepsMatches();
    }

    @Override
    public R apply(R record) {
        try {
            return matcher.matches(record) == keepMatches ? record : null;
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
}
