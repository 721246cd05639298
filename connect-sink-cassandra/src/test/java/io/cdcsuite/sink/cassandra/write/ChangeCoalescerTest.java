package io.cdcsuite.sink.cassandra.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.TestRecords;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.mapping.RowChange;

class ChangeCoalescerTest {
    static final TableLayout ORDERS = new TableLayout(new TableId("shop", "orders"),
            Map.of("id", DataTypes.INT, "a", DataTypes.TEXT, "b", DataTypes.TEXT), List.of("id"), List.of());

    private long offset;

    private RowWrite upsert(int id, Object a, Object b) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("a", a);
        values.put("b", b);
        return write(RowChange.Kind.UPSERT, id, values);
    }

    private RowWrite delete(int id) {
        return write(RowChange.Kind.DELETE, id, Map.of("id", id));
    }

    private RowWrite write(RowChange.Kind kind, int id, Map<String, Object> values) {
        long at = offset++;
        RecordPosition position = new RecordPosition(TestRecords.upsert(at, id, "1.00", 1), true, true);
        return new RowWrite(ORDERS, kind, values, List.of(id), List.of(id), 1000 + at, 0, List.of(position));
    }

    private static List<Long> offsets(RowWrite write) {
        return write.positions().stream().map(RecordPosition::offset).toList();
    }

    @Test
    void laterFullUpsertSupersedesEarlierOnesAndTakesTheirRecords() {
        List<RowWrite> result = ChangeCoalescer.coalesce(List.of(upsert(1, "x", "y"), upsert(2, "p", "q"), upsert(1, "z", null)));
        assertThat(result).hasSize(2);
        assertThat(result.get(0).values()).containsEntry("a", "z").containsEntry("b", null);
        assertThat(result.get(0).timestamp()).isEqualTo(1002);
        assertThat(offsets(result.get(0))).containsExactly(0L, 2L);
        assertThat(offsets(result.get(1))).containsExactly(1L);
    }

    @Test
    void upsertWritingFewerColumnsKeepsTheEarlierOne() {
        List<RowWrite> result = ChangeCoalescer.coalesce(List.of(upsert(1, "x", "y"), upsert(1, "z", RowWrite.UNSET)));
        assertThat(result).hasSize(2);
        assertThat(result).extracting(RowWrite::timestamp).containsExactly(1000L, 1001L);
        List<RowWrite> narrowThenFull = ChangeCoalescer.coalesce(List.of(upsert(1, "x", RowWrite.UNSET),
                upsert(1, "z", RowWrite.UNSET), upsert(1, "q", "r")));
        assertThat(narrowThenFull).hasSize(1);
        assertThat(offsets(narrowThenFull.get(0))).containsExactly(2L, 3L, 4L);
    }

    @Test
    void deleteSupersedesEverythingBeforeIt() {
        List<RowWrite> result = ChangeCoalescer.coalesce(List.of(upsert(1, "x", "y"), upsert(1, "z", RowWrite.UNSET), delete(1)));
        assertThat(result).hasSize(1);
        assertThat(result.get(0).kind()).isEqualTo(RowChange.Kind.DELETE);
        assertThat(offsets(result.get(0))).containsExactly(0L, 1L, 2L);
    }

    @Test
    void deleteThenReinsertKeepsBothInOrder() {
        List<RowWrite> result = ChangeCoalescer.coalesce(List.of(upsert(1, "x", "y"), delete(1), upsert(1, "z", RowWrite.UNSET),
                upsert(1, "w", RowWrite.UNSET)));
        assertThat(result).extracting(RowWrite::kind).containsExactly(RowChange.Kind.DELETE, RowChange.Kind.UPSERT);
        assertThat(result.get(0).timestamp()).isLessThan(result.get(1).timestamp());
        assertThat(offsets(result.get(0))).containsExactly(0L, 1L);
        assertThat(offsets(result.get(1))).containsExactly(2L, 3L);
        assertThat(result.get(1).values()).containsEntry("a", "w");
    }

    /** Coalescing must not change what Cassandra ends up with, whatever the arrival order. */
    @Test
    void coalescedWritesLeaveTheSameRowAsAllWrites() {
        java.util.Random random = new java.util.Random(5);
        for (int run = 0; run < 500; run++) {
            offset = 0;
            List<RowWrite> writes = new java.util.ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                switch (random.nextInt(4)) {
                    case 0 -> writes.add(delete(1));
                    case 1 -> writes.add(upsert(1, "a" + i, RowWrite.UNSET));
                    case 2 -> writes.add(upsert(1, RowWrite.UNSET, "b" + i));
                    default -> writes.add(upsert(1, "a" + i, i % 2 == 0 ? null : "b" + i));
                }
            }
            List<RowWrite> coalesced = ChangeCoalescer.coalesce(writes);
            java.util.Collections.shuffle(coalesced, random);
            assertThat(apply(coalesced)).as("run %d", run).isEqualTo(apply(writes));
            assertThat(coalesced.stream().mapToInt(w -> w.positions().size()).sum()).isEqualTo(writes.size());
        }
    }

    private static Map<String, String> apply(List<RowWrite> writes) {
        CassandraCellModel table = new CassandraCellModel();
        for (RowWrite write : writes) {
            if (write.kind() == RowChange.Kind.DELETE) {
                table.delete(write.primaryKey(), write.timestamp());
            } else {
                Map<String, String> cells = new LinkedHashMap<>();
                write.values().forEach((column, value) -> {
                    if (value != RowWrite.UNSET && !column.equals("id")) {
                        cells.put(column, (String) value);
                    }
                });
                table.insert(write.primaryKey(), cells, write.timestamp());
            }
        }
        return table.read(List.of(1));
    }
}
