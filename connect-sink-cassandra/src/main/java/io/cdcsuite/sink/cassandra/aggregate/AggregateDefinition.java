package io.cdcsuite.sink.cassandra.aggregate;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * One declared aggregate: {@code CREATE AGGREGATE ks.t AS SELECT <group fields>, <measures> FROM db.table
 * [WHERE ...] GROUP BY ... [WINDOW TUMBLING (field, n unit)] [RETENTION n unit]}.
 *
 * <p>It is kept in four tables: the serving table {@code ks.t} (one row per group and window), the members table
 * {@code ks.t__members} (per group and window, one row per source row with that row's contribution to each
 * measure), the membership table {@code ks.t__member_of} (source row → its current group and window) and the
 * progress table {@code ks.t__progress} (per Kafka partition, an offset below which every record ever applied lies).
 *
 * @param window    null for "all time"
 * @param where     rows that do not pass are not members; null for all rows
 * @param retention TTL of every row the aggregate writes; null to keep them
 */
public record AggregateDefinition(TableId target, String sourceDatabase, String sourceTable, List<String> groupBy,
                                  TumblingWindow window, List<Measure> measures, RowPredicate where,
                                  Duration retention) {
    public static final String WINDOW_START = "window_start";
    public static final String MEMBER_KEY = "member_key";
    static final String MEMBERS_SUFFIX = "__members";
    static final String MEMBER_OF_SUFFIX = "__member_of";
    static final String PROGRESS_SUFFIX = "__progress";

    public AggregateDefinition {
        groupBy = List.copyOf(groupBy);
        measures = List.copyOf(measures);
    }

    public TableId membersTable() {
        return new TableId(target.keyspace(), target.table() + MEMBERS_SUFFIX);
    }

    public TableId memberOfTable() {
        return new TableId(target.keyspace(), target.table() + MEMBER_OF_SUFFIX);
    }

    public TableId progressTable() {
        return new TableId(target.keyspace(), target.table() + PROGRESS_SUFFIX);
    }

    public boolean reads(String database, String table) {
        return sourceDatabase.equals(database) && sourceTable.equals(table);
    }

    /** Every source field the aggregate reads. */
    public Set<String> inputFields() {
        Set<String> fields = new LinkedHashSet<>(groupBy);
        if (window != null) {
            fields.add(window.field());
        }
        for (Measure measure : measures) {
            if (measure.field() != null) {
                fields.add(measure.field());
            }
            if (measure.filter() != null) {
                fields.addAll(measure.filter().fields());
            }
        }
        if (where != null) {
            fields.addAll(where.fields());
        }
        return fields;
    }

    /** TTL in seconds for the aggregate's writes (0: none). */
    public int ttlSeconds() {
        return retention == null ? 0 : (int) Math.min(Integer.MAX_VALUE, retention.toSeconds());
    }
}
