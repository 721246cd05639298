package io.cdcsuite.sink.cassandra.json;

import java.util.Arrays;

/**
 * The bytes of a {@code "schema"} object as they appear in a record, used as a cache key: equal only when
 * every byte is equal, so a hash collision can never hand out the wrong schema. A key made by {@link #view}
 * points into the record's array; the cache stores {@link #copy()}s.
 */
final class SchemaText {
    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    private SchemaText(byte[] bytes, int from, int to, int hash) {
        this.bytes = bytes;
        this.from = from;
        this.to = to;
        this.hash = hash;
    }

    /** The bytes {@code [from, to)} of {@code bytes}, not copied. */
    static SchemaText view(byte[] bytes, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + bytes[i];
        }
        return new SchemaText(bytes, from, to, hash);
    }

    SchemaText copy() {
        return new SchemaText(Arrays.copyOfRange(bytes, from, to), 0, to - from, hash);
    }

    /** The bytes, copied. */
    byte[] toBytes() {
        return Arrays.copyOfRange(bytes, from, to);
    }

    int length() {
        return to - from;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaText that && hash == that.hash
                && Arrays.equals(bytes, from, to, that.bytes, that.from, that.to);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
