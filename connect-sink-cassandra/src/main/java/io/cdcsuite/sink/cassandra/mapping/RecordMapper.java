package io.cdcsuite.sink.cassandra.mapping;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.errors.DataException;

import io.cdcsuite.common.envelope.ChangeEvent;
import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.sink.cassandra.config.ColumnMapping;
import io.cdcsuite.sink.cassandra.config.ColumnMappings;
import io.cdcsuite.sink.cassandra.cql.TableId;

/**
 * Turns a record into the change it asks for, whatever shape it comes in:
 * <ul>
 *   <li>a change-event envelope (Struct or schemaless Map, from Debezium or the timestamp source):
 *       {@code c}, {@code r}, {@code u} upsert {@code after} (or delete it when it is soft-deleted); {@code d}
 *       deletes by key; {@code t} and {@code m}
 *       carry no row change and are skipped;</li>
 *   <li>a flat row (already unwrapped): an upsert, or a delete when marked so ({@link DeleteMarkers});</li>
 *   <li>a tombstone (null value): a delete by key;</li>
 * </ul>
 * JSON text values arrive already parsed (see {@link NormalizedRecord}). Key columns come from the record key; when the key is missing, from the row (the table's primary key
 * columns are looked up there when values are converted).
 */
public final class RecordMapper {
    /** {@code source.connector} of connectors whose {@code op=c} is an insert read from the database's log. */
    private static final Set<Object> LOG_INSERT_CONNECTORS = Set.of("mysql", "mariadb");
    private final TableRouter router;
    private final ColumnMappings columnMappings;
    private final DeleteMarkers deleteMarkers;
    private final FieldPath ttlField;
    /** Per table, the fields that are not columns by their own name (excluded, renamed, the delete marker). */
    private final Map<TableId, Set<String>> notByDefault = new HashMap<>();

    public RecordMapper(TableRouter router, ColumnMappings columnMappings, DeleteMarkers deleteMarkers,
                        FieldPath ttlField) {
        this.router = router;
        this.columnMappings = columnMappings;
        this.deleteMarkers = deleteMarkers;
        this.ttlField = ttlField;
    }

    /** The change the record asks for, or null when it carries none (truncate and message events). */
    public RowChange map(NormalizedRecord normalized) {
        SinkRecord record = normalized.record();
        Object key = normalized.key();
        Schema keySchema = normalized.keySchema();
        Object value = normalized.value();
        Schema valueSchema = normalized.valueSchema();
        if (value == null) {
            if (key == null) {
                throw new RecordMappingException("the record has neither key nor value");
            }
            SourceTable source = SourceTable.of(record.topic(), null);
            return change(record, source, RowChange.Kind.DELETE, RowChange.Origin.TOMBSTONE,
                    new Sources(key, keySchema, null, null, null, null), false);
        }
        if (ChangeEvent.isEnvelope(valueSchema, value)) {
            ChangeEvent event;
            Operation op;
            try {
                event = ChangeEvent.of(value);
                op = event.operation();
            } catch (DataException e) {
                throw new RecordMappingException(e.getMessage());
            }
            if (!op.carriesRowState() && op != Operation.DELETE) {
                return null;
            }
            SourceTable source = SourceTable.of(record.topic(), event);
            Object row = op == Operation.DELETE ? event.before() : event.after();
            if (row == null && op != Operation.DELETE) {
                throw new RecordMappingException("an op=" + op.code() + " event without 'after'");
            }
            RowChange.Kind kind = op == Operation.DELETE || deleteMarkers.softDeleted(row)
                    ? RowChange.Kind.DELETE : RowChange.Kind.UPSERT;
            Object connector = event.sourceField("connector");
            boolean newRow = op == Operation.CREATE && connector != null && LOG_INSERT_CONNECTORS.contains(connector);
            return change(record, source, kind, RowChange.Origin.ENVELOPE,
                    new Sources(key, keySchema, row, schemaOf(row), value, valueSchema), newRow);
        }
        if (!(value instanceof Struct) && !(value instanceof Map<?, ?>)) {
            throw new RecordMappingException("the record value is a " + value.getClass().getSimpleName()
                    + ", neither a change event nor a row (struct, map or JSON object)");
        }
        SourceTable source = SourceTable.of(record.topic(), null);
        RowChange.Kind kind = deleteMarkers.flatRowDeleted(value) ? RowChange.Kind.DELETE : RowChange.Kind.UPSERT;
        return change(record, source, kind, RowChange.Origin.FLAT,
                new Sources(key, keySchema, value, valueSchema, null, null), false);
    }

    /** The parts of a record column values are read from. */
    private record Sources(Object key, Schema keySchema, Object row, Schema rowSchema, Object envelope,
                           Schema envelopeSchema) {
    }

    private RowChange change(SinkRecord record, SourceTable source, RowChange.Kind kind, RowChange.Origin origin,
                             Sources sources, boolean newRow) {
        TableId table = router.route(record.topic(), source);
        List<ColumnMapping> explicit = columnMappings.forTable(table);
        Set<String> notByDefault = this.notByDefault.computeIfAbsent(table, t -> notByDefault(explicit));

        Map<String, FieldValue> keyColumns = new LinkedHashMap<>();
        Map<String, FieldValue> valueColumns = new LinkedHashMap<>();
        FieldValue primitiveKey = null;
        if (sources.key() instanceof Struct || sources.key() instanceof Map<?, ?>) {
            addFields(sources.key(), notByDefault, Map.of(), keyColumns);
        } else if (sources.key() != null) {
            primitiveKey = FieldValue.of(sources.key(), sources.keySchema());
        }
        if (sources.row() != null) {
            addFields(sources.row(), notByDefault, keyColumns, valueColumns);
        }
        for (ColumnMapping mapping : explicit) {
            if (mapping.excludes()) {
                continue;
            }
            FieldValue resolved = resolve(mapping.path(), record, sources);
            if (resolved.value() == FieldPath.MISSING) {
                continue;
            }
            if (mapping.path().origin() == FieldPath.Origin.KEY) {
                valueColumns.remove(mapping.column());
                keyColumns.put(mapping.column(), resolved);
            } else {
                keyColumns.remove(mapping.column());
                valueColumns.put(mapping.column(), resolved);
            }
        }
        if (!keyColumns.isEmpty()) {
            primitiveKey = null;
        }
        Integer ttl = kind == RowChange.Kind.UPSERT ? ttl(record, sources) : null;
        return new RowChange(record, table, source, kind, origin, keyColumns, valueColumns, primitiveKey, ttl, newRow);
    }

    private Set<String> notByDefault(List<ColumnMapping> explicit) {
        Set<String> fields = new HashSet<>();
        for (ColumnMapping mapping : explicit) {
            if (mapping.excludes()) {
                fields.add(mapping.column());
            } else if (isFieldRename(mapping.path())) {
                fields.add(mapping.path().topField());
            }
        }
        fields.add(deleteMarkers.markerField());
        return Collections.unmodifiableSet(fields);
    }

    private static boolean isFieldRename(FieldPath path) {
        return (path.origin() == FieldPath.Origin.KEY || path.origin() == FieldPath.Origin.VALUE)
                && path.segments().size() == 1;
    }

    /** Puts the container's fields into {@code out}, but not those in {@code skip} or already in {@code taken}. */
    private static void addFields(Object container, Set<String> skip, Map<String, FieldValue> taken,
                                  Map<String, FieldValue> out) {
        if (container instanceof Struct struct) {
            for (Field field : struct.schema().fields()) {
                if (!skip.contains(field.name()) && !taken.containsKey(field.name())) {
                    out.put(field.name(), FieldValue.of(struct.get(field), field.schema()));
                }
            }
        } else if (container instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                if (!skip.contains(name) && !taken.containsKey(name)) {
                    out.put(name, FieldValue.of(entry.getValue(), null));
                }
            }
        } else {
            throw new RecordMappingException("the row is a " + container.getClass().getSimpleName()
                    + ", not a struct or map");
        }
    }

    private FieldValue resolve(FieldPath path, SinkRecord record, Sources sources) {
        String text = path.toString();
        return switch (path.origin()) {
            case VALUE -> sources.row() == null ? FieldValue.of(FieldPath.MISSING, null)
                    : FieldPath.walk(sources.row(), sources.rowSchema(), path.segments(), text);
            case KEY -> {
                if (path.segments().isEmpty()) {
                    yield FieldValue.of(sources.key(), sources.keySchema());
                }
                if (sources.key() != null && !(sources.key() instanceof Struct) && !(sources.key() instanceof Map<?, ?>)) {
                    throw new RecordMappingException("field path '" + text + "': the record key is a single "
                            + sources.key().getClass().getSimpleName() + "; map it with 'key'");
                }
                yield FieldPath.walk(sources.key(), sources.keySchema(), path.segments(), text);
            }
            case ENVELOPE -> sources.envelope() == null ? FieldValue.of(FieldPath.MISSING, null)
                    : FieldPath.walk(sources.envelope(), sources.envelopeSchema(), path.segments(), text);
            case HEADER -> {
                Header header = record.headers().lastWithName(path.segments().get(0));
                yield header == null ? FieldValue.of(FieldPath.MISSING, null)
                        : FieldValue.of(header.value(), header.schema());
            }
            case KAFKA -> switch (path.segments().get(0)) {
                case "topic" -> FieldValue.of(record.topic(), Schema.STRING_SCHEMA);
                case "partition" -> FieldValue.of(record.kafkaPartition(), Schema.INT32_SCHEMA);
                case "offset" -> FieldValue.of(record.kafkaOffset(), Schema.INT64_SCHEMA);
                default -> FieldValue.of(record.timestamp() == null ? null : new java.util.Date(record.timestamp()),
                        Timestamp.builder().optional().build());
            };
        };
    }

    private Integer ttl(SinkRecord record, Sources sources) {
        if (ttlField == null) {
            return null;
        }
        Object value;
        try {
            value = resolve(ttlField, record, sources).value();
        } catch (RecordMappingException e) {
            // the TTL field is optional per record: a schema without it means "the table's TTL"
            return null;
        }
        if (value == null || value == FieldPath.MISSING) {
            return null;
        }
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.longValue() < 0 || number.longValue() > Integer.MAX_VALUE) {
            throw new RecordMappingException("ttl.field '" + ttlField + "' holds " + value
                    + ", not a whole, non-negative number of seconds");
        }
        return number.intValue();
    }


    private static Schema schemaOf(Object row) {
        return row instanceof Struct struct ? struct.schema() : null;
    }
}
