package io.cdcsuite.sink.cassandra.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

class SchemaCacheTest {
    private static SchemaText text(String prefix, String schema, String suffix) {
        byte[] bytes = (prefix + schema + suffix).getBytes(StandardCharsets.UTF_8);
        return SchemaText.view(bytes, prefix.length(), prefix.length() + schema.length());
    }

    @Test
    void keysAreEqualByEveryByteWhereverTheyLie() {
        SchemaText a = text("{\"schema\":", "{\"type\":\"int32\"}", ",\"payload\":1}");
        SchemaText b = text("  ", "{\"type\":\"int32\"}", "");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isEqualTo(a.copy());
        assertThat(a.copy().length()).isEqualTo(a.length());
        // "Aa" and "BB" have the same hash: equal hashes alone never make equal keys
        SchemaText aa = text("", "{\"Aa\":1}", "");
        SchemaText bb = text("", "{\"BB\":1}", "");
        assertThat(aa.hashCode()).isEqualTo(bb.hashCode());
        assertThat(aa).isNotEqualTo(bb);

        SchemaCache<Schema> cache = new SchemaCache<>(10);
        cache.put(aa, Schema.INT32_SCHEMA);
        assertThat(cache.get(bb)).isNull();
        assertThat(cache.get(text("x", "{\"Aa\":1}", "y"))).isSameAs(Schema.INT32_SCHEMA);
    }

    @Test
    void theLeastRecentlyUsedSchemaIsEvictedBeyondTheCapacity() {
        SchemaCache<Schema> cache = new SchemaCache<>(2);
        SchemaText one = text("", "{\"n\":1}", "");
        SchemaText two = text("", "{\"n\":2}", "");
        SchemaText three = text("", "{\"n\":3}", "");
        cache.put(one, Schema.INT8_SCHEMA);
        cache.put(two, Schema.INT16_SCHEMA);
        assertThat(cache.get(one)).isSameAs(Schema.INT8_SCHEMA); // "two" is now the least recently used
        cache.put(three, Schema.INT32_SCHEMA);
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get(two)).isNull();
        assertThat(cache.get(one)).isSameAs(Schema.INT8_SCHEMA);
        assertThat(cache.get(three)).isSameAs(Schema.INT32_SCHEMA);
        assertThatThrownBy(() -> new SchemaCache<Schema>(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCacheKeepsItsOwnCopyOfTheBytes() {
        byte[] record = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        SchemaCache<Schema> cache = new SchemaCache<>(2);
        cache.put(SchemaText.view(record, 0, record.length), Schema.STRING_SCHEMA);
        record[2] = 'b'; // the consumer reuses or drops the record's array
        assertThat(cache.get(text("", "{\"a\":1}", ""))).isSameAs(Schema.STRING_SCHEMA);
        assertThat(cache.get(SchemaText.view(record, 0, record.length))).isNull();
    }
}
