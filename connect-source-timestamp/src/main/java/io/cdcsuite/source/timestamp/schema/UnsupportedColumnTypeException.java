package io.cdcsuite.source.timestamp.schema;

/** A column whose MySQL type the connector cannot represent (spatial types, VECTOR). */
public final class UnsupportedColumnTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsupportedColumnTypeException(String message) {
        super(message);
    }
}
