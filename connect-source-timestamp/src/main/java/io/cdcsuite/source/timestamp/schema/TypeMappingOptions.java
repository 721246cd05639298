package io.cdcsuite.source.timestamp.schema;

import io.cdcsuite.source.timestamp.config.BigIntUnsignedHandlingMode;
import io.cdcsuite.source.timestamp.config.BinaryHandlingMode;
import io.cdcsuite.source.timestamp.config.DecimalHandlingMode;
import io.cdcsuite.source.timestamp.config.TimePrecisionMode;

/** The Debezium options that change how columns are represented. */
public record TypeMappingOptions(
        DecimalHandlingMode decimalMode,
        TimePrecisionMode timePrecisionMode,
        BigIntUnsignedHandlingMode bigIntUnsignedMode,
        BinaryHandlingMode binaryMode) {

    /** Debezium MySQL's defaults. */
    public static TypeMappingOptions defaults() {
        return new TypeMappingOptions(DecimalHandlingMode.PRECISE, TimePrecisionMode.ADAPTIVE_TIME_MICROSECONDS,
                BigIntUnsignedHandlingMode.LONG, BinaryHandlingMode.BYTES);
    }
}
