package io.cdcsuite.source.timestamp.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.catalog.TableId;

class TableOffsetTest {
    private static final LocalDateTime TS = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_456_000);

    @Test
    void streamingOffsetsRoundTripWithATypedCompositeKey() {
        TableOffset offset = TableOffset.streaming(TS, List.of(new TableOffset.KeyValue("order_id", 42L),
                new TableOffset.KeyValue("sku", "A-1")));

        Map<String, Object> map = offset.toMap();

        assertThat(map).containsExactly(
                Map.entry("version", 1), Map.entry("phase", "streaming"), Map.entry("ts", "2024-05-01T10:00:00.123456"),
                Map.entry("key.0.column", "order_id"), Map.entry("key.0.value", 42L),
                Map.entry("key.1.column", "sku"), Map.entry("key.1.value", "A-1"));
        assertThat(map.values()).allSatisfy(v -> assertThat(v).isInstanceOfAny(String.class, Number.class));
        assertThat(TableOffset.fromMap(map)).isEqualTo(offset);
    }

    @Test
    void snapshotOffsetsRoundTrip() {
        TableOffset offset = TableOffset.snapshot(TS, List.of(new TableOffset.KeyValue("id", 7L)));
        assertThat(offset.toMap()).containsEntry("phase", "snapshot").containsEntry("snapshot.bound", "2024-05-01T10:00:00.123456")
                .doesNotContainKey("ts");
        assertThat(TableOffset.fromMap(offset.toMap())).isEqualTo(offset);
    }

    @Test
    void aUserCanResetATableToAPointInTimeWithJustATimestamp() {
        TableOffset offset = TableOffset.fromMap(Map.of("ts", "2024-05-01T00:00:00"));
        assertThat(offset.phase()).isEqualTo(TableOffset.Phase.STREAMING);
        assertThat(offset.ts()).isEqualTo(LocalDateTime.of(2024, 5, 1, 0, 0));
        assertThat(offset.key()).isEmpty();
    }

    @Test
    void versionsNewerThanThisConnectorAreRefused() {
        Map<String, Object> map = new HashMap<>(TableOffset.streaming(TS, List.of()).toMap());
        map.put("version", 2);
        assertThatThrownBy(() -> TableOffset.fromMap(map)).hasMessageContaining("newer connector");
        // JSON may hand back the version as a Long
        map.put("version", 1L);
        assertThat(TableOffset.fromMap(map).ts()).isEqualTo(TS);
    }

    @Test
    void malformedOffsetsAreExplained() {
        assertThatThrownBy(() -> TableOffset.fromMap(Map.of("phase", "streaming"))).hasMessageContaining("'ts'");
        assertThatThrownBy(() -> TableOffset.fromMap(Map.of("phase", "snapshot"))).hasMessageContaining("snapshot.bound");
        assertThatThrownBy(() -> TableOffset.fromMap(Map.of("phase", "later", "ts", "2024-05-01T00:00:00")))
                .hasMessageContaining("'phase'");
        assertThatThrownBy(() -> TableOffset.fromMap(Map.of("ts", "yesterday"))).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> TableOffset.fromMap(Map.of("ts", "2024-05-01T00:00:00", "key.1.column", "id",
                "key.1.value", 1))).hasMessageContaining("key.<i>");
        assertThatThrownBy(() -> TableOffset.fromMap(Map.of("ts", "2024-05-01T00:00:00", "key.0.column", "id",
                "key.0.value", true))).hasMessageContaining("number or a string");
        assertThatThrownBy(() -> TableOffset.fromMap(Map.of("ts", "2024-05-01T00:00:00", "position", 3)))
                .hasMessageContaining("unknown offset entry 'position'");
    }

    @Test
    void partitionsAreVersionedByProtocol() {
        TablePartition partition = new TablePartition("app", new TableId("shop", "orders"));
        assertThat(partition.toMap()).containsExactly(Map.entry("server", "app"), Map.entry("protocol", "1"),
                Map.entry("db", "shop"), Map.entry("table", "orders"));
        assertThat(TablePartition.fromMap(partition.toMap())).isEqualTo(partition);
        assertThatThrownBy(() -> TablePartition.fromMap(ordered("server", "app", "protocol", "2", "db", "shop",
                "table", "t"))).hasMessageContaining("protocol");
        assertThatThrownBy(() -> TablePartition.fromMap(ordered("server", "app", "protocol", "1", "db", "",
                "table", "t"))).hasMessageContaining("'db'");
    }

    /**
     * Connect's offsets REST API hands stored partitions around as HashMaps (JsonConverter's schemaless form) and
     * finds offsets by the bytes of the partition serialized in iteration order: that order must be ours.
     */
    @Test
    void partitionKeysKeepTheirOrderThroughAHashMapAsConnectsOffsetsApiUsesIt() {
        Map<String, Object> partition = new TablePartition("tsdemo", new TableId("shop", "orders")).toMap();

        assertThat(new HashMap<>(partition).keySet()).containsExactlyElementsOf(partition.keySet());
    }

    @Test
    void partitionsInAnotherKeyOrderAreRefusedBecauseConnectWouldStoreThemUnderAnotherKey() {
        assertThatThrownBy(() -> TablePartition.fromMap(ordered("protocol", "1", "server", "app", "db", "shop",
                "table", "orders"))).hasMessageContaining("server, protocol, db, table, in this order");
        assertThatThrownBy(() -> TablePartition.fromMap(ordered("server", "app", "protocol", "1", "table", "orders")))
                .hasMessageContaining("must be exactly");
    }

    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
