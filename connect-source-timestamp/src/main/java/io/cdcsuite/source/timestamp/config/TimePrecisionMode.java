package io.cdcsuite.source.timestamp.config;

/** How DATE, TIME and DATETIME columns are represented, as Debezium's MySQL {@code time.precision.mode}. */
public enum TimePrecisionMode implements ConfigChoice {
    ADAPTIVE_TIME_MICROSECONDS,
    CONNECT
}
