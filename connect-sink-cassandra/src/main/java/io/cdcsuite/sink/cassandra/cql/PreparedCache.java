package io.cdcsuite.sink.cassandra.cql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * Statements prepared once per key (with their codecs), shared by concurrent callers. A failed preparation (node
 * down, table changed) is forgotten, so the next use of its key prepares it again; beyond {@code capacity} keys the
 * cache starts over.
 *
 * @param <K> what a statement is prepared for: its text, or a shape its text is made from
 */
public final class PreparedCache<K> {
    private final CqlSession session;
    private final Function<K, String> cql;
    private final int capacity;
    private final Map<K, CompletableFuture<TypedPrepared>> prepared = new ConcurrentHashMap<>();

    public PreparedCache(CqlSession session, Function<K, String> cql, int capacity) {
        this.session = session;
        this.cql = cql;
        this.capacity = capacity;
    }

    public CompletableFuture<TypedPrepared> get(K key) {
        if (prepared.size() > capacity) {
            prepared.clear();
        }
        CompletableFuture<TypedPrepared> future = prepared.computeIfAbsent(key, k -> session.prepareAsync(cql.apply(k))
                .thenApply(statement -> new TypedPrepared(statement, session.getContext().getCodecRegistry()))
                .toCompletableFuture());
        future.whenComplete((statement, error) -> {
            if (error != null) {
                prepared.remove(key, future);
            }
        });
        return future;
    }
}
