package io.cdcsuite.source.timestamp.capture;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.config.SnapshotMode;
import io.cdcsuite.source.timestamp.metrics.TableMetrics;
import io.cdcsuite.source.timestamp.offset.TableOffset;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.schema.ColumnMapping;

/**
 * The capture state of one table and the reading of its pages. In-memory state changes only after a page has been
 * read successfully, so a failed query leaves the table exactly where its last emitted row left it.
 */
public final class TableCapture {
    private static final Logger LOG = LoggerFactory.getLogger(TableCapture.class);

    public enum Phase {
        /** Reading existing rows in key order. */
        SNAPSHOT,
        /** Snapshot read, waiting for the other tables of its snapshot run before streaming. */
        SNAPSHOT_DONE,
        STREAMING,
        /** Cannot be captured any more (a schema change made it unusable); reported, no longer read. */
        REFUSED,
        DROPPED
    }

    /** One page of a table's snapshot. */
    record SnapshotPage(List<SnapshotRow> rows, boolean done) {
    }

    /** A snapshot row with its change time, its place in the table and the offset that holds once it is delivered. */
    record SnapshotRow(Row row, Instant changeTime, boolean firstInTable, boolean lastInTable, TableOffset offset) {
    }

    private final CaptureSettings settings;
    private final TableMetrics metrics;
    private final RescanDeduplicator deduplicator;
    private TablePlan plan;
    private Phase phase;
    private LocalDateTime snapshotBound;
    private List<Object> snapshotKey;
    private Position position;
    private PageQuery.Rescan rescan;
    private LocalDateTime lastRescanStart;

    private TableCapture(TablePlan plan, CaptureSettings settings, TableMetrics metrics) {
        this.plan = plan;
        this.settings = settings;
        this.metrics = metrics;
        this.deduplicator = settings.rescanEnabled() ? new RescanDeduplicator(settings.rescanMaxTrackedRows()) : null;
        metrics.keysetIndexPresent(plan.keysetIndex());
    }

    /** Restores a table from its stored offset, or starts it per {@code snapshot.mode} when it has none. */
    public static TableCapture restore(TablePlan plan, CaptureSettings settings, TableMetrics metrics,
            Optional<TableOffset> offset) {
        TableCapture table = new TableCapture(plan, settings, metrics);
        if (offset.isEmpty()) {
            table.phase = settings.snapshotMode() == SnapshotMode.INITIAL ? Phase.SNAPSHOT : Phase.STREAMING;
        } else if (offset.get().phase() == TableOffset.Phase.SNAPSHOT) {
            table.phase = Phase.SNAPSHOT;
            table.snapshotBound = offset.get().snapshotBound();
            table.snapshotKey = table.decodeKey(offset.get()).orElse(null);
        } else {
            table.phase = Phase.STREAMING;
            table.position = new Position(offset.get().ts(), table.decodeKey(offset.get()).orElse(null));
        }
        if (table.phase == Phase.SNAPSHOT) {
            metrics.snapshotRowsEstimated(plan.estimatedRows());
        }
        metrics.phase(table.phase.name().toLowerCase(Locale.ROOT));
        return table;
    }

    public TableId id() {
        return plan.id();
    }

    public TablePlan plan() {
        return plan;
    }

    public Phase phase() {
        return phase;
    }

    /** Reads the next snapshot page; the last row of the table carries the streaming offset that follows it. */
    SnapshotPage snapshotPage(RowSource source, DbTime now, int limit) throws SQLException {
        LocalDateTime bound = snapshotBound != null ? snapshotBound : upperBound(now);
        boolean startOfTable = snapshotKey == null;
        List<Row> rows = timed(source, new PageQuery.Snapshot(bound, snapshotKey, limit + 1));
        boolean more = rows.size() > limit;
        List<Row> page = more ? rows.subList(0, limit) : rows;
        snapshotBound = bound;
        List<SnapshotRow> result = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            Row row = page.get(i);
            boolean last = !more && i == page.size() - 1;
            List<TableOffset.KeyValue> key = encodeKey(row.key(plan));
            TableOffset offset = last ? TableOffset.streaming(bound, List.of()) : TableOffset.snapshot(bound, key);
            result.add(new SnapshotRow(row, changeTime(row, now), startOfTable && i == 0, last, offset));
            // the first re-scan after the snapshot covers [bound - window, bound]: rows read here are not news to it
            if (deduplicator != null && row.ts() != null && !row.ts().isBefore(bound.minus(settings.rescanWindow()))) {
                deduplicator.remember(values(key), row.ts(), RowHasher.hash(row.values()));
            }
        }
        if (!page.isEmpty()) {
            snapshotKey = page.get(page.size() - 1).key(plan);
        }
        if (more) {
            source.readAhead(plan, new PageQuery.Snapshot(bound, snapshotKey, limit + 1));
        }
        metrics.snapshotRowsEmitted(page.size());
        metrics.rowsEmitted(page.size());
        if (!more) {
            phase = Phase.SNAPSHOT_DONE;
            position = Position.before(bound);
            metrics.phase("waiting");
        }
        return new SnapshotPage(result, !more);
    }

    /** Called when the whole snapshot run this table belongs to has been emitted. */
    void startStreaming() {
        if (phase == Phase.SNAPSHOT_DONE) {
            phase = Phase.STREAMING;
            metrics.phase("streaming");
        }
    }

    /** Reads the next change page and, once caught up, a re-scan page; empty when there is nothing to emit. */
    List<Emission> streamPage(RowSource source, DbTime now, int limit) throws SQLException {
        if (phase != Phase.STREAMING) {
            return List.of();
        }
        LocalDateTime bound = upperBound(now);
        if (position == null) {
            // snapshot.mode=never: start at the current bound
            position = Position.before(bound);
            LOG.info("Table {} starts streaming at {} (no snapshot)", plan.id(), bound);
            return List.of();
        }
        metrics.lagMillis(Duration.between(position.ts(), now.now(plan.timestamp())).toMillis());
        List<Emission> emissions = new ArrayList<>();
        boolean caughtUp = true;
        if (position.ts().isBefore(bound)) {
            List<Row> rows = timed(source, new PageQuery.Changes(position, bound, limit));
            for (Row row : rows) {
                Operation operation = ChangeOperation.of(plan, row, position, now);
                List<Object> key = row.key(plan);
                position = new Position(row.ts(), key);
                List<TableOffset.KeyValue> encoded = encodeKey(key);
                if (deduplicator != null) {
                    deduplicator.remember(values(encoded), row.ts(), RowHasher.hash(row.values()));
                }
                emissions.add(new Emission(plan, row, operation, changeTime(row, now), null,
                        TableOffset.streaming(row.ts(), encoded)));
            }
            caughtUp = rows.size() < limit;
        }
        metrics.rowsEmitted(emissions.size());
        if (caughtUp && deduplicator != null && emissions.size() < limit) {
            emissions.addAll(rescanPage(source, now, limit - emissions.size()));
        }
        return emissions;
    }

    /**
     * One page of the re-scan behind the resume position; a pass starts at most once per poll interval, when the
     * table has caught up, and covers [position - window, position].
     */
    private List<Emission> rescanPage(RowSource source, DbTime now, int limit) throws SQLException {
        if (rescan == null) {
            if (lastRescanStart != null && now.utc().isBefore(lastRescanStart.plus(settings.pollInterval()))) {
                return List.of();
            }
            lastRescanStart = now.utc();
            rescan = new PageQuery.Rescan(position.ts().minus(settings.rescanWindow()), position, null, limit);
        }
        PageQuery.Rescan query = new PageQuery.Rescan(rescan.from(), rescan.upTo(), rescan.after(), limit);
        List<Row> rows = timed(source, query);
        TableOffset current = currentOffset();
        List<Emission> emissions = new ArrayList<>();
        Position after = rescan.after();
        for (Row row : rows) {
            List<Object> key = row.key(plan);
            after = new Position(row.ts(), key);
            List<Object> dedupKey = values(encodeKey(key));
            long hash = RowHasher.hash(row.values());
            if (deduplicator.isUnchanged(dedupKey, hash)) {
                continue;
            }
            deduplicator.remember(dedupKey, row.ts(), hash);
            emissions.add(new Emission(plan, row, ChangeOperation.of(plan, row, null, now), changeTime(row, now), null,
                    current));
        }
        if (!emissions.isEmpty()) {
            LOG.info("Re-scan of {} found {} row(s) that committed behind the resume position", plan.id(), emissions.size());
        }
        metrics.rowsEmitted(emissions.size());
        if (rows.size() < limit) {
            deduplicator.forgetBefore(rescan.from());
            rescan = null;
        } else {
            rescan = new PageQuery.Rescan(rescan.from(), rescan.upTo(), after, limit);
        }
        return emissions;
    }

    /** Replaces the plan after a schema change, keeping the position (without its key if the key columns changed). */
    void replan(TablePlan newPlan) {
        boolean sameKey = newPlan.keyColumnNames().equals(plan.keyColumnNames());
        this.plan = newPlan;
        metrics.keysetIndexPresent(newPlan.keysetIndex());
        if (!sameKey) {
            LOG.warn("Key columns of {} changed to {}: resuming from the start of the position's timestamp "
                    + "(rows of that tick may be emitted again)", newPlan.id(), newPlan.keyColumnNames());
            snapshotKey = null;
            if (position != null) {
                position = Position.before(position.ts());
            }
        }
    }

    void refuse(String reason) {
        LOG.error("Table {} can no longer be captured and is skipped: {}", plan.id(), reason);
        phase = Phase.REFUSED;
        metrics.phase("refused");
    }

    void drop() {
        LOG.warn("Table {} no longer exists; it is skipped until the connector reassigns its tables", plan.id());
        phase = Phase.DROPPED;
        metrics.phase("dropped");
    }

    private TableOffset currentOffset() {
        return TableOffset.streaming(position.ts(), position.hasKey() ? encodeKey(position.key()) : List.of());
    }

    private Instant changeTime(Row row, DbTime now) {
        return now.instant(row.ts(), plan.timestamp().utc());
    }

    private LocalDateTime upperBound(DbTime now) {
        return UpperBound.exclusive(now.now(plan.timestamp()), settings.commitLag(), plan.timestamp().fractionalDigits());
    }

    private List<Row> timed(RowSource source, PageQuery query) throws SQLException {
        long start = System.nanoTime();
        List<Row> rows = source.read(plan, query);
        metrics.queryDurationNanos(System.nanoTime() - start);
        return rows;
    }

    private List<TableOffset.KeyValue> encodeKey(List<Object> key) {
        List<ColumnMapping> columns = plan.keyColumns();
        List<TableOffset.KeyValue> encoded = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            encoded.add(new TableOffset.KeyValue(columns.get(i).name(), columns.get(i).rawKind().toOffsetValue(key.get(i))));
        }
        return encoded;
    }

    /** The offset form of a key as the de-duplication key: numbers and strings, which compare by value. */
    private static List<Object> values(List<TableOffset.KeyValue> key) {
        return key.stream().map(TableOffset.KeyValue::value).toList();
    }

    /** The raw key of a stored position, or empty (with a warning) when it was stored for other key columns. */
    private Optional<List<Object>> decodeKey(TableOffset offset) {
        if (offset.key().isEmpty()) {
            return Optional.empty();
        }
        List<ColumnMapping> columns = plan.keyColumns();
        List<String> stored = offset.keyColumns();
        if (stored.size() != columns.size() || !stored.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()
                .equals(columns.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList())) {
            LOG.warn("The stored position of {} is for key columns {}, the table's key is now {}: resuming from the "
                    + "start of its timestamp (or of its snapshot)", plan.id(), stored, plan.keyColumnNames());
            return Optional.empty();
        }
        List<Object> key = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            try {
                key.add(columns.get(i).rawKind().fromOffsetValue(offset.keyValues().get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stored position of " + plan.id() + ", key column "
                        + columns.get(i).name() + ": " + e.getMessage(), e);
            }
        }
        return Optional.of(key);
    }
}
