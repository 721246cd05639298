package io.cdcsuite.source.timestamp.capture;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A 64-bit FNV-1a hash of a row's raw values, so the re-scan can tell an unchanged row from a new version of it
 * (a collision needs two versions of the same key to hash alike: about 2^-64).
 */
final class RowHasher {
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private RowHasher() {
    }

    static long hash(List<Object> values) {
        long hash = OFFSET_BASIS;
        for (Object value : values) {
            if (value == null) {
                hash = mix(hash, (byte) 0);
                continue;
            }
            hash = mix(hash, (byte) 1);
            byte[] bytes = value instanceof byte[] raw ? raw : value.toString().getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                hash = mix(hash, b);
            }
            // the length separates values, so ("ab", "c") and ("a", "bc") differ
            for (int shift = 0; shift < 32; shift += 8) {
                hash = mix(hash, (byte) (bytes.length >>> shift));
            }
        }
        return hash;
    }

    private static long mix(long hash, byte b) {
        return (hash ^ (b & 0xff)) * PRIME;
    }
}
