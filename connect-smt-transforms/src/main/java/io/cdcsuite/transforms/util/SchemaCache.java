package io.cdcsuite.transforms.util;

import java.util.function.Function;

import org.apache.kafka.common.cache.Cache;
import org.apache.kafka.common.cache.LRUCache;
import org.apache.kafka.common.cache.SynchronizedCache;

/**
 * What a transform derives from a schema (an updated schema, a conversion plan), computed once per schema: Kafka's
 * {@code SynchronizedCache<>(new LRUCache<>(16))} pattern. Converters and connectors hand out the same schema
 * instance for every record of a table, so the last hit is remembered by identity first, which spares the lock and
 * the LRU bookkeeping on the hot path.
 */
public final class SchemaCache<K, V> {
    private static final int SIZE = 16;

    private final Cache<K, V> cache = new SynchronizedCache<>(new LRUCache<>(SIZE));
    private final Function<K, V> derive;
    private volatile Hit<K, V> lastHit;

    public SchemaCache(Function<K, V> derive) {
        this.derive = derive;
    }

    public V get(K key) {
        Hit<K, V> hit = lastHit;
        if (hit != null && hit.key() == key) {
            return hit.value();
        }
        V value = cache.get(key);
        if (value == null) {
            value = derive.apply(key);
            cache.put(key, value);
        }
        lastHit = new Hit<>(key, value);
        return value;
    }

    private record Hit<K, V>(K key, V value) {
    }
}
