package io.cdcsuite.source.timestamp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.catalog.TableId;

class SourceBlockTest {

    @Test
    void schemaHasDebeziumsCommonSourceFieldsInDebeziumsOrder() {
        assertThat(SourceBlock.SCHEMA.fields()).extracting(Field::name).containsExactly(
                "version", "connector", "name", "ts_ms", "snapshot", "db", "sequence", "ts_us", "ts_ns", "table");
        assertThat(SourceBlock.SCHEMA.field("ts_ms").schema()).isEqualTo(Schema.INT64_SCHEMA);
        assertThat(SourceBlock.SCHEMA.field("db").schema()).isEqualTo(Schema.STRING_SCHEMA);
        Schema snapshot = SourceBlock.SCHEMA.field("snapshot").schema();
        assertThat(snapshot.name()).isEqualTo("io.debezium.data.Enum");
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.parameters()).containsEntry("allowed",
                "true,first,first_in_data_collection,last_in_data_collection,last,false,incremental");
        assertThat(snapshot.defaultValue()).isEqualTo("false");
        assertThat(snapshot.isOptional()).isTrue();
    }

    @Test
    void structCarriesTheChangeTimeAtEveryPrecisionAndTheMarker() {
        SourceBlock block = new SourceBlock("1.2.3", "app");
        Instant change = Instant.parse("2024-05-01T10:00:00.123456Z");

        Struct snapshot = block.struct(new TableId("shop", "orders"), change, SnapshotMarker.FIRST_IN_DATA_COLLECTION);
        Struct streaming = block.struct(new TableId("shop", "orders"), change, null);

        snapshot.validate();
        assertThat(snapshot.getString("version")).isEqualTo("1.2.3");
        assertThat(snapshot.getString("connector")).isEqualTo("timestamp-mysql");
        assertThat(snapshot.getString("name")).isEqualTo("app");
        assertThat(snapshot.getString("db")).isEqualTo("shop");
        assertThat(snapshot.getString("table")).isEqualTo("orders");
        assertThat(snapshot.getInt64("ts_ms")).isEqualTo(1_714_557_600_123L);
        assertThat(snapshot.getInt64("ts_us")).isEqualTo(1_714_557_600_123_456L);
        assertThat(snapshot.getInt64("ts_ns")).isEqualTo(1_714_557_600_123_456_000L);
        assertThat(snapshot.getString("snapshot")).isEqualTo("first_in_data_collection");
        assertThat(streaming.getWithoutDefault("snapshot")).isNull();
        assertThat(streaming.get("snapshot")).isEqualTo("false");
        assertThat(streaming.get("sequence")).isNull();
    }
}
