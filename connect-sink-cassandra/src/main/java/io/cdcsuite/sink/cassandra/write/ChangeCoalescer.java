package io.cdcsuite.sink.cassandra.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.mapping.RowChange;

/**
 * Drops the writes of one put() batch that a later write of the same row makes pointless, keeping the
 * result identical to applying every write in order:
 * <ul>
 *   <li>a delete supersedes every earlier write of its row;</li>
 *   <li>an upsert supersedes an earlier upsert when it writes every column that one wrote (with
 *       {@code null.handling=unset} or schemaless rows, an upsert may write fewer columns: then both stay);</li>
 *   <li>an upsert after a delete does not supersede the delete: the delete clears the columns the upsert does
 *       not write. Both are kept; the delete's lower timestamp orders them whatever order they land in.</li>
 * </ul>
 * A surviving write takes over the records of the writes it superseded, so their offsets are committed
 * only once it is acknowledged.
 */
public final class ChangeCoalescer {
    private record RowKey(TableId table, List<Object> primaryKey) {
    }

    private ChangeCoalescer() {
    }

    /** The writes to issue, per row in the order rows first appear, each row's writes in timestamp order. */
    public static List<RowWrite> coalesce(List<RowWrite> writes) {
        Map<RowKey, List<RowWrite>> rows = new LinkedHashMap<>();
        for (RowWrite write : writes) {
            List<RowWrite> row = rows.computeIfAbsent(new RowKey(write.table().table(), write.primaryKey()),
                    k -> new ArrayList<>());
            if (write.kind() == RowChange.Kind.DELETE) {
                List<RecordPosition> superseded = positionsOf(row);
                row.clear();
                row.add(write.covering(superseded));
                continue;
            }
            List<RecordPosition> superseded = new ArrayList<>();
            while (!row.isEmpty() && row.get(row.size() - 1).kind() == RowChange.Kind.UPSERT
                    && write.writtenColumns().containsAll(row.get(row.size() - 1).writtenColumns())) {
                superseded.addAll(0, row.remove(row.size() - 1).positions());
            }
            row.add(superseded.isEmpty() ? write : write.covering(superseded));
        }
        List<RowWrite> result = new ArrayList<>();
        rows.values().forEach(result::addAll);
        return result;
    }

    private static List<RecordPosition> positionsOf(List<RowWrite> writes) {
        List<RecordPosition> positions = new ArrayList<>();
        writes.forEach(write -> positions.addAll(write.positions()));
        return positions;
    }
}
