package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.cql.CqlNames;
import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * The CQL of an aggregate's four tables. Every identifier is validated and double-quoted; values are bound.
 * Writes carry {@code USING TIMESTAMP ?} (and {@code TTL ?} for inserts, 0 = none).
 */
final class AggregateStatements {
    private final AggregateLayout layout;
    private final AggregateDefinition definition;

    AggregateStatements(AggregateLayout layout) {
        this.layout = layout;
        this.definition = layout.definition();
    }

    /** Serving table: partitioned by the group (all its windows together, newest first), one row per window. */
    String createServing() {
        List<String> columns = new ArrayList<>();
        layout.slotColumns().forEach(c -> columns.add(column(c, layout.slotType(c))));
        columns.add(column(AggregateLayout.MEMBER_COUNT, DataTypes.BIGINT));
        for (int i = 0; i < definition.measures().size(); i++) {
            columns.add(column(definition.measures().get(i).name(), layout.measureTypes().get(i)));
        }
        String primaryKey;
        String options = "";
        if (definition.window() == null) {
            primaryKey = "(" + quoted(definition.groupBy()) + ")";
        } else if (definition.groupBy().isEmpty()) {
            primaryKey = "(" + quote(AggregateDefinition.WINDOW_START) + ")";
        } else {
            primaryKey = "(" + quoted(definition.groupBy()) + "), " + quote(AggregateDefinition.WINDOW_START);
            options = " WITH CLUSTERING ORDER BY (" + quote(AggregateDefinition.WINDOW_START) + " DESC)";
        }
        return create(definition.target(), columns, primaryKey) + options;
    }

    /**
     * Members table: one partition per group and window, one row per source row in it (its contributions and the
     * version of the change that put it there, whose TTL tells when the row expires), and a static column with the
     * timestamp of the slot's last serving write (it outlives a deleted serving row, so the next serving write can be
     * stamped after it without trusting any clock).
     */
    String createMembers() {
        List<String> columns = new ArrayList<>();
        layout.slotColumns().forEach(c -> columns.add(column(c, layout.slotType(c))));
        columns.add(column(AggregateDefinition.MEMBER_KEY, DataTypes.TEXT));
        for (int i = 0; i < definition.measures().size(); i++) {
            columns.add(column(definition.measures().get(i).contributionColumn(), layout.contributionTypes().get(i)));
        }
        columns.add(column(AggregateLayout.VERSION, DataTypes.BIGINT));
        columns.add(column(AggregateLayout.SERVING_TIMESTAMP, DataTypes.BIGINT) + " STATIC");
        return create(definition.membersTable(), columns,
                "(" + quoted(layout.slotColumns()) + "), " + quote(AggregateDefinition.MEMBER_KEY));
    }

    /**
     * Membership table: source row → the version (write timestamp) and slot of its last applied change. Rows are
     * spread over a fixed number of partitions ({@link MembershipBuckets}) rather than one partition each: a batch's
     * memberships then land as a few partition writes, not one per row.
     */
    String createMemberOf() {
        List<String> columns = new ArrayList<>();
        columns.add(column(AggregateLayout.MEMBER_BUCKET, DataTypes.INT));
        columns.add(column(AggregateDefinition.MEMBER_KEY, DataTypes.TEXT));
        columns.add(column(AggregateLayout.VERSION, DataTypes.BIGINT));
        columns.add(column(AggregateLayout.PRESENT, DataTypes.BOOLEAN));
        layout.slotColumns().forEach(c -> columns.add(column(c, layout.slotType(c))));
        return create(definition.memberOfTable(), columns,
                "(" + quote(AggregateLayout.MEMBER_BUCKET) + "), " + quote(AggregateDefinition.MEMBER_KEY));
    }

    /**
     * Progress table: per topic partition, an offset below which every record the aggregate ever applied lies, written
     * before the records are applied (see {@link AggregateLane#reserve}).
     */
    String createProgress() {
        List<String> columns = List.of(column(AggregateLayout.TOPIC, DataTypes.TEXT),
                column(AggregateLayout.PARTITION, DataTypes.INT), column(AggregateLayout.APPLIED_BELOW, DataTypes.BIGINT));
        return create(definition.progressTable(), columns,
                "(" + quoted(List.of(AggregateLayout.TOPIC, AggregateLayout.PARTITION)) + ")");
    }

    String selectProgress() {
        return "SELECT " + quote(AggregateLayout.APPLIED_BELOW) + " FROM " + definition.progressTable().cql() + " WHERE "
                + equalities(List.of(AggregateLayout.TOPIC, AggregateLayout.PARTITION));
    }

    /** Stamped with the offset itself, so that of two writes the higher offset wins. */
    String insertProgress() {
        return "INSERT INTO " + definition.progressTable().cql() + " ("
                + quoted(List.of(AggregateLayout.TOPIC, AggregateLayout.PARTITION, AggregateLayout.APPLIED_BELOW))
                + ") VALUES (?, ?, ?) USING TIMESTAMP ?";
    }

    /** The memberships of a list of source rows of one bucket ({@code member_bucket = ? AND member_key IN ?}). */
    String selectMemberships() {
        return "SELECT " + quote(AggregateDefinition.MEMBER_KEY) + ", " + quote(AggregateLayout.VERSION) + ", "
                + quote(AggregateLayout.PRESENT) + ", " + quoted(layout.slotColumns()) + " FROM "
                + definition.memberOfTable().cql() + " WHERE " + quote(AggregateLayout.MEMBER_BUCKET) + " = ? AND "
                + quote(AggregateDefinition.MEMBER_KEY) + " IN ?";
    }

    String insertMembership() {
        List<String> columns = new ArrayList<>(List.of(AggregateLayout.MEMBER_BUCKET, AggregateDefinition.MEMBER_KEY,
                AggregateLayout.VERSION, AggregateLayout.PRESENT));
        columns.addAll(layout.slotColumns());
        return insert(definition.memberOfTable(), columns);
    }

    String insertMember() {
        List<String> columns = new ArrayList<>(layout.slotColumns());
        columns.add(AggregateDefinition.MEMBER_KEY);
        definition.measures().forEach(m -> columns.add(m.contributionColumn()));
        columns.add(AggregateLayout.VERSION);
        return insert(definition.membersTable(), columns);
    }

    String deleteMember() {
        List<String> key = new ArrayList<>(layout.slotColumns());
        key.add(AggregateDefinition.MEMBER_KEY);
        return "DELETE FROM " + definition.membersTable().cql() + " USING TIMESTAMP ? WHERE " + equalities(key);
    }

    /**
     * The members and serving timestamps of the slots that share every slot column but the first, with the first
     * one's values as a list ({@code first IN ? AND second = ? ...}); a slot without members still returns its static
     * row. The slot columns come first in each row; the remaining TTL of the member row is {@code version_ttl}.
     */
    String selectSlots() {
        List<String> columns = new ArrayList<>(layout.slotColumns());
        columns.add(AggregateDefinition.MEMBER_KEY);
        definition.measures().forEach(m -> columns.add(m.contributionColumn()));
        columns.add(AggregateLayout.SERVING_TIMESTAMP);
        List<String> slot = layout.slotColumns();
        String restrictions = quote(slot.get(0)) + " IN ?";
        if (slot.size() > 1) {
            restrictions += " AND " + equalities(slot.subList(1, slot.size()));
        }
        return "SELECT " + quoted(columns) + ", TTL(" + quote(AggregateLayout.VERSION) + ") AS "
                + quote(AggregateLayout.VERSION_TTL) + " FROM "
                + definition.membersTable().cql() + " WHERE " + restrictions;
    }

    String updateServingTimestamp() {
        return "UPDATE " + definition.membersTable().cql() + " USING TIMESTAMP ? AND TTL ? SET "
                + quote(AggregateLayout.SERVING_TIMESTAMP) + " = ? WHERE " + equalities(layout.slotColumns());
    }

    String insertServing() {
        List<String> columns = new ArrayList<>(layout.slotColumns());
        columns.add(AggregateLayout.MEMBER_COUNT);
        definition.measures().forEach(m -> columns.add(m.name()));
        return insert(definition.target(), columns);
    }

    String deleteServing() {
        return "DELETE FROM " + definition.target().cql() + " USING TIMESTAMP ? WHERE "
                + equalities(layout.slotColumns());
    }

    private static String create(TableId table, List<String> columns, String primaryKey) {
        return "CREATE TABLE IF NOT EXISTS " + table.cql() + " (" + String.join(", ", columns) + ", PRIMARY KEY ("
                + primaryKey + "))";
    }

    private static String insert(TableId table, List<String> columns) {
        return "INSERT INTO " + table.cql() + " (" + quoted(columns) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") USING TIMESTAMP ? AND TTL ?";
    }

    private static String column(String name, DataType type) {
        return quote(name) + " " + type.asCql(true, true);
    }

    private static String equalities(List<String> columns) {
        return columns.stream().map(c -> quote(c) + " = ?").collect(Collectors.joining(" AND "));
    }

    private static String quoted(List<String> columns) {
        return columns.stream().map(AggregateStatements::quote).collect(Collectors.joining(", "));
    }

    private static String quote(String name) {
        return CqlNames.quote(name);
    }
}
