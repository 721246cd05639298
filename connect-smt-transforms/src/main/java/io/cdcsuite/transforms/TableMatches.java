package io.cdcsuite.transforms;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.transforms.predicates.Predicate;

import io.cdcsuite.transforms.util.Records;

/** A predicate true for change events of a table whose {@code db.table} matches one of {@code tables}. */
public class TableMatches<R extends ConnectRecord<R>> implements Predicate<R>, Versioned {
    public static final String OVERVIEW_DOC = "True for records whose 'db.table' (from the envelope's source "
            + "block, or else from the topic `prefix.db.table`) matches one of the regular expressions in 'tables'. "
            + "Unlike Kafka's TopicNameMatches it reads the table from the event, so it still works after the topic "
            + "was renamed by routing.";

    public static final ConfigDef CONFIG_DEF = ChangeMatchConfig.TABLE_MATCHES_CONFIG_DEF;

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
