package io.cdcsuite.source.timestamp.config;

/** What a table's first start captures: its existing rows ({@code op=r}) or only changes from then on. */
public enum SnapshotMode implements ConfigChoice {
    INITIAL,
    NEVER
}
