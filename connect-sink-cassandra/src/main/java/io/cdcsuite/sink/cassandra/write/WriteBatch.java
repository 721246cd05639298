package io.cdcsuite.sink.cassandra.write;

import java.util.List;

/**
 * What one put() asks the change writers to write.
 *
 * @param changes   every accepted change in offset order (what derived tables are computed from)
 * @param rowWrites the base tables' row writes, converted and coalesced per row (empty when base tables are off)
 */
public record WriteBatch(List<AcceptedChange> changes, List<RowWrite> rowWrites) {
    public WriteBatch {
        changes = List.copyOf(changes);
        rowWrites = List.copyOf(rowWrites);
    }
}
