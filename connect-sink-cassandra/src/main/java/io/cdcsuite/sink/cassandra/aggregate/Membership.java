package io.cdcsuite.sink.cassandra.aggregate;

import java.util.List;

/**
 * Where a source row counts in an aggregate and what it contributes.
 *
 * @param slot          the values of the slot columns (group columns, then window_start), as CQL values
 * @param contributions per measure, the row's input to it (null: the row does not count for that measure)
 */
record Membership(List<Object> slot, List<Object> contributions) {
    Membership {
        slot = List.copyOf(slot);
        contributions = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(contributions));
    }
}
