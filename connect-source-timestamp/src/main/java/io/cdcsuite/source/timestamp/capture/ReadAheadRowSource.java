package io.cdcsuite.source.timestamp.capture;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.source.timestamp.plan.TablePlan;

/**
 * Reads the next snapshot page while the task hands the current one to Connect: on its own connection and thread, so
 * that reading MySQL and converting and producing records overlap instead of taking turns on the task thread. A page
 * read ahead is used only when the table then asks for exactly that query (same plan, bound, key and size); anything
 * else, or a failure of the read ahead, is read directly, so what the task emits never depends on it. Keyset pages are
 * separate autocommit queries either way: a page read a moment earlier guarantees what one read on time does.
 */
public final class ReadAheadRowSource implements RowSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadAheadRowSource.class);

    private final RowSource direct;
    private final RowSource ahead;
    private final Runnable resetAhead;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "timestamp-source-read-ahead");
        thread.setDaemon(true);
        return thread;
    });
    /** The page being read ahead; touched by the task thread only. */
    private Pending pending;

    private record Pending(TablePlan plan, PageQuery query, Future<List<Row>> rows) {
    }

    /**
     * @param direct     reads on the task thread
     * @param ahead      reads ahead, on a connection of its own
     * @param resetAhead drops the read-ahead connection after a failure (the next read ahead opens a new one)
     */
    public ReadAheadRowSource(RowSource direct, RowSource ahead, Runnable resetAhead) {
        this.direct = direct;
        this.ahead = ahead;
        this.resetAhead = resetAhead;
    }

    @Override
    public DbTime now() throws SQLException {
        return direct.now();
    }

    @Override
    public List<Row> read(TablePlan plan, PageQuery query) throws SQLException {
        Pending taken = pending;
        pending = null;
        if (taken != null && taken.plan() == plan && taken.query().equals(query)) {
            try {
                return taken.rows().get();
            } catch (ExecutionException e) {
                LOG.debug("Reading ahead {} failed, reading it now: {}", plan.id(), e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for a page read ahead", e);
            }
        } else if (taken != null) {
            taken.rows().cancel(false);
        }
        return direct.read(plan, query);
    }

    @Override
    public void readAhead(TablePlan plan, PageQuery query) {
        if (pending != null) {
            pending.rows().cancel(false);
        }
        pending = new Pending(plan, query, reader.submit(() -> {
            try {
                return ahead.read(plan, query);
            } catch (SQLException | RuntimeException e) {
                resetAhead.run();
                throw e;
            }
        }));
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
