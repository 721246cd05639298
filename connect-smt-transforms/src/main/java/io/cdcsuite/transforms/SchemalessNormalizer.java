package io.cdcsuite.transforms;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.kafka.connect.errors.DataException;

import io.cdcsuite.common.envelope.ChangeEvent;
import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.transforms.temporal.TemporalType;

/**
 * {@link Normalize} for schemaless (Map) values, which carry no logical type names: converts the fields that
 * {@code schemaless.field.types} names, in a flat row or in the before/after rows of an envelope.
 */
final class SchemalessNormalizer {
    private final Map<String, UnaryOperator<Object>> converters = new HashMap<>();
    private final Map<String, TemporalConversion> microsFields = new HashMap<>();
    private final String microsSuffix;

    SchemalessNormalizer(NormalizeConfig config) {
        microsSuffix = config.microsFieldSuffix();
        MicrosHandling handling = config.microsHandling();
        DecimalConversion decimals = new DecimalConversion(null, config.decimalRoundingMode());
        config.schemalessFieldTypes().forEach((field, type) -> {
            TemporalType temporal = NormalizeConfig.debeziumTemporal(type);
            if (temporal != null) {
                TemporalConversion conversion = new TemporalConversion(temporal, handling);
                converters.put(field, conversion::toConnect);
                if (handling == MicrosHandling.ADD_FIELD && temporal.subMillisecond()) {
                    microsFields.put(field, conversion);
                }
            } else if (type.equals(NormalizeConfig.VARIABLE_SCALE_DECIMAL)) {
                converters.put(field, decimals::fromVariableScale);
            } else {
                converters.put(field, decimals::fromText);
            }
        });
    }

    boolean isConfigured() {
        return !converters.isEmpty();
    }

    Map<Object, Object> normalize(Map<?, ?> value) {
        if (!ChangeEvent.isEnvelope(null, value)) {
            return normalizeRow(value);
        }
        Map<Object, Object> envelope = new LinkedHashMap<>(value);
        for (String side : new String[] {Envelope.BEFORE, Envelope.AFTER}) {
            Object row = envelope.get(side);
            if (row instanceof Map<?, ?> map) {
                envelope.put(side, normalizeRow(map));
            } else if (row != null) {
                throw new DataException("Envelope field '" + side + "' must be a map, got " + row.getClass().getName());
            }
        }
        return envelope;
    }

    private Map<Object, Object> normalizeRow(Map<?, ?> row) {
        Map<Object, Object> out = new LinkedHashMap<>();
        row.forEach((name, value) -> {
            UnaryOperator<Object> converter = converters.get(name);
            if (converter == null || value == null) {
                out.put(name, value);
                return;
            }
            try {
                out.put(name, converter.apply(value));
                TemporalConversion micros = microsFields.get(name);
                if (micros != null) {
                    out.put(name + microsSuffix, micros.micros(value));
                }
            } catch (DataException e) {
                throw new DataException("Field '" + name + "': " + e.getMessage(), e);
            }
        });
        return out;
    }
}
