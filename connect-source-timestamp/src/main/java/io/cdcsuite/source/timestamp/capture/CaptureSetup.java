package io.cdcsuite.source.timestamp.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.source.timestamp.catalog.TableDefinition;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.config.ConfigProblem;
import io.cdcsuite.source.timestamp.metrics.TableMetrics;
import io.cdcsuite.source.timestamp.offset.TableOffset;
import io.cdcsuite.source.timestamp.plan.PlanResult;
import io.cdcsuite.source.timestamp.plan.TablePlanner;

/**
 * Builds a task's engine: plans its tables from their current definitions and restores each from its stored
 * offset. Tables that no longer exist or can no longer be captured are skipped with a log message; the connector's
 * table monitor reassigns tables when the set changes.
 */
public final class CaptureSetup {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureSetup.class);

    private CaptureSetup() {
    }

    public static CaptureEngine engine(List<TableId> tables, Map<TableId, TableDefinition> definitions,
            TablePlanner planner, Function<TableId, Optional<TableOffset>> storedOffsets,
            Function<TableId, TableMetrics> metrics, CaptureSettings settings, RowSource source,
            TablePlanLoader planLoader) {
        List<TableCapture> captures = new ArrayList<>();
        boolean freshSnapshot = true;
        for (TableId table : tables) {
            TableDefinition definition = definitions.get(table);
            if (definition == null) {
                LOG.warn("Table {} no longer exists; skipped until the connector reassigns its tables", table);
                continue;
            }
            PlanResult result = planner.plan(definition);
            result.warnings().forEach(LOG::warn);
            if (result.plan().isEmpty()) {
                LOG.error("Table {} cannot be captured and is skipped: {}", table,
                        result.problems().stream().map(ConfigProblem::message).toList());
                continue;
            }
            Optional<TableOffset> offset = storedOffsets.apply(table);
            TableCapture capture = TableCapture.restore(result.plan().get(), settings, metrics.apply(table), offset);
            if (capture.phase() == TableCapture.Phase.SNAPSHOT && offset.isPresent()) {
                freshSnapshot = false;
            }
            LOG.info("Table {}: {} from {}", table, capture.phase(), offset.map(TableOffset::toMap).orElse(Map.of()));
            captures.add(capture);
        }
        return CaptureEngine.create(captures, freshSnapshot, source, planLoader, settings.batchMaxRows());
    }
}
