package io.cdcsuite.source.timestamp.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import io.cdcsuite.common.envelope.ChangeEvent;
import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.schema.SnapshotMarker;

class RecordBuilderTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:05.123456789Z");
    private static final RecordBuilder BUILDER = new RecordBuilder("app", "0.1.0", true, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void snapshotReadsAreDebeziumEnvelopes() {
        List<SourceRecord> records = BUILDER.records(Emissions.order(Operation.READ, SnapshotMarker.FIRST, 0));

        assertThat(records).hasSize(1);
        SourceRecord record = records.get(0);
        assertThat(record.topic()).isEqualTo("app.shop.orders");
        assertThat(record.kafkaPartition()).isNull();
        assertThat(Map.<String, Object>copyOf(record.sourcePartition())).isEqualTo(Map.of("protocol", "1", "server", "app",
                "db", "shop", "table", "orders"));
        Map<String, Object> offset = Map.<String, Object>copyOf(record.sourceOffset());
        assertThat(offset).containsEntry("phase", "streaming").containsEntry("key.0.value", 42L);
        assertThat(record.keySchema().name()).isEqualTo("app.shop.orders.Key");
        assertThat(((Struct) record.key()).getInt32("id")).isEqualTo(42);

        Struct value = (Struct) record.value();
        value.validate();
        assertThat(record.valueSchema().name()).isEqualTo("app.shop.orders.Envelope");
        assertThat(value.get("before")).isNull();
        Struct after = value.getStruct("after");
        assertThat(after.get("amount")).isEqualTo(new BigDecimal("2193.60"));
        assertThat(after.getInt64("created_at")).isEqualTo(Instant.parse("2024-04-30T09:00:00.005Z").toEpochMilli());
        assertThat(after.getString("last_updated")).isEqualTo("2024-05-01T10:00:00.120Z");
        assertThat(after.getInt16("is_deleted")).isEqualTo((short) 0);
        assertThat(value.getString("op")).isEqualTo("r");
        assertThat(value.getInt64("ts_ms")).isEqualTo(NOW.toEpochMilli());
        assertThat(value.getInt64("ts_us")).isEqualTo(1_714_557_605_123_456L);
        assertThat(value.getInt64("ts_ns")).isEqualTo(1_714_557_605_123_456_789L);
        Struct source = value.getStruct("source");
        assertThat(source.getString("snapshot")).isEqualTo("first");
        assertThat(source.getString("name")).isEqualTo("app");
        assertThat(source.getString("version")).isEqualTo("0.1.0");
        assertThat(source.getInt64("ts_ms")).isEqualTo(Instant.parse("2024-05-01T10:00:00.120Z").toEpochMilli());
        assertThat(value.get("transaction")).isNull();
    }

    @Test
    void updatesHaveNoBeforeAndNoSnapshotMarker() {
        SourceRecord record = BUILDER.records(Emissions.order(Operation.UPDATE, null, 0)).get(0);
        Struct value = (Struct) record.value();

        assertThat(value.getString("op")).isEqualTo("u");
        assertThat(value.get("before")).isNull();
        assertThat(value.getStruct("after").getString("status")).isEqualTo("paid");
        assertThat(value.getStruct("source").get("snapshot")).isEqualTo("false");
        ChangeEvent event = ChangeEvent.of(value);
        assertThat(event.operation()).isEqualTo(Operation.UPDATE);
        assertThat(event.sourceField("table")).isEqualTo("orders");
    }

    @Test
    void softDeletesCarryTheLastStateAsBeforeAndAreFollowedByATombstone() {
        List<SourceRecord> records = BUILDER.records(Emissions.order(Operation.DELETE, null, 1));

        assertThat(records).hasSize(2);
        Struct value = (Struct) records.get(0).value();
        value.validate();
        assertThat(value.getString("op")).isEqualTo("d");
        assertThat(value.get("after")).isNull();
        assertThat(value.getStruct("before").getInt32("id")).isEqualTo(42);
        assertThat(value.getStruct("before").getInt16("is_deleted")).isEqualTo((short) 1);
        SourceRecord tombstone = records.get(1);
        assertThat(tombstone.key()).isEqualTo(records.get(0).key());
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.valueSchema()).isNull();
        assertThat(tombstone.topic()).isEqualTo("app.shop.orders");
        assertThat(tombstone.sourceOffset()).isEqualTo(records.get(0).sourceOffset());
    }

    @Test
    void tombstonesCanBeTurnedOff() {
        RecordBuilder builder = new RecordBuilder("app", "0.1.0", false, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(builder.records(Emissions.order(Operation.DELETE, null, 1))).hasSize(1);
    }
}
