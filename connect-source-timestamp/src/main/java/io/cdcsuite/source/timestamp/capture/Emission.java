package io.cdcsuite.source.timestamp.capture;

import java.time.Instant;

import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.source.timestamp.offset.TableOffset;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.schema.SnapshotMarker;

/**
 * A row to emit: how it was planned, what happened to it, when (its change time as an instant), its snapshot marker
 * (null outside snapshots) and the table offset that is true once it has been delivered.
 */
public record Emission(TablePlan plan, Row row, Operation operation, Instant changeTime, SnapshotMarker marker,
        TableOffset offset) {

    Emission withMarker(SnapshotMarker newMarker) {
        return new Emission(plan, row, operation, changeTime, newMarker, offset);
    }
}
