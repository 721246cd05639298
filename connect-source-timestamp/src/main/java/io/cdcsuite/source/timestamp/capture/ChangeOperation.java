package io.cdcsuite.source.timestamp.capture;

import java.time.LocalDateTime;

import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.schema.ColumnMapping;

/**
 * Decides {@code op} for a changed row. A soft-deleted row is a delete. With a creation-time column a row is a
 * create when that column equals its change time at the coarser of the two precisions (both set by the inserting
 * statement, rounded like MySQL rounds fractions) or is later than the position read before the row (so it cannot
 * have been emitted before); otherwise, and always without such a column, an update.
 */
final class ChangeOperation {
    private ChangeOperation() {
    }

    static Operation of(TablePlan plan, Row row, Position previous, DbTime now) {
        if (row.deleted()) {
            return Operation.DELETE;
        }
        if (plan.createdColumn().isEmpty()) {
            return Operation.UPDATE;
        }
        ColumnMapping createdColumn = plan.createdColumn().get();
        LocalDateTime created = (LocalDateTime) row.values().get(plan.createdIndex().get());
        if (created == null || row.ts() == null) {
            return Operation.UPDATE;
        }
        boolean createdUtc = createdColumn.column().dataType().equals("timestamp");
        boolean tsUtc = plan.timestamp().utc();
        LocalDateTime createdAt = now.toUtc(created, createdUtc);
        int digits = Math.min(createdColumn.column().fractionalDigits(), plan.timestamp().fractionalDigits());
        if (round(createdAt, digits).equals(round(now.toUtc(row.ts(), tsUtc), digits))) {
            return Operation.CREATE;
        }
        if (previous != null && createdAt.isAfter(now.toUtc(previous.ts(), tsUtc))) {
            return Operation.CREATE;
        }
        return Operation.UPDATE;
    }

    /** Rounds half up to {@code digits} fraction digits, as MySQL stores a finer value in a coarser column. */
    static LocalDateTime round(LocalDateTime value, int digits) {
        long unit = 1;
        for (int i = digits; i < 9; i++) {
            unit *= 10;
        }
        long remainder = value.getNano() % unit;
        LocalDateTime truncated = value.minusNanos(remainder);
        return remainder * 2 >= unit ? truncated.plusNanos(unit) : truncated;
    }
}
