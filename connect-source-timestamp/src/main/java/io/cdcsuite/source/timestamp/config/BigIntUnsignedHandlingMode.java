package io.cdcsuite.source.timestamp.config;

/** How BIGINT UNSIGNED columns are represented, as Debezium's {@code bigint.unsigned.handling.mode}. */
public enum BigIntUnsignedHandlingMode implements ConfigChoice {
    LONG,
    PRECISE
}
