package io.cdcsuite.sink.cassandra.write;

import io.cdcsuite.sink.cassandra.mapping.RowChange;

/** A record's change as accepted by a put(): its write timestamp fixed, its offset tracked. */
public record AcceptedChange(RowChange change, long timestamp, RecordPosition position) {
}
