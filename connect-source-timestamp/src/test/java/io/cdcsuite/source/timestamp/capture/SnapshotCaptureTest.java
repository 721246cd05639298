package io.cdcsuite.source.timestamp.capture;

import static io.cdcsuite.source.timestamp.capture.CaptureHarness.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.config.SnapshotMode;
import io.cdcsuite.source.timestamp.offset.TableOffset;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.schema.SnapshotMarker;
import io.cdcsuite.source.timestamp.testing.FakeDatabase;
import io.cdcsuite.source.timestamp.testing.Tables;

/** Initial snapshots: Debezium's markers, the hand-over to streaming, and resuming after a restart. */
class SnapshotCaptureTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 10, 0, 0);
    private static final TablePlan ORDERS = Tables.plan(Tables.orders(), Map.of(TimestampSourceConfig.SOFT_DELETE_COLUMN, "is_deleted"));
    private static final TablePlan LINES = Tables.plan(Tables.orderLines(), Map.of());

    private static void order(FakeDatabase db, long id, LocalDateTime ts, long deleted) {
        db.put(ORDERS.id(), id, 1L, null, "new", ts, ts, deleted);
    }

    private static CaptureHarness harness(FakeDatabase db, int batch, TablePlan... plans) {
        return new CaptureHarness(db, settings(SnapshotMode.INITIAL, Duration.ofSeconds(2), Duration.ZERO, batch),
                List.of(plans));
    }

    private static List<String> markers(List<Emission> emissions) {
        return emissions.stream().map(e -> e.marker() == null ? "-" : e.marker().value()).toList();
    }

    @Test
    void markersFollowDebeziumAcrossTablesAndSoftDeletedRowsAreLeftOut() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), ORDERS, LINES);
        for (long id = 1; id <= 4; id++) {
            order(db, id, T0, id == 2 ? 1L : 0L);
        }
        db.put(LINES.id(), 1L, 1L, 1L, T0);
        db.put(LINES.id(), 1L, 2L, 1L, T0);
        CaptureHarness harness = harness(db, 2, ORDERS, LINES);

        List<Emission> emitted = harness.drain();

        assertThat(emitted).extracting(Emission::operation).containsOnly(Operation.READ);
        assertThat(emitted).extracting(e -> e.plan().id().table() + ":" + e.row().values().get(0) + "/"
                + e.row().values().get(1)).containsExactly("orders:1/1", "orders:3/1", "orders:4/1",
                        "order_lines:1/1", "order_lines:1/2");
        assertThat(markers(emitted)).containsExactly("first", "true", "last_in_data_collection",
                "first_in_data_collection", "last");
    }

    @Test
    void theLastRecordIsMarkedLastEvenWhenLaterTablesAreEmpty() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), ORDERS, LINES);
        order(db, 1, T0, 0);
        order(db, 2, T0, 0);

        List<Emission> emitted = harness(db, 10, ORDERS, LINES).drain();

        assertThat(markers(emitted)).containsExactly("first", "last");
    }

    @Test
    void aSingleRowSnapshotIsLast() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), ORDERS, LINES);
        order(db, 1, T0, 0);

        assertThat(markers(harness(db, 10, ORDERS).drain())).containsExactly("last");
    }

    @Test
    void theSnapshotStopsAtItsBoundAndStreamingContinuesFromThereAfterTheWholeRun() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), ORDERS, LINES);
        order(db, 1, T0, 0);
        // younger than the commit lag at snapshot start: not part of the snapshot
        order(db, 2, T0.plusSeconds(9), 0);
        db.put(LINES.id(), 1L, 1L, 1L, T0);
        CaptureHarness harness = harness(db, 10, ORDERS, LINES);

        List<Emission> snapshot = harness.poll();
        assertThat(snapshot).extracting(Emission::operation).containsExactly(Operation.READ, Operation.READ);
        // the last snapshot record of a table carries the streaming position at the table's bound
        assertThat(snapshot.get(0).offset()).isEqualTo(TableOffset.streaming(T0.plusSeconds(8), List.of()));

        db.advance(Duration.ofSeconds(5));
        List<Emission> changes = harness.drain();
        assertThat(changes).extracting(e -> e.row().values().get(0), Emission::operation)
                .containsExactly(Tuple.tuple(2L, Operation.UPDATE));
        assertThat(changes.get(0).marker()).isNull();
    }

    @Test
    void aRestartMidSnapshotResumesAfterTheLastEmittedKeyWithoutRepeatingFirst() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), ORDERS, LINES);
        for (long id = 1; id <= 5; id++) {
            order(db, id, T0, 0);
        }
        CaptureHarness harness = harness(db, 2, ORDERS);

        List<Emission> before = harness.poll();
        assertThat(before).extracting(e -> e.row().values().get(0)).containsExactly(1L, 2L);
        assertThat(harness.committed.get(ORDERS.id())).containsEntry("phase", "snapshot")
                .containsEntry("snapshot.bound", "2024-05-01T10:00:08.000000").containsEntry("key.0.value", 2L);
        harness.restart();
        List<Emission> after = harness.drain();

        assertThat(after).extracting(e -> e.row().values().get(0)).containsExactly(3L, 4L, 5L);
        assertThat(markers(before)).containsExactly("first", "true");
        assertThat(markers(after)).containsExactly("true", "true", "last");
        assertThat(harness.engine.tables().get(0).phase()).isEqualTo(TableCapture.Phase.STREAMING);
    }

    @Test
    void rowsReadByTheSnapshotAreNotEmittedAgainByTheFirstRescan() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), ORDERS, LINES);
        order(db, 1, T0.plusSeconds(5), 0);
        CaptureHarness harness = new CaptureHarness(db,
                settings(SnapshotMode.INITIAL, Duration.ofSeconds(2), Duration.ofMinutes(1), 10), List.of(ORDERS));

        assertThat(harness.drain()).extracting(Emission::operation).containsExactly(Operation.READ);
        db.advance(Duration.ofSeconds(5));
        assertThat(harness.drain()).isEmpty();
    }

    @Test
    void snapshotProgressIsVisibleInTheMetrics() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), ORDERS, LINES);
        for (long id = 1; id <= 5; id++) {
            order(db, id, T0, 0);
        }
        CaptureHarness harness = harness(db, 2, ORDERS);

        harness.poll();

        assertThat(harness.metrics.get(ORDERS.id()).getPhase()).isEqualTo("snapshot");
        assertThat(harness.metrics.get(ORDERS.id()).getSnapshotRowsEstimated()).isEqualTo(1000);
        assertThat(harness.metrics.get(ORDERS.id()).getSnapshotRowsEmitted()).isEqualTo(3);
        harness.drain();
        assertThat(harness.metrics.get(ORDERS.id()).getSnapshotProgress()).isEqualTo(1.0);
    }

    @Test
    void markerPrecedenceIsDebeziums() {
        assertThat(SnapshotMarker.of(true, true, true, true)).isEqualTo(SnapshotMarker.LAST);
        assertThat(SnapshotMarker.of(true, false, true, true)).isEqualTo(SnapshotMarker.FIRST);
        assertThat(SnapshotMarker.of(false, false, true, true)).isEqualTo(SnapshotMarker.LAST_IN_DATA_COLLECTION);
        assertThat(SnapshotMarker.of(false, false, true, false)).isEqualTo(SnapshotMarker.FIRST_IN_DATA_COLLECTION);
        assertThat(SnapshotMarker.of(false, false, false, false)).isEqualTo(SnapshotMarker.TRUE);
    }
}
