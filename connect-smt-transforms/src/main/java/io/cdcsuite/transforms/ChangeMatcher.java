package io.cdcsuite.transforms;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.connect.connector.ConnectRecord;

import io.cdcsuite.common.envelope.ChangeEvent;
import io.cdcsuite.common.envelope.Operation;
import io.cdcsuite.transforms.util.TopicName;

/**
 * Selects change events by operation and by table, for {@link ChangeFilter} and the predicates. The operation is the
 * envelope's {@code op}; a tombstone counts as the delete it completes; other records have none. The table is
 * {@code db.table} from the envelope's source block, or else from the topic {@code <prefix>.<db>.<table>}.
 */
final class ChangeMatcher {
    private final Set<Operation> operations;
    private final List<Pattern> tables;

    /** Empty operations or tables match anything. */
    ChangeMatcher(Set<Operation> operations, List<Pattern> tables) {
        this.operations = Set.copyOf(operations);
        this.tables = List.copyOf(tables);
    }

    boolean matches(ConnectRecord<?> record) {
        return matchesOperation(record) && matchesTable(record);
    }

    private boolean matchesOperation(ConnectRecord<?> record) {
        if (operations.isEmpty()) {
            return true;
        }
        Operation operation = operationOf(record);
        return operation != null && operations.contains(operation);
    }

    private boolean matchesTable(ConnectRecord<?> record) {
        if (tables.isEmpty()) {
            return true;
        }
        String table = tableOf(record);
        if (table == null) {
            return false;
        }
        for (Pattern pattern : tables) {
            if (pattern.matcher(table).matches()) {
                return true;
            }
        }
        return false;
    }

    static Operation operationOf(ConnectRecord<?> record) {
        Object value = record.value();
        if (value == null) {
            return Operation.DELETE;
        }
        return ChangeEvent.isEnvelope(record.valueSchema(), value) ? ChangeEvent.of(value).operation() : null;
    }

    /** {@code db.table}, or null when neither the envelope nor the topic names one. */
    static String tableOf(ConnectRecord<?> record) {
        Object value = record.value();
        if (value != null && ChangeEvent.isEnvelope(record.valueSchema(), value)) {
            ChangeEvent event = ChangeEvent.of(value);
            Object database = event.sourceField("db");
            Object table = event.sourceField("table");
            if (database != null && table != null) {
                return database + "." + table;
            }
        }
        return TopicName.parse(record.topic()).map(TopicName::qualifiedTable).orElse(null);
    }
}
