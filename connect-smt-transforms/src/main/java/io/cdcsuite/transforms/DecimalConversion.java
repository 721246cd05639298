package io.cdcsuite.transforms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.Base64;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/** Reads the decimal encodings Debezium emits as {@link BigDecimal}, rescaled when a target scale is given. */
final class DecimalConversion {
    static final String VARIABLE_SCALE_DECIMAL = "io.debezium.data.VariableScaleDecimal";
    private static final String SCALE = "scale";
    private static final String UNSCALED_VALUE = "value";

    private final Integer targetScale;
    private final RoundingMode rounding;

    /** @param targetScale the scale of the results, or null to keep each value's own scale */
    DecimalConversion(Integer targetScale, RoundingMode rounding) {
        this.targetScale = targetScale;
        this.rounding = rounding;
    }

    /** A VariableScaleDecimal: a struct, or (schemaless) a map, of scale and unscaled two's-complement bytes. */
    BigDecimal fromVariableScale(Object value) {
        Object scale;
        Object unscaled;
        if (value instanceof Struct struct) {
            scale = struct.get(SCALE);
            unscaled = struct.get(UNSCALED_VALUE);
        } else if (value instanceof java.util.Map<?, ?> map) {
            scale = map.get(SCALE);
            unscaled = map.get(UNSCALED_VALUE);
        } else {
            throw new DataException(VARIABLE_SCALE_DECIMAL + " must be a struct or map, got " + value.getClass().getName());
        }
        if (!(scale instanceof Number number)) {
            throw new DataException(VARIABLE_SCALE_DECIMAL + " lacks its integer 'scale'");
        }
        return rescale(new BigDecimal(new BigInteger(bytes(unscaled)), number.intValue()));
    }

    /** A decimal written as text (or, schemaless, as a JSON number). */
    BigDecimal fromText(Object value) {
        if (value instanceof BigDecimal decimal) {
            return rescale(decimal);
        }
        if (value instanceof String || value instanceof Number) {
            try {
                return rescale(new BigDecimal(value.toString().trim()));
            } catch (NumberFormatException e) {
                throw new DataException("'" + value + "' is not a decimal number", e);
            }
        }
        throw new DataException("A decimal must be a string or number, got " + value.getClass().getName());
    }

    private BigDecimal rescale(BigDecimal decimal) {
        if (targetScale == null || decimal.scale() == targetScale) {
            return decimal;
        }
        try {
            return decimal.setScale(targetScale, rounding);
        } catch (ArithmeticException e) {
            throw new DataException("Decimal " + decimal.toPlainString() + " does not fit scale " + targetScale
                    + " without rounding (rounding mode " + rounding + ")", e);
        }
    }

    private static byte[] bytes(Object unscaled) {
        if (unscaled instanceof byte[] array) {
            return array;
        }
        if (unscaled instanceof ByteBuffer buffer) {
            byte[] array = new byte[buffer.remaining()];
            buffer.duplicate().get(array);
            return array;
        }
        if (unscaled instanceof String base64) {
            // schemaless JSON carries bytes as base64
            return Base64.getDecoder().decode(base64);
        }
        throw new DataException(VARIABLE_SCALE_DECIMAL + " lacks its unscaled 'value' bytes");
    }
}
