package io.cdcsuite.common.envelope;

import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A read-only view of one envelope value, with or without a schema (a {@link Struct} from the Avro/JSON
 * converters with schemas, a {@link Map} from schemaless JSON). Both capture paths, Debezium's binlog
 * connector and our timestamp source, produce values this view accepts.
 */
public final class ChangeEvent {
    private final Object value;

    private ChangeEvent(Object value) {
        this.value = value;
    }

    /**
     * Wraps a record value; throws a {@link DataException} naming what is missing when the value is not an
     * envelope, so that {@code errors.tolerance} and the dead-letter queue can deal with it.
     */
    public static ChangeEvent of(Object value) {
        if (value instanceof Struct struct) {
            if (!Envelope.isEnvelope(struct.schema())) {
                throw new DataException("Not a change-event envelope: schema '" + struct.schema().name()
                        + "' lacks the before/after/op fields");
            }
        } else if (value instanceof Map<?, ?> map) {
            if (!map.containsKey(Envelope.OP) || !(map.containsKey(Envelope.AFTER) || map.containsKey(Envelope.BEFORE))) {
                throw new DataException("Not a change-event envelope: map lacks the op/before/after entries");
            }
        } else {
            throw new DataException("Not a change-event envelope: value is "
                    + (value == null ? "null (a tombstone)" : value.getClass().getName()));
        }
        return new ChangeEvent(value);
    }

    /** True when the value looks like an envelope (for sinks that accept both envelopes and flat rows). */
    public static boolean isEnvelope(Schema schema, Object value) {
        if (schema != null) {
            return Envelope.isEnvelope(schema);
        }
        return value instanceof Map<?, ?> map && map.containsKey(Envelope.OP)
                && (map.containsKey(Envelope.AFTER) || map.containsKey(Envelope.BEFORE));
    }

    public boolean hasSchema() {
        return value instanceof Struct;
    }

    public Operation operation() {
        Object op = get(Envelope.OP);
        if (op == null) {
            throw new DataException("Change-event envelope has a null op field");
        }
        return Operation.forCode(op.toString());
    }

    /** The row after the change: a {@link Struct} or a {@link Map}; null for deletes. */
    public Object after() {
        return get(Envelope.AFTER);
    }

    /** The row before the change: null for creates, reads, and for the timestamp path's updates. */
    public Object before() {
        return get(Envelope.BEFORE);
    }

    /** The row this event is about: {@code after}, or {@code before} for deletes. */
    public Object rowState() {
        Object after = after();
        return after != null ? after : before();
    }

    public Object source() {
        return get(Envelope.SOURCE);
    }

    /** A field of the {@code source} block (db, table, ts_ms, snapshot, ...), or null when absent. */
    public Object sourceField(String name) {
        return field(source(), name);
    }

    public Long timestampMillis() {
        Object ts = get(Envelope.TS_MS);
        return ts == null ? null : ((Number) ts).longValue();
    }

    /** The raw value, a {@link Struct} or a {@link Map}. */
    public Object value() {
        return value;
    }

    private Object get(String name) {
        return field(value, name);
    }

    /** Reads a field of a Struct or a Map, null when the container is null or lacks it. */
    public static Object field(Object container, String name) {
        if (container instanceof Struct struct) {
            Field field = struct.schema().field(name);
            return field == null ? null : struct.get(field);
        }
        if (container instanceof Map<?, ?> map) {
            return map.get(name);
        }
        return null;
    }
}
