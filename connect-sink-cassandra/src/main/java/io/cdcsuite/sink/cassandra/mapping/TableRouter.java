package io.cdcsuite.sink.cassandra.mapping;

import java.util.HashMap;
import java.util.Map;

import io.cdcsuite.common.envelope.ChangeEvent;
import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * Chooses the table of a record: the topic's {@code table.mapping} entry, else {@code table.name.format}
 * filled from the envelope's source block ({@code db}, {@code table}), or, without an envelope, from the topic
 * name {@code <prefix>.<db>.<table>} (its last two dot-separated parts).
 */
public final class TableRouter {
    private final Map<String, TableId> explicit;
    private final TableNameTemplate template;
    private final Map<String, TableId> cache = new HashMap<>();

    public TableRouter(Map<String, TableId> explicit, TableNameTemplate template) {
        this.explicit = explicit;
        this.template = template;
    }

    /** The table for a record of this topic; event is null for records without an envelope. */
    public TableId route(String topic, ChangeEvent event) {
        TableId mapped = explicit.get(topic);
        if (mapped != null) {
            return mapped;
        }
        String db = null;
        String table = null;
        if (event != null) {
            Object sourceDb = event.sourceField("db");
            Object sourceTable = event.sourceField("table");
            db = sourceDb == null ? null : sourceDb.toString();
            table = sourceTable == null ? null : sourceTable.toString();
        }
        String[] parts = topic.split("\\.");
        if (db == null && parts.length >= 2) {
            db = parts[parts.length - 2];
        }
        if (table == null) {
            table = parts[parts.length - 1];
        }
        String cacheKey = topic + '\u0000' + db + '\u0000' + table;
        TableId cached = cache.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        TableId routed;
        try {
            routed = template.render(topic, db, table);
        } catch (IllegalArgumentException e) {
            throw new RecordMappingException("cannot derive a table for topic '" + topic + "' from table.name.format '"
                    + template + "': " + e.getMessage() + "; map the topic with table.mapping");
        }
        cache.put(cacheKey, routed);
        return routed;
    }
}
