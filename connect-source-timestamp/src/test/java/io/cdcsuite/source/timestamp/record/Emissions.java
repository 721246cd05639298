package io.cdcsuite.source.timestamp.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.capture.Emission;
import io.cdcsuite.source.timestamp.capture.Row;
import io.cdcsuite.source.timestamp.offset.TableOffset;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.schema.SnapshotMarker;
import io.cdcsuite.source.timestamp.testing.Tables;

/** Emissions of the demo orders table, as the capture engine produces them. */
final class Emissions {
    static final TablePlan ORDERS = Tables.plan(Tables.orders(), Map.of(TimestampSourceConfig.SOFT_DELETE_COLUMN, "is_deleted"));
    static final LocalDateTime UPDATED = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 120_000_000);

    private Emissions() {
    }

    static Emission order(Operation operation, SnapshotMarker marker, long deleted) {
        Row row = new Row(UPDATED, new Object[] {42L, 7L, new BigDecimal("2193.60"), "paid",
            LocalDateTime.of(2024, 4, 30, 9, 0, 0, 5_000_000), UPDATED, deleted}, deleted == 1);
        TableOffset offset = TableOffset.streaming(UPDATED, List.of(new TableOffset.KeyValue("id", 42L)));
        Instant changeTime = UPDATED.toInstant(ZoneOffset.UTC);
        return new Emission(ORDERS, row, operation, changeTime, marker, offset);
    }
}
