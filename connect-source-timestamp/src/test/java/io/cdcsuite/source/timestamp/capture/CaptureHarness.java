package io.cdcsuite.source.timestamp.capture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.config.SnapshotMode;
import io.cdcsuite.source.timestamp.metrics.TableMetrics;
import io.cdcsuite.source.timestamp.offset.TableOffset;
import io.cdcsuite.source.timestamp.plan.PlanResult;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.testing.FakeDatabase;

/**
 * Runs a {@link CaptureEngine} against a {@link FakeDatabase} like a task would: polls, keeps every emission,
 * remembers the last offset per table as Connect would commit it (through its map form), and restarts from those
 * offsets.
 */
final class CaptureHarness {
    final FakeDatabase db;
    final CaptureSettings settings;
    private final List<TablePlan> plans;
    final List<Emission> emitted = new ArrayList<>();
    final Map<TableId, Map<String, Object>> committed = new HashMap<>();
    final Map<TableId, TableMetrics> metrics = new HashMap<>();
    TablePlanLoader planLoader = table -> PlanResult.refused(List.of());
    CaptureEngine engine;

    CaptureHarness(FakeDatabase db, CaptureSettings settings, List<TablePlan> plans) {
        this.db = db;
        this.settings = settings;
        this.plans = plans;
        plans.forEach(db::table);
        restart();
    }

    static CaptureSettings settings(SnapshotMode mode, Duration lag, Duration rescanWindow, int batch) {
        return new CaptureSettings(mode, lag, Duration.ofSeconds(1), rescanWindow, 10_000, batch);
    }

    /** A new engine from the committed offsets, as after a task restart. */
    CaptureHarness restart() {
        List<TableCapture> tables = new ArrayList<>();
        boolean fresh = true;
        for (TablePlan plan : plans) {
            Optional<TableOffset> offset = Optional.ofNullable(committed.get(plan.id())).map(TableOffset::fromMap);
            TableMetrics tableMetrics = new TableMetrics();
            metrics.put(plan.id(), tableMetrics);
            TableCapture table = TableCapture.restore(plan, settings, tableMetrics, offset);
            if (table.phase() == TableCapture.Phase.SNAPSHOT && offset.isPresent()) {
                fresh = false;
            }
            tables.add(table);
        }
        engine = CaptureEngine.create(tables, fresh, db, id -> planLoader.load(id), settings.batchMaxRows());
        return this;
    }

    /** One poll; its emissions are delivered and their offsets committed. */
    List<Emission> poll() throws Exception {
        List<Emission> batch = engine.poll();
        emitted.addAll(batch);
        batch.forEach(e -> committed.put(e.plan().id(), e.offset().toMap()));
        return batch;
    }

    /** Polls until a poll returns nothing (at most 1000 polls). */
    List<Emission> drain() throws Exception {
        List<Emission> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            List<Emission> batch = poll();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
        throw new AssertionError("the engine did not catch up in 1000 polls");
    }
}
