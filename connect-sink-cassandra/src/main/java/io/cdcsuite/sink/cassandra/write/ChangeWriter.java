package io.cdcsuite.sink.cassandra.write;

import java.util.List;

/**
 * Plans the Cassandra requests for the coalesced row writes of one put() batch. The table writer is one
 * implementation; derived tables (the aggregates of a later feature) add theirs: each returns units that
 * cover the records they depend on, and a record's offset is committed only when every unit covering it,
 * from every writer, is acknowledged.
 */
public interface ChangeWriter {
    List<WriteUnit> plan(List<RowWrite> writes);
}
