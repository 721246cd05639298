package io.cdcsuite.source.timestamp.capture;

import static io.cdcsuite.source.timestamp.capture.CaptureHarness.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.config.SnapshotMode;
import io.cdcsuite.source.timestamp.offset.TableOffset;
import io.cdcsuite.source.timestamp.plan.PlanResult;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.testing.FakeDatabase;
import io.cdcsuite.source.timestamp.testing.Tables;

/** The change paging of the capture engine against an in-memory database: no row missed, none read twice. */
class ChangeCaptureTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 10, 0, 0);
    private static final TablePlan LINES = Tables.plan(Tables.orderLines(), Map.of());

    /** A harness streaming order_lines from before T0, i.e. every row the tests add. */
    private static CaptureHarness streamingLines(FakeDatabase db, Duration lag, Duration rescanWindow, int batch) {
        CaptureHarness harness = new CaptureHarness(db, settings(SnapshotMode.NEVER, lag, rescanWindow, batch), List.of(LINES));
        harness.committed.put(LINES.id(), TableOffset.streaming(T0.minusDays(1), List.of()).toMap());
        return harness.restart();
    }

    private static List<List<Object>> keys(List<Emission> emissions) {
        return emissions.stream().map(e -> e.row().key(e.plan())).toList();
    }

    @Test
    void rowsSharingOneTimestampAcrossPagesAndRestartsAreEachEmittedOnceInKeyOrder() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(5), LINES);
        List<List<Object>> expected = new ArrayList<>();
        for (long order = 1; order <= 5; order++) {
            for (long line = 1; line <= 5; line++) {
                db.put(LINES.id(), order, line, 1L, T0);
                expected.add(List.of(order, line));
            }
        }
        CaptureHarness harness = streamingLines(db, Duration.ZERO, Duration.ZERO, 4);

        List<Emission> first = harness.poll();
        List<Emission> second = harness.poll();
        assertThat(first).hasSize(4);
        assertThat(second).hasSize(4);
        // a composite position in the middle of one timestamp survives the offset store
        assertThat(harness.committed.get(LINES.id()))
                .containsEntry("ts", "2024-05-01T10:00:00.000000")
                .containsEntry("key.0.column", "order_id").containsEntry("key.0.value", 2L)
                .containsEntry("key.1.column", "line_no").containsEntry("key.1.value", 3L);
        harness.restart();
        harness.drain();

        assertThat(keys(harness.emitted)).containsExactlyElementsOf(expected);
        assertThat(harness.emitted).extracting(Emission::operation).containsOnly(Operation.UPDATE);
    }

    @Test
    void orderIsByTimestampThenKeyAndTheResumePositionMovesWithIt() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES);
        db.put(LINES.id(), 9L, 1L, 1L, T0.plusSeconds(1));
        db.put(LINES.id(), 1L, 2L, 1L, T0.plusSeconds(2));
        db.put(LINES.id(), 1L, 1L, 1L, T0.plusSeconds(2));
        db.put(LINES.id(), 5L, 5L, 1L, T0);
        CaptureHarness harness = streamingLines(db, Duration.ZERO, Duration.ZERO, 100);

        harness.drain();
        // a later update moves the row behind the others
        db.put(LINES.id(), 5L, 5L, 2L, T0.plusSeconds(3));
        db.advance(Duration.ofSeconds(1));
        harness.drain();

        assertThat(keys(harness.emitted)).containsExactly(List.of(5L, 5L), List.of(9L, 1L), List.of(1L, 1L),
                List.of(1L, 2L), List.of(5L, 5L));
        assertThat(harness.emitted.get(4).row().values().get(2)).isEqualTo(2L);
    }

    @Test
    void theUnfinishedTickIsNeverReadSoAnUpdateLaterInTheSameSecondIsNotLost() throws Exception {
        // TIMESTAMP(0): a row written at 10:00:00.2 and updated at 10:00:00.8 keeps the value 10:00:00
        FakeDatabase db = new FakeDatabase(T0.plusNanos(500_000_000), LINES);
        CaptureHarness harness = streamingLines(db, Duration.ZERO, Duration.ZERO, 100);
        db.put(LINES.id(), 1L, 1L, 10L, T0);

        assertThat(harness.poll()).as("10:00:00 is the current second: not read yet").isEmpty();
        db.put(LINES.id(), 1L, 1L, 11L, T0);
        db.advance(Duration.ofMillis(700));

        List<Emission> emitted = harness.drain();
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).row().values().get(2)).isEqualTo(11L);
    }

    @Test
    void commitLagHoldsBackRowsYoungerThanTheLag() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES);
        CaptureHarness harness = streamingLines(db, Duration.ofSeconds(3), Duration.ZERO, 100);
        db.put(LINES.id(), 1L, 1L, 1L, T0.plusSeconds(6));
        db.put(LINES.id(), 2L, 1L, 1L, T0.plusSeconds(8));

        assertThat(keys(harness.drain())).containsExactly(List.of(1L, 1L));
        db.advance(Duration.ofSeconds(2));
        assertThat(keys(harness.drain())).containsExactly(List.of(2L, 1L));
    }

    @Test
    void aLateCommitBehindThePositionIsMissedWithoutRescanAndCaughtOnceWithIt() throws Exception {
        for (Duration window : List.of(Duration.ZERO, Duration.ofSeconds(10))) {
            FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES);
            CaptureHarness harness = streamingLines(db, Duration.ZERO, window, 100);
            db.put(LINES.id(), 1L, 1L, 1L, T0.plusSeconds(2));
            db.put(LINES.id(), 3L, 1L, 1L, T0.plusSeconds(5));
            harness.drain();

            // a transaction that took the timestamp T0+4 commits after the position passed T0+5
            db.put(LINES.id(), 2L, 1L, 1L, T0.plusSeconds(4));
            db.advance(Duration.ofSeconds(2));
            List<Emission> late = harness.drain();
            db.advance(Duration.ofSeconds(2));
            List<Emission> steady = harness.drain();

            if (window.isZero()) {
                assertThat(late).isEmpty();
            } else {
                assertThat(keys(late)).containsExactly(List.of(2L, 1L));
                // a re-scan record does not move the position
                assertThat(late.get(0).offset().ts()).isEqualTo(T0.plusSeconds(5));
            }
            assertThat(steady).as("unchanged rows are not re-emitted in steady state").isEmpty();
        }
    }

    @Test
    void rescanReEmitsARowThatChangedWithinTheSameTick() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES);
        CaptureHarness harness = streamingLines(db, Duration.ZERO, Duration.ofSeconds(10), 100);
        db.put(LINES.id(), 1L, 1L, 1L, T0.plusSeconds(5));
        harness.drain();

        // a long transaction updated the row in that same second and committed only now
        db.put(LINES.id(), 1L, 1L, 2L, T0.plusSeconds(5));
        db.advance(Duration.ofSeconds(2));

        List<Emission> emitted = harness.drain();
        assertThat(emitted).hasSize(1);
        assertThat(emitted.get(0).row().values().get(2)).isEqualTo(2L);
    }

    @Test
    void rescanPagesThroughAWindowLargerThanABatch() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES);
        CaptureHarness harness = streamingLines(db, Duration.ZERO, Duration.ofSeconds(10), 3);
        db.put(LINES.id(), 100L, 1L, 1L, T0.plusSeconds(6));
        harness.drain();
        for (long order = 1; order <= 7; order++) {
            db.put(LINES.id(), order, 1L, 1L, T0.plusSeconds(5));
        }
        db.advance(Duration.ofSeconds(2));

        List<Emission> late = harness.drain();
        db.advance(Duration.ofSeconds(2));

        assertThat(keys(late)).hasSize(7).doesNotHaveDuplicates();
        assertThat(harness.drain()).isEmpty();
    }

    @Test
    void neverModeStartsAtTheCurrentBound() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES);
        db.put(LINES.id(), 1L, 1L, 1L, T0);
        CaptureHarness harness = new CaptureHarness(db, settings(SnapshotMode.NEVER, Duration.ZERO, Duration.ZERO, 100),
                List.of(LINES));

        assertThat(harness.drain()).isEmpty();
        db.put(LINES.id(), 2L, 1L, 1L, T0.plusSeconds(10));
        db.advance(Duration.ofSeconds(1));

        assertThat(keys(harness.drain())).containsExactly(List.of(2L, 1L));
    }

    @Test
    void aFailedQueryReturnsWhatWasReadAndThrowsOnTheNextPollWithoutLosingRows() throws Exception {
        TablePlan orders = Tables.plan(Tables.orders(), Map.of());
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES, orders);
        CaptureHarness harness = new CaptureHarness(db, settings(SnapshotMode.NEVER, Duration.ZERO, Duration.ZERO, 100),
                List.of(LINES, orders));
        harness.committed.put(LINES.id(), TableOffset.streaming(T0, List.of()).toMap());
        harness.committed.put(orders.id(), TableOffset.streaming(T0, List.of()).toMap());
        harness.restart();
        db.put(LINES.id(), 1L, 1L, 1L, T0.plusSeconds(1));
        db.put(orders.id(), 7L, 1L, null, "new", T0, T0.plusSeconds(1), 0L);
        db.failNextQuery(orders.id(), new SQLException("connection lost", "08S01"));

        assertThat(keys(harness.poll())).containsExactly(List.of(1L, 1L));
        assertThatThrownBy(harness::poll).isInstanceOf(SQLException.class).hasMessage("connection lost");
        assertThat(keys(harness.drain())).containsExactly(List.of(7L));
    }

    @Test
    void aDroppedTableIsSetAsideAndTheOthersGoOn() throws Exception {
        TablePlan orders = Tables.plan(Tables.orders(), Map.of());
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES, orders);
        CaptureHarness harness = new CaptureHarness(db, settings(SnapshotMode.NEVER, Duration.ZERO, Duration.ZERO, 100),
                List.of(orders, LINES));
        harness.committed.put(LINES.id(), TableOffset.streaming(T0, List.of()).toMap());
        harness.committed.put(orders.id(), TableOffset.streaming(T0, List.of()).toMap());
        harness.restart();
        db.put(LINES.id(), 1L, 1L, 1L, T0.plusSeconds(1));
        db.failNextQuery(orders.id(), new SQLException("Table 'shop.orders' doesn't exist", "42S02", 1146));

        assertThat(keys(harness.drain())).containsExactly(List.of(1L, 1L));
        assertThat(harness.engine.tables()).extracting(TableCapture::phase)
                .containsExactly(TableCapture.Phase.DROPPED, TableCapture.Phase.STREAMING);
    }

    @Test
    void aSchemaChangeReplansTheTableAndRereadsThePage() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES);
        CaptureHarness harness = streamingLines(db, Duration.ZERO, Duration.ZERO, 100);
        TablePlan replanned = Tables.plan(Tables.orderLines(), Map.of());
        harness.planLoader = id -> PlanResult.of(replanned, List.of());
        db.put(LINES.id(), 1L, 1L, 1L, T0.plusSeconds(1));
        db.failNextQuery(LINES.id(), new TableChangedException(LINES.id(), "1 more column"));

        assertThat(harness.poll()).isEmpty();
        List<Emission> emitted = harness.drain();

        assertThat(keys(emitted)).containsExactly(List.of(1L, 1L));
        assertThat(emitted.get(0).plan()).isSameAs(replanned);
    }

    @Test
    void softDeletedRowsAreDeletesAndCreationTimeTellsCreatesFromUpdates() throws Exception {
        TablePlan orders = Tables.plan(Tables.orders(), Map.of(
                TimestampSourceConfig.SOFT_DELETE_COLUMN, "is_deleted",
                TimestampSourceConfig.CREATED_COLUMN, "created_at"));
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES, orders);
        CaptureHarness harness = new CaptureHarness(db, settings(SnapshotMode.NEVER, Duration.ZERO, Duration.ZERO, 100),
                List.of(orders));
        harness.committed.put(orders.id(), TableOffset.streaming(T0.plusSeconds(2), List.of()).toMap());
        harness.restart();
        LocalDateTime t5 = T0.plusSeconds(5);
        // inserted: creation time equals change time
        db.put(orders.id(), 1L, 1L, null, "new", t5, t5, 0L);
        // created long before the position, updated now
        db.put(orders.id(), 2L, 1L, null, "paid", T0.minusDays(3), t5.plusNanos(1_000_000), 0L);
        // created after the position, then updated before it was read
        db.put(orders.id(), 3L, 1L, null, "paid", T0.plusSeconds(3), T0.plusSeconds(4), 0L);
        db.put(orders.id(), 4L, 1L, null, "gone", T0.minusDays(3), t5.plusNanos(2_000_000), 1L);

        List<Emission> emitted = harness.drain();

        assertThat(emitted).extracting(e -> e.row().key(orders).get(0), Emission::operation).containsExactly(
                Tuple.tuple(3L, Operation.CREATE),
                Tuple.tuple(1L, Operation.CREATE),
                Tuple.tuple(2L, Operation.UPDATE),
                Tuple.tuple(4L, Operation.DELETE));
    }

    @Test
    void metricsShowLagPhaseAndRows() throws Exception {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), LINES);
        CaptureHarness harness = streamingLines(db, Duration.ZERO, Duration.ZERO, 100);
        db.put(LINES.id(), 1L, 1L, 1L, T0.plusSeconds(4));
        harness.drain();
        harness.poll();

        assertThat(harness.metrics.get(LINES.id()).getRowsEmitted()).isEqualTo(1);
        assertThat(harness.metrics.get(LINES.id()).getPhase()).isEqualTo("streaming");
        assertThat(harness.metrics.get(LINES.id()).getLagMillis()).isEqualTo(6_000);
        assertThat(harness.metrics.get(LINES.id()).isKeysetIndexPresent()).isTrue();
    }
}
