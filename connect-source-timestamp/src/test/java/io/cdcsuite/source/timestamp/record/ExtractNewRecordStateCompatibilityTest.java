package io.cdcsuite.source.timestamp.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.schema.SnapshotMarker;
import io.debezium.transforms.ExtractNewRecordState;

/** Debezium's own unwrap transform accepts the records of the record builder as Debezium MySQL records. */
class ExtractNewRecordStateCompatibilityTest {
    private static final RecordBuilder BUILDER = new RecordBuilder("app", "0.1.0", true,
            Clock.fixed(Instant.parse("2024-05-01T10:00:05Z"), ZoneOffset.UTC));

    private static SourceRecord unwrap(Map<String, String> config, SourceRecord record) {
        try (ExtractNewRecordState<SourceRecord> transform = new ExtractNewRecordState<>()) {
            transform.configure(config);
            return transform.apply(record);
        }
    }

    @Test
    void readsAndUpdatesBecomeTheRowWithRequestedMetadata() {
        for (Operation operation : List.of(Operation.READ, Operation.UPDATE, Operation.CREATE)) {
            SourceRecord record = BUILDER.records(Emissions.order(operation,
                    operation == Operation.READ ? SnapshotMarker.LAST : null, 0)).get(0);

            SourceRecord unwrapped = unwrap(Map.of("add.fields", "op,table,source.ts_ms,snapshot"), record);

            Struct row = (Struct) unwrapped.value();
            assertThat(unwrapped.valueSchema().name()).isEqualTo("app.shop.orders.Value");
            assertThat(row.getInt32("id")).isEqualTo(42);
            assertThat(row.getString("last_updated")).isEqualTo("2024-05-01T10:00:00.120Z");
            assertThat(row.getString("__op")).isEqualTo(operation.code());
            assertThat(row.getString("__table")).isEqualTo("orders");
            assertThat(row.getInt64("__source_ts_ms")).isEqualTo(Instant.parse("2024-05-01T10:00:00.120Z").toEpochMilli());
            // like Debezium's own change events, the snapshot field is unset outside snapshots
            assertThat(row.getString("__snapshot")).isEqualTo(operation == Operation.READ ? "last" : null);
            assertThat(unwrapped.key()).isEqualTo(record.key());
        }
    }

    @Test
    void deletesBecomeTombstonesOrRewrittenRowsFromBefore() {
        List<SourceRecord> delete = BUILDER.records(Emissions.order(Operation.DELETE, null, 1));

        // default mode "tombstone": the delete event becomes the one tombstone, ours is dropped
        SourceRecord tombstone = unwrap(Map.of(), delete.get(0));
        assertThat(tombstone.value()).isNull();
        assertThat(tombstone.key()).isEqualTo(delete.get(0).key());
        assertThat(unwrap(Map.of(), delete.get(1))).isNull();

        SourceRecord rewritten = unwrap(Map.of("delete.tombstone.handling.mode", "rewrite"), delete.get(0));
        Struct row = (Struct) rewritten.value();
        assertThat(row.getInt32("id")).isEqualTo(42);
        assertThat(row.getString("__deleted")).isEqualTo("true");
        assertThat(unwrap(Map.of("delete.tombstone.handling.mode", "rewrite"), delete.get(1))).isNull();
    }
}
