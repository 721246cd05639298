package io.cdcsuite.transforms;

import io.cdcsuite.transforms.temporal.ConnectTemporals;
import io.cdcsuite.transforms.temporal.TemporalType;

/** Converts values of one temporal logical type to the {@link java.util.Date} of the matching Connect type. */
final class TemporalConversion {
    private final TemporalType type;
    private final boolean round;

    TemporalConversion(TemporalType type, MicrosHandling handling) {
        this.type = type;
        this.round = handling == MicrosHandling.ROUND;
    }

    TemporalType type() {
        return type;
    }

    /** The exact value in microseconds (since the epoch, or since midnight), as 'add-field' keeps it. */
    long micros(Object value) {
        return type.decode(value);
    }

    Object toConnect(Object value) {
        return fromDecoded(type.decode(value));
    }

    java.util.Date fromDecoded(long decoded) {
        return switch (type.kind()) {
            case TIMESTAMP -> ConnectTemporals.timestamp(decoded, round);
            case DATE -> ConnectTemporals.date(decoded);
            case TIME -> ConnectTemporals.time(decoded, round);
        };
    }
}
