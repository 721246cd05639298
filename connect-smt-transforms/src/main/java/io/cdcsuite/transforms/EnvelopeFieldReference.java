package io.cdcsuite.transforms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.common.envelope.TransactionBlock;
import io.cdcsuite.transforms.util.Schemas;

/**
 * One entry of {@code add.fields} / {@code add.headers}: {@code [struct.]field[:name]}, resolved as Debezium's
 * ExtractNewRecordState does. An unqualified field is looked up in {@code transaction} (id, total_order,
 * data_collection_order), at the top level (op, ts_ms, ts_us, ts_ns) or else in {@code source}; when the field is
 * not in that block, a top-level field of that name is used (another SMT may have put it there); when there is none,
 * nothing is added. The output is named {@code <prefix><field>}, {@code <prefix><struct>_<field>} when qualified, or
 * {@code <prefix><name>} when renamed.
 */
final class EnvelopeFieldReference {
    /** What {@link #valueFrom(Map)} returns when a schemaless envelope lacks the field. */
    static final Object ABSENT = new Object();

    private final String block;
    private final String field;
    private final String outputName;

    private EnvelopeFieldReference(String block, String field, String outputName) {
        this.block = block;
        this.field = field;
        this.outputName = outputName;
    }

    /** Parses a config list; a malformed entry or a repeated output name is a {@link ConfigException} on {@code key}. */
    static List<EnvelopeFieldReference> parse(String key, List<String> entries, String prefix) {
        List<EnvelopeFieldReference> references = new ArrayList<>();
        Set<String> outputNames = new HashSet<>();
        for (String entry : entries) {
            EnvelopeFieldReference reference = parseEntry(key, entry.trim(), prefix);
            if (!outputNames.add(reference.outputName)) {
                throw new ConfigException(key, entries, "two entries would both be named '" + reference.outputName + "'");
            }
            references.add(reference);
        }
        return List.copyOf(references);
    }

    private static EnvelopeFieldReference parseEntry(String key, String entry, String prefix) {
        String[] renamed = entry.split(":", -1);
        String[] path = renamed[0].split("\\.", -1);
        if (renamed.length > 2 || path.length > 2 || renamed[0].isEmpty()
                || (renamed.length == 2 && renamed[1].isEmpty()) || (path.length == 2 && (path[0].isEmpty() || path[1].isEmpty()))) {
            throw new ConfigException(key, entry, "expected [struct.]field[:name], e.g. op, source.ts_ms or db:DATABASE");
        }
        String field = path[path.length - 1];
        String block = path.length == 2 ? path[0] : blockOf(field);
        String outputName = prefix + (renamed.length == 2 ? renamed[1] : path.length == 2 ? block + "_" + field : field);
        return new EnvelopeFieldReference(block, field, outputName);
    }

    private static String blockOf(String field) {
        return switch (field) {
            case TransactionBlock.ID, TransactionBlock.TOTAL_ORDER, TransactionBlock.DATA_COLLECTION_ORDER -> Envelope.TRANSACTION;
            case Envelope.OP, Envelope.TS_MS, Envelope.TS_US, Envelope.TS_NS -> null;
            default -> Envelope.SOURCE;
        };
    }

    String outputName() {
        return outputName;
    }

    /** True for {@code op}, the one reference a tombstone still answers (with {@code d}). */
    boolean isOperation() {
        return block == null && Envelope.OP.equals(field);
    }

    /** Where this reference points in envelopes of the given schema; null when they do not have it. */
    Resolved resolve(Schema envelopeSchema) {
        Schema blockSchema = block == null ? envelopeSchema : fieldSchema(envelopeSchema, block);
        Field inBlock = blockSchema == null || blockSchema.type() != Schema.Type.STRUCT ? null : blockSchema.field(field);
        if (inBlock != null) {
            return new Resolved(outputName, optionalCopy(inBlock.schema()), block, field);
        }
        Field topLevel = envelopeSchema.field(field);
        return topLevel == null ? null : new Resolved(outputName, optionalCopy(topLevel.schema()), null, field);
    }

    /** The value in a schemaless envelope, or {@link #ABSENT} when it has no such entry. */
    Object valueFrom(Map<?, ?> envelope) {
        if (block != null && envelope.get(block) instanceof Map<?, ?> blockMap && blockMap.containsKey(field)) {
            return blockMap.get(field);
        }
        if (block != null && envelope.containsKey(block) && envelope.get(block) == null) {
            return null;
        }
        return envelope.containsKey(field) ? envelope.get(field) : ABSENT;
    }

    private static Schema fieldSchema(Schema struct, String name) {
        Field field = struct.field(name);
        return field == null ? null : field.schema();
    }

    /** Debezium copies the field's schema basics and makes it optional: no default, parameters kept. */
    private static Schema optionalCopy(Schema schema) {
        return Schemas.copyBasics(schema).optional().build();
    }

    /** A reference resolved against one envelope schema: the output name and schema, and where to read the value. */
    record Resolved(String outputName, Schema schema, String block, String field) {
        /** Raw values, defaults not applied, as Debezium reads them; null when the block (e.g. transaction) is null. */
        Object valueFrom(Struct envelope) {
            if (block == null) {
                return envelope.getWithoutDefault(field);
            }
            Struct blockStruct = (Struct) envelope.getWithoutDefault(block);
            return blockStruct == null ? null : blockStruct.getWithoutDefault(field);
        }
    }

    /** Validates {@code add.fields} / {@code add.headers} (the prefix is the same for every entry). */
    static final class ListValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            List<?> entries = (List<?>) value;
            parse(name, entries == null ? List.of() : entries.stream().map(String::valueOf).toList(), "");
        }

        @Override
        public String toString() {
            return "list of [struct.]field[:name]";
        }
    }
}
