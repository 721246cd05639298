package io.cdcsuite.source.timestamp.config;

/** How DECIMAL/NUMERIC columns are represented, as Debezium's {@code decimal.handling.mode}. */
public enum DecimalHandlingMode implements ConfigChoice {
    PRECISE,
    DOUBLE,
    STRING
}
