package io.cdcsuite.source.timestamp.capture;

import java.time.Duration;

import io.cdcsuite.source.timestamp.TimestampSourceConfig;
import io.cdcsuite.source.timestamp.config.SnapshotMode;

/** The configuration the capture logic depends on. */
public record CaptureSettings(
        SnapshotMode snapshotMode,
        Duration commitLag,
        Duration pollInterval,
        Duration rescanWindow,
        int rescanMaxTrackedRows,
        int batchMaxRows) {

    public static CaptureSettings from(TimestampSourceConfig config) {
        return new CaptureSettings(config.snapshotMode(), config.commitLag(), config.pollInterval(),
                config.rescanWindow(), config.rescanMaxTrackedRows(), config.batchMaxRows());
    }

    public boolean rescanEnabled() {
        return !rescanWindow.isZero();
    }
}
