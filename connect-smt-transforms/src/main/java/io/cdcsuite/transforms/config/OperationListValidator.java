package io.cdcsuite.transforms.config;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import io.cdcsuite.common.envelope.Operation;

/** Accepts a list of envelope operations, by code (c, u, d, r, t, m) or name (create, update, ...), any case. */
public final class OperationListValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
        parse(name, (List<?>) value);
    }

    public static Set<Operation> parse(String name, List<?> entries) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        if (entries != null) {
            for (Object entry : entries) {
                operations.add(operation(name, String.valueOf(entry).trim()));
            }
        }
        return operations;
    }

    private static Operation operation(String name, String text) {
        return Arrays.stream(Operation.values())
                .filter(op -> op.code().equalsIgnoreCase(text) || op.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new ConfigException(name, text, "not an operation; use c, u, d, r, t or m "
                        + "(or create, update, delete, read, truncate, message)"));
    }

    @Override
    public String toString() {
        return "operations: " + String.join(", ", Arrays.stream(Operation.values())
                .map(op -> op.code() + " (" + op.name().toLowerCase(Locale.ROOT) + ")").toList());
    }
}
