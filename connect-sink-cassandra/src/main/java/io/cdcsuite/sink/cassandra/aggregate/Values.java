package io.cdcsuite.sink.cassandra.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Numeric views of canonical row values. */
final class Values {
    private Values() {
    }

    /** The exact decimal of a number (floats through their shortest decimal form), null for non-numbers. */
    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
