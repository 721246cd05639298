package io.cdcsuite.transforms;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.predicates.Predicate;

import io.cdcsuite.transforms.util.Records;

/** A predicate true for change events whose operation is one of {@code operations} (tombstones count as deletes). */
public class IsOperation<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {
    public static final String OVERVIEW_DOC = "True for change events whose envelope operation is one of "
            + "'operations'; a tombstone counts as a delete; other records never match. Lets any transform apply "
            + "to some operations only, e.g. Kafka's Filter with predicate IsOperation(operations=r) drops snapshot reads.";

    public static final ConfigDef CONFIG_DEF = ChangeMatchConfig.IS_OPERATION_CONFIG_DEF;

    private ChangeMatcher matcher;

    @Override
    public void configure(Map<String, ?> configs) {
        matcher = new ChangeMatchConfig(CONFIG_DEF, configs).matcher();
    }

    @Override
    public boolean test(R record) {
        try {
            return matcher.matches(record);
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
