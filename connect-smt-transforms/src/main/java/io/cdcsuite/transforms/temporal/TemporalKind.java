package io.cdcsuite.transforms.temporal;

/** What a temporal value denotes, and so how its decoded {@code long} is to be read. */
public enum TemporalKind {
    /** An instant: microseconds since 1970-01-01T00:00Z. */
    TIMESTAMP,
    /** A calendar date: days since 1970-01-01. */
    DATE,
    /** A time of day: microseconds since midnight. */
    TIME
}
