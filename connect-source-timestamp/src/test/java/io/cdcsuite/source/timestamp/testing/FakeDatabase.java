package io.cdcsuite.source.timestamp.testing;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.cdcsuite.source.timestamp.capture.DbTime;
import io.cdcsuite.source.timestamp.capture.PageQuery;
import io.cdcsuite.source.timestamp.capture.Position;
import io.cdcsuite.source.timestamp.capture.Row;
import io.cdcsuite.source.timestamp.capture.RowSource;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.plan.TablePlan;

/**
 * An in-memory stand-in for MySQL with the semantics of the connector's queries: committed rows per table keyed by
 * their key values, a settable clock, and pages filtered and ordered as the generated SQL filters and orders them.
 * Tests insert, update and soft-delete rows, and "commit late" by adding rows whose timestamps lie in the past.
 */
public final class FakeDatabase implements RowSource {
    private final Map<TableId, Map<List<Object>, Object[]>> tables = new HashMap<>();
    private final Map<TableId, TablePlan> plans = new HashMap<>();
    private LocalDateTime now;
    private int queries;
    private final Map<TableId, SQLException> failures = new HashMap<>();

    public FakeDatabase(LocalDateTime now, TablePlan... plans) {
        this.now = now;
        for (TablePlan plan : plans) {
            table(plan);
        }
    }

    public FakeDatabase table(TablePlan plan) {
        plans.put(plan.id(), plan);
        tables.putIfAbsent(plan.id(), new LinkedHashMap<>());
        return this;
    }

    /** Inserts or replaces a row, values in the plan's column order. */
    public FakeDatabase put(TableId table, Object... values) {
        TablePlan plan = plans.get(table);
        List<Object> key = new ArrayList<>();
        plan.keyIndexes().forEach(i -> key.add(values[i]));
        tables.get(table).put(key, values.clone());
        return this;
    }

    public void delete(TableId table, Object... key) {
        tables.get(table).remove(List.of(key));
    }

    public LocalDateTime clock() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public int queries() {
        return queries;
    }

    /** The next query of {@code table} throws {@code failure} (then the fake works again). */
    public void failNextQuery(TableId table, SQLException failure) {
        failures.put(table, failure);
    }

    @Override
    public DbTime now() {
        return new DbTime(now, now);
    }

    @Override
    public List<Row> read(TablePlan plan, PageQuery query) throws SQLException {
        queries++;
        SQLException failure = failures.remove(plan.id());
        if (failure != null) {
            throw failure;
        }
        Stream<Row> rows = tables.get(plan.id()).values().stream().map(values -> row(plan, values));
        Comparator<Row> byKey = (a, b) -> compare(a.key(plan), b.key(plan));
        Comparator<Row> byTimestampAndKey = Comparator.comparing(Row::ts).thenComparing(byKey);
        if (query instanceof PageQuery.Snapshot snapshot) {
            Predicate<Row> after = r -> snapshot.afterKey() == null || compare(r.key(plan), snapshot.afterKey()) > 0;
            rows = rows.filter(r -> r.ts() != null && r.ts().isBefore(snapshot.bound()) && !r.deleted())
                    .filter(after).sorted(byKey);
        } else if (query instanceof PageQuery.Changes changes) {
            rows = rows.filter(r -> r.ts() != null && r.ts().isBefore(changes.bound()))
                    .filter(r -> isAfter(plan, r, changes.after())).sorted(byTimestampAndKey);
        } else {
            PageQuery.Rescan rescan = (PageQuery.Rescan) query;
            rows = rows.filter(r -> r.ts() != null && !r.ts().isBefore(rescan.from()))
                    .filter(r -> !isAfter(plan, r, rescan.upTo()))
                    .filter(r -> rescan.after() == null || isAfter(plan, r, rescan.after()))
                    .sorted(byTimestampAndKey);
        }
        return rows.limit(query.limit()).toList();
    }

    private static Row row(TablePlan plan, Object[] values) {
        LocalDateTime ts = null;
        for (String column : plan.timestamp().columns()) {
            int index = indexOf(plan, column);
            if (values[index] != null) {
                ts = (LocalDateTime) values[index];
                break;
            }
        }
        boolean deleted = plan.softDelete().map(softDelete -> {
            Object value = values[indexOf(plan, softDelete.column())];
            return softDelete.whenNotNull() ? value != null : value != null && softDelete.value().equals(value.toString());
        }).orElse(false);
        return new Row(ts, values, deleted);
    }

    /** (ts, key) > position; a position without key is before every row of its timestamp. */
    private static boolean isAfter(TablePlan plan, Row row, Position position) {
        int byTimestamp = row.ts().compareTo(position.ts());
        if (byTimestamp != 0 || !position.hasKey()) {
            return byTimestamp > 0 || (byTimestamp == 0 && !position.hasKey());
        }
        return compare(row.key(plan), position.key()) > 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int indexOf(TablePlan plan, String column) {
        for (int i = 0; i < plan.columns().size(); i++) {
            if (plan.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(column);
    }
}
