package io.cdcsuite.source.timestamp.capture;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Remembers, per key, the hash of the row state last emitted, for rows inside the re-scan window, so that a
 * re-scan emits only rows it has not emitted in the same state. Bounded: beyond {@code maxEntries} the entries
 * with the oldest timestamps are forgotten, which can only cause duplicates, never losses.
 */
final class RescanDeduplicator {
    private record Entry(LocalDateTime ts, long hash) {
    }

    private final int maxEntries;
    private final Map<List<Object>, Entry> byKey = new HashMap<>();
    private final TreeMap<LocalDateTime, Set<List<Object>>> byTimestamp = new TreeMap<>();

    RescanDeduplicator(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** True when {@code key} was emitted last in the state hashing to {@code hash}. */
    boolean isUnchanged(List<Object> key, long hash) {
        Entry entry = byKey.get(key);
        return entry != null && entry.hash() == hash;
    }

    /** Records that {@code key} was emitted in the state {@code hash}, at change time {@code ts}. */
    void remember(List<Object> key, LocalDateTime ts, long hash) {
        forget(key);
        byKey.put(key, new Entry(ts, hash));
        byTimestamp.computeIfAbsent(ts, t -> new LinkedHashSet<>()).add(key);
        while (byKey.size() > maxEntries) {
            forget(byTimestamp.firstEntry().getValue().iterator().next());
        }
    }

    /** Forgets rows whose change time is before {@code ts}: they fell out of the window. */
    void forgetBefore(LocalDateTime ts) {
        while (!byTimestamp.isEmpty() && byTimestamp.firstKey().isBefore(ts)) {
            byTimestamp.pollFirstEntry().getValue().forEach(byKey::remove);
        }
    }

    int size() {
        return byKey.size();
    }

    private void forget(List<Object> key) {
        Entry old = byKey.remove(key);
        if (old != null) {
            Set<List<Object>> keys = byTimestamp.get(old.ts());
            keys.remove(key);
            if (keys.isEmpty()) {
                byTimestamp.remove(old.ts());
            }
        }
    }
}
