package io.cdcsuite.source.timestamp.capture;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.source.timestamp.config.ConfigProblem;
import io.cdcsuite.source.timestamp.plan.PlanResult;

/**
 * Drives a task's tables: first the snapshot run (if any tables need one), then round-robin change pages over the
 * streaming tables, until a poll holds {@code batch.max.rows} records. A database failure after some records were
 * gathered returns those records and is thrown by the next poll, so no read row is ever dropped.
 */
public final class CaptureEngine {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureEngine.class);
    /** MySQL's ER_NO_SUCH_TABLE. */
    private static final int NO_SUCH_TABLE = 1146;

    private final List<TableCapture> tables;
    private final RowSource source;
    private final TablePlanLoader planLoader;
    private final int batchMaxRows;
    private SnapshotRun snapshotRun;
    private int nextTable;
    private SQLException deferredFailure;

    private CaptureEngine(List<TableCapture> tables, SnapshotRun snapshotRun, RowSource source,
            TablePlanLoader planLoader, int batchMaxRows) {
        this.tables = List.copyOf(tables);
        this.snapshotRun = snapshotRun;
        this.source = source;
        this.planLoader = planLoader;
        this.batchMaxRows = batchMaxRows;
    }

    /**
     * An engine over a task's tables; those in the snapshot phase form its snapshot run, {@code freshSnapshot} when
     * none of them has stored progress.
     */
    public static CaptureEngine create(List<TableCapture> tables, boolean freshSnapshot, RowSource source,
            TablePlanLoader planLoader, int batchMaxRows) {
        List<TableCapture> toSnapshot = tables.stream().filter(t -> t.phase() == TableCapture.Phase.SNAPSHOT).toList();
        SnapshotRun run = null;
        if (!toSnapshot.isEmpty()) {
            LOG.info("Snapshot of {} table(s), in this order: {}", toSnapshot.size(),
                    toSnapshot.stream().map(t -> t.id().toString()).collect(Collectors.joining(", ")));
            run = new SnapshotRun(toSnapshot, freshSnapshot);
        }
        return new CaptureEngine(tables, run, source, planLoader, batchMaxRows);
    }

    public List<TableCapture> tables() {
        return tables;
    }

    public boolean snapshotting() {
        return snapshotRun != null;
    }

    /** The next batch of rows to emit; empty when every table is caught up. */
    public List<Emission> poll() throws SQLException {
        if (deferredFailure != null) {
            SQLException failure = deferredFailure;
            deferredFailure = null;
            throw failure;
        }
        DbTime now = source.now();
        List<Emission> emissions = new ArrayList<>();
        try {
            while (snapshotRun != null && emissions.size() < batchMaxRows) {
                SnapshotRun run = snapshotRun;
                Optional<List<Emission>> released =
                        guarded(run.current(), () -> run.step(source, now, batchMaxRows - emissions.size()));
                if (released.isEmpty()) {
                    break;
                }
                emissions.addAll(released.get());
                if (run.complete()) {
                    snapshotRun = null;
                    LOG.info("Snapshot complete; its tables now stream changes");
                }
            }
            for (int i = 0; i < tables.size() && emissions.size() < batchMaxRows; i++) {
                TableCapture table = tables.get((nextTable + i) % tables.size());
                guarded(table, () -> table.streamPage(source, now, batchMaxRows - emissions.size()))
                        .ifPresent(emissions::addAll);
            }
            nextTable = tables.isEmpty() ? 0 : (nextTable + 1) % tables.size();
        } catch (SQLException e) {
            if (emissions.isEmpty()) {
                throw e;
            }
            deferredFailure = e;
        }
        return emissions;
    }

    private interface TableRead {
        List<Emission> read() throws SQLException;
    }

    /**
     * Runs one table read, handling what concerns that table alone: a schema change re-plans it, a dropped table is
     * set aside. Other failures propagate.
     */
    private Optional<List<Emission>> guarded(TableCapture table, TableRead read) throws SQLException {
        try {
            return Optional.of(read.read());
        } catch (TableChangedException e) {
            LOG.info("{}; planning it again", e.getMessage());
            PlanResult result = planLoader.load(table.id());
            if (result.plan().isPresent()) {
                table.replan(result.plan().get());
            } else {
                table.refuse(result.problems().stream().map(ConfigProblem::message).collect(Collectors.joining("; ")));
            }
            return Optional.empty();
        } catch (SQLException e) {
            if (e.getErrorCode() != NO_SUCH_TABLE) {
                throw e;
            }
            table.drop();
            return Optional.empty();
        }
    }
}
