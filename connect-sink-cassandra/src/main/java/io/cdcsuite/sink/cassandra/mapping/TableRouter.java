package io.cdcsuite.sink.cassandra.mapping;

import java.util.HashMap;
import java.util.Map;

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

    /** The table for a record of this topic coming from this source table. */
    public TableId route(String topic, SourceTable source) {
        TableId mapped = explicit.get(topic);
        if (mapped != null) {
            return mapped;
        }
        String db = source.database();
        String table = source.table();
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
