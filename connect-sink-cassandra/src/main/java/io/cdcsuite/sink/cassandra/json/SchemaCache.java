package io.cdcsuite.sink.cassandra.json;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;

/** Connect schemas by the exact text of their JSON schema, least recently used evicted beyond the capacity. */
final class SchemaCache {
    private final Map<SchemaText, Schema> schemas;

    SchemaCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.schemas = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<SchemaText, Schema> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Schema get(SchemaText text) {
        return schemas.get(text);
    }

    synchronized void put(SchemaText text, Schema schema) {
        schemas.put(text.copy(), schema);
    }

    synchronized int size() {
        return schemas.size();
    }
}
