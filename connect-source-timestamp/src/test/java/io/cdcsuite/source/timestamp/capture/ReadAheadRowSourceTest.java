package io.cdcsuite.source.timestamp.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.testing.FakeDatabase;
import io.cdcsuite.source.timestamp.testing.Tables;

class ReadAheadRowSourceTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 10, 0, 0);
    private static final TablePlan ORDERS = Tables.plan(Tables.orders(), Map.of());
    private static final PageQuery FIRST = new PageQuery.Snapshot(T0.plusSeconds(5), null, 10);
    private static final PageQuery NEXT = new PageQuery.Snapshot(T0.plusSeconds(5), List.of(1L), 10);

    /** The same rows, told apart by their status: which connection read them. */
    private static FakeDatabase database(String status) {
        FakeDatabase db = new FakeDatabase(T0.plusSeconds(10), ORDERS);
        db.put(ORDERS.id(), 1L, 1L, null, status, T0, T0, 0L);
        db.put(ORDERS.id(), 2L, 1L, null, status, T0, T0, 0L);
        return db;
    }

    private static List<Object> statuses(List<Row> rows) {
        return rows.stream().map(row -> row.values().get(3)).toList();
    }

    @Test
    void theQueryReadAheadIsServedFromTheReadAhead() throws SQLException {
        FakeDatabase direct = database("direct");
        FakeDatabase ahead = database("ahead");
        try (ReadAheadRowSource source = new ReadAheadRowSource(direct, ahead, () -> { })) {
            source.readAhead(ORDERS, FIRST);
            assertThat(statuses(source.read(ORDERS, FIRST))).containsExactly("ahead", "ahead");
            assertThat(direct.queries()).isZero();
            assertThat(statuses(source.read(ORDERS, FIRST))).as("used once").containsExactly("direct", "direct");
        }
    }

    @Test
    void anyOtherQueryIsReadDirectly() throws SQLException {
        FakeDatabase direct = database("direct");
        try (ReadAheadRowSource source = new ReadAheadRowSource(direct, database("ahead"), () -> { })) {
            source.readAhead(ORDERS, FIRST);
            assertThat(statuses(source.read(ORDERS, NEXT))).containsExactly("direct");
            source.readAhead(Tables.plan(Tables.orders(), Map.of()), NEXT);
            assertThat(statuses(source.read(ORDERS, NEXT))).as("another plan").containsExactly("direct");
        }
    }

    @Test
    void aFailedReadAheadIsReadDirectlyAndDropsItsConnection() throws SQLException {
        FakeDatabase ahead = database("ahead");
        ahead.failNextQuery(ORDERS.id(), new SQLException("connection lost"));
        AtomicBoolean reset = new AtomicBoolean();
        try (ReadAheadRowSource source = new ReadAheadRowSource(database("direct"), ahead, () -> reset.set(true))) {
            source.readAhead(ORDERS, FIRST);
            assertThat(statuses(source.read(ORDERS, FIRST))).containsExactly("direct", "direct");
            assertThat(reset).isTrue();
        }
    }
}
