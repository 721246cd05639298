package io.cdcsuite.sink.cassandra.json;

import java.util.LinkedHashMap;
import java.util.Map;


/**
 * What is known of a schema (its Connect schema, ...) by the exact text of its JSON schema, least recently used
 * evicted beyond the capacity.
 */
final class SchemaCache<V> {
    private final Map<SchemaText, V> schemas;

    SchemaCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.schemas = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SchemaText, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(SchemaText text) {
        return schemas.get(text);
    }

    synchronized void put(SchemaText text, V known) {
        schemas.put(text.copy(), known);
    }

    synchronized int size() {
        return schemas.size();
    }
}
