package io.cdcsuite.source.timestamp.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.testing.Tables;

class ChangeOperationTest {
    private static final LocalDateTime T = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 700_500_000);
    private static final TablePlan ORDERS = Tables.plan(Tables.orders(), Map.of(TimestampSourceConfig.CREATED_COLUMN, "created_at"));

    private static Row order(LocalDateTime created, LocalDateTime lastUpdated) {
        return new Row(lastUpdated, new Object[] {1L, 1L, null, "new", created, lastUpdated, 0L}, false);
    }

    @Test
    void roundingFollowsMySqlHalfUp() {
        assertThat(ChangeOperation.round(T, 3)).isEqualTo(T.withNano(701_000_000));
        assertThat(ChangeOperation.round(T, 0)).isEqualTo(T.withNano(0).plusSeconds(1));
        assertThat(ChangeOperation.round(T.withNano(499_999_999), 0)).isEqualTo(T.withNano(0));
        assertThat(ChangeOperation.round(T, 6)).isEqualTo(T);
    }

    @Test
    void creationTimeInAnotherZoneIsComparedAsAnInstant() {
        // DATETIME created_at written in UTC+2, TIMESTAMP last_updated read in UTC: the same statement's NOW(3)
        LocalDateTime utc = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 123_000_000);
        DbTime plusTwo = new DbTime(utc.plusMinutes(5), utc.plusMinutes(5).plusHours(2));
        assertThat(ChangeOperation.of(ORDERS, order(utc.plusHours(2), utc), null, plusTwo)).isEqualTo(Operation.CREATE);
        assertThat(ChangeOperation.of(ORDERS, order(utc, utc), null, plusTwo)).isEqualTo(Operation.UPDATE);
        assertThat(ChangeOperation.of(ORDERS, order(utc.plusHours(2), utc.plusSeconds(9)), Position.before(utc.minusSeconds(1)),
                plusTwo)).as("created after the previous position").isEqualTo(Operation.CREATE);
    }
}
