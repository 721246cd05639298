package io.cdcsuite.source.timestamp.capture;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.cdcsuite.source.timestamp.plan.TablePlan;

/**
 * One row as read: its raw column values in the plan's column order, the value of the change-time expression, and
 * whether the soft-delete column marks it deleted.
 */
public final class Row {
    private final LocalDateTime ts;
    private final List<Object> values;
    private final boolean deleted;

    public Row(LocalDateTime ts, Object[] values, boolean deleted) {
        this.ts = ts;
        this.values = Collections.unmodifiableList(Arrays.asList(values.clone()));
        this.deleted = deleted;
    }

    public LocalDateTime ts() {
        return ts;
    }

    public List<Object> values() {
        return values;
    }

    public boolean deleted() {
        return deleted;
    }

    /** The raw key values, in the plan's key order. */
    public List<Object> key(TablePlan plan) {
        List<Object> key = new ArrayList<>(plan.keyIndexes().size());
        plan.keyIndexes().forEach(i -> key.add(values.get(i)));
        return key;
    }

    @Override
    public String toString() {
        return "Row{ts=" + ts + ", values=" + values + (deleted ? ", deleted" : "") + "}";
    }
}
