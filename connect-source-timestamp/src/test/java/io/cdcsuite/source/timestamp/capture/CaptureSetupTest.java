package io.cdcsuite.source.timestamp.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.catalog.TableDefinition;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.config.SnapshotMode;
import io.cdcsuite.source.timestamp.metrics.TableMetrics;
import io.cdcsuite.source.timestamp.offset.TableOffset;
import io.cdcsuite.source.timestamp.plan.PlanResult;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.plan.TablePlanner;
import io.cdcsuite.source.timestamp.testing.Columns;
import io.cdcsuite.source.timestamp.testing.FakeDatabase;
import io.cdcsuite.source.timestamp.testing.Tables;

class CaptureSetupTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 10, 0);
    private static final TablePlanner PLANNER = new TablePlanner(TablePlanner.Settings.from(Tables.config(Map.of())));
    private static final TableDefinition NO_KEY = new TableDefinition(new TableId("shop", "log"),
            List.of(Columns.notNull("line", "text"), Columns.notNull("last_updated", "timestamp")), List.of(), List.of(), 0);
    private static final TablePlan ORDERS = Tables.plan(Tables.orders(), Map.of());

    private static CaptureEngine engine(Map<TableId, TableOffset> offsets, FakeDatabase db) {
        return CaptureSetup.engine(List.of(Tables.LINES, Tables.ORDERS, NO_KEY.id()),
                Map.of(Tables.ORDERS, Tables.orders(), NO_KEY.id(), NO_KEY), PLANNER,
                table -> Optional.ofNullable(offsets.get(table)), table -> new TableMetrics(),
                CaptureHarness.settings(SnapshotMode.INITIAL, Duration.ZERO, Duration.ZERO, 10), db,
                table -> PlanResult.refused(List.of()));
    }

    @Test
    void missingAndRefusedTablesAreSkippedAndTheOthersRestored() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), ORDERS);
        db.put(ORDERS.id(), 1L, 1L, null, "new", T0, T0, 0L);
        db.put(ORDERS.id(), 2L, 1L, null, "new", T0, T0, 0L);

        CaptureEngine fresh = engine(Map.of(), db);
        assertThat(fresh.tables()).extracting(TableCapture::id).containsExactly(Tables.ORDERS);
        assertThat(fresh.tables().get(0).phase()).isEqualTo(TableCapture.Phase.SNAPSHOT);
        assertThat(fresh.poll()).extracting(e -> e.marker().value()).containsExactly("first", "last");

        CaptureEngine resumed = engine(Map.of(Tables.ORDERS, TableOffset.snapshot(T0.plusSeconds(5), List.of())), db);
        assertThat(resumed.poll()).as("a resumed run has no first record").extracting(e -> e.marker().value())
                .containsExactly("first_in_data_collection", "last");

        CaptureEngine streaming = engine(Map.of(Tables.ORDERS, TableOffset.streaming(T0.minusSeconds(1), List.of())), db);
        assertThat(streaming.snapshotting()).isFalse();
        assertThat(streaming.poll()).extracting(Emission::marker).containsOnlyNulls();
    }
}
