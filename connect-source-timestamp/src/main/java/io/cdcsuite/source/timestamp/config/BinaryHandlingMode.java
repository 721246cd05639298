package io.cdcsuite.source.timestamp.config;

import java.util.Locale;

/** How BINARY, VARBINARY and BLOB columns are represented, as Debezium's {@code binary.handling.mode}. */
public enum BinaryHandlingMode implements ConfigChoice {
    BYTES,
    BASE64,
    BASE64_URL_SAFE,
    HEX;

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
