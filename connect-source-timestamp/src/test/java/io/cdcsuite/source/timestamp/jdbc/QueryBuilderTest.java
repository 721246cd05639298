package io.cdcsuite.source.timestamp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.capture.PageQuery;
import io.cdcsuite.source.timestamp.capture.Position;
import io.cdcsuite.source.timestamp.catalog.TableDefinition;
import io.cdcsuite.source.timestamp.catalog.TableId;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.testing.Columns;
import io.cdcsuite.source.timestamp.testing.Tables;

class QueryBuilderTest {
    private static final LocalDateTime BOUND = LocalDateTime.of(2024, 5, 1, 10, 0, 0);
    private static final LocalDateTime TS = LocalDateTime.of(2024, 5, 1, 9, 30, 0, 123_000_000);
    private static final TablePlan LINES = Tables.plan(Tables.orderLines(), Map.of());
    private static final TablePlan ORDERS = Tables.plan(Tables.orders(), Map.of(TimestampSourceConfig.SOFT_DELETE_COLUMN, "is_deleted"));

    @Test
    void changesUseTheExpandedKeysetFormNeverARowConstructor() {
        PreparedQuery query = QueryBuilder.build(LINES,
                new PageQuery.Changes(new Position(TS, List.of(7L, 3L)), BOUND, 500));

        assertThat(query.sql()).isEqualTo("SELECT *, `last_updated` FROM `shop`.`order_lines`"
                + " WHERE `last_updated` < ?"
                + " AND (`last_updated` > ? OR (`last_updated` = ? AND (`order_id` > ? OR (`order_id` = ? AND `line_no` > ?))))"
                + " ORDER BY `last_updated`, `order_id`, `line_no` LIMIT 500");
        assertThat(query.parameters()).containsExactly(BOUND, TS, TS, 7L, 7L, 3L);
        assertThat(query.sql()).doesNotContain("(`last_updated`, `order_id`");
    }

    @Test
    void aPositionWithoutKeyStartsAtItsTimestamp() {
        PreparedQuery query = QueryBuilder.build(LINES, new PageQuery.Changes(Position.before(TS), BOUND, 10));

        assertThat(query.sql()).isEqualTo("SELECT *, `last_updated` FROM `shop`.`order_lines`"
                + " WHERE `last_updated` < ? AND `last_updated` >= ? ORDER BY `last_updated`, `order_id`, `line_no` LIMIT 10");
        assertThat(query.parameters()).containsExactly(BOUND, TS);
    }

    @Test
    void snapshotsPageByKeyBelowTheBoundAndLeaveSoftDeletedRowsOut() {
        PreparedQuery first = QueryBuilder.build(ORDERS, new PageQuery.Snapshot(BOUND, null, 3));
        PreparedQuery next = QueryBuilder.build(ORDERS, new PageQuery.Snapshot(BOUND, List.of(42L), 3));

        assertThat(first.sql()).isEqualTo("SELECT *, `last_updated`, (`is_deleted` <=> ?) FROM `shop`.`orders`"
                + " WHERE `last_updated` < ? AND NOT (`is_deleted` <=> ?) ORDER BY `id` LIMIT 3");
        assertThat(first.parameters()).containsExactly("1", BOUND, "1");
        assertThat(next.sql()).endsWith(" AND NOT (`is_deleted` <=> ?) AND (`id` > ?) ORDER BY `id` LIMIT 3");
        assertThat(next.parameters()).containsExactly("1", BOUND, "1", 42L);

        PreparedQuery composite = QueryBuilder.build(LINES, new PageQuery.Snapshot(BOUND, List.of(7L, 3L), 3));
        assertThat(composite.sql()).endsWith(
                " WHERE `last_updated` < ? AND (`order_id` > ? OR (`order_id` = ? AND `line_no` > ?)) ORDER BY `order_id`, `line_no` LIMIT 3");
    }

    @Test
    void softDeleteWhenNotNullNeedsNoParameter() {
        TablePlan plan = Tables.plan(Tables.orders(), Map.of(TimestampSourceConfig.SOFT_DELETE_COLUMN, "customer_id",
                TimestampSourceConfig.SOFT_DELETE_VALUE, "is not null"));
        PreparedQuery query = QueryBuilder.build(plan, new PageQuery.Snapshot(BOUND, null, 3));
        assertThat(query.sql()).isEqualTo("SELECT *, `last_updated`, `customer_id` IS NOT NULL FROM `shop`.`orders`"
                + " WHERE `last_updated` < ? AND `customer_id` IS NULL ORDER BY `id` LIMIT 3");
        assertThat(query.parameters()).containsExactly(BOUND);
    }

    @Test
    void rescansReadTheWindowUpToAndIncludingThePosition() {
        Position upTo = new Position(TS, List.of(7L, 3L));
        PreparedQuery first = QueryBuilder.build(LINES, new PageQuery.Rescan(TS.minus(Duration.ofMinutes(1)), upTo, null, 50));
        Position after = new Position(TS.minusSeconds(5), List.of(1L, 1L));
        PreparedQuery next = QueryBuilder.build(LINES, new PageQuery.Rescan(TS.minus(Duration.ofMinutes(1)), upTo, after, 50));

        assertThat(first.sql()).isEqualTo("SELECT *, `last_updated` FROM `shop`.`order_lines` WHERE `last_updated` >= ?"
                + " AND (`last_updated` < ? OR (`last_updated` = ? AND (`order_id` < ? OR (`order_id` = ? AND `line_no` <= ?))))"
                + " ORDER BY `last_updated`, `order_id`, `line_no` LIMIT 50");
        assertThat(first.parameters()).containsExactly(TS.minusMinutes(1), TS, TS, 7L, 7L, 3L);
        assertThat(next.sql()).contains(" AND (`last_updated` > ? OR (`last_updated` = ? AND (`order_id` > ? OR (`order_id` = ? AND `line_no` > ?))))");
        assertThat(next.parameters()).hasSize(11);
        PreparedQuery keyless = QueryBuilder.build(LINES, new PageQuery.Rescan(TS.minusMinutes(1), Position.before(TS), null, 50));
        assertThat(keyless.sql()).contains("WHERE `last_updated` >= ? AND `last_updated` < ? ORDER BY");
    }

    @Test
    void severalTimestampColumnsAreCoalescedAndOddNamesAreQuoted() {
        TableDefinition table = new TableDefinition(new TableId("we`ird", "ta ble"),
                List.of(Columns.notNull("k`ey", "varchar(10)"), Columns.nullable("updated_at", "timestamp(6)"),
                        Columns.notNull("created_at", "timestamp")),
                List.of("k`ey"), List.of(), 0);
        TablePlan plan = Tables.plan(table, Map.of(TimestampSourceConfig.TIMESTAMP_COLUMN_NAME, "updated_at,created_at"));

        PreparedQuery query = QueryBuilder.build(plan, new PageQuery.Changes(new Position(TS, List.of("a")), BOUND, 5));

        assertThat(query.sql()).isEqualTo("SELECT *, COALESCE(`updated_at`, `created_at`) FROM `we``ird`.`ta ble`"
                + " WHERE COALESCE(`updated_at`, `created_at`) < ?"
                + " AND (COALESCE(`updated_at`, `created_at`) > ? OR (COALESCE(`updated_at`, `created_at`) = ? AND `k``ey` > ?))"
                + " ORDER BY COALESCE(`updated_at`, `created_at`), `k``ey` LIMIT 5");
    }

    @Test
    void theClockQueryReadsBothFramesInOneStatement() {
        assertThat(JdbcRowSource.nowSql(Optional.empty()))
                .isEqualTo("SELECT UTC_TIMESTAMP(6), CONVERT_TZ(UTC_TIMESTAMP(6), '+00:00', @@global.time_zone)");
        assertThat(JdbcRowSource.nowSql(Optional.of("+02:00")))
                .isEqualTo("SELECT UTC_TIMESTAMP(6), CONVERT_TZ(UTC_TIMESTAMP(6), '+00:00', ?)");
    }
}
