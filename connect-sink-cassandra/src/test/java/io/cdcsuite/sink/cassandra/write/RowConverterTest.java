package io.cdcsuite.sink.cassandra.write;

import static io.cdcsuite.sink.cassandra.TestRecords.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.mapping.DeleteMarkers;
import io.cdcsuite.sink.cassandra.TestRecords;
import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig.NullHandling;
import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig.UnmappedFields;
import io.cdcsuite.sink.cassandra.config.ColumnMappings;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.mapping.NormalizedRecord;
import io.cdcsuite.sink.cassandra.mapping.RecordMapper;
import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;
import io.cdcsuite.sink.cassandra.mapping.RowChange;
import io.cdcsuite.sink.cassandra.mapping.TableNameTemplate;
import io.cdcsuite.sink.cassandra.mapping.TableRouter;

class RowConverterTest {
    private static final TableId ORDERS = new TableId("shop", "orders");
    private static final TableLayout LAYOUT = new TableLayout(ORDERS, orderColumns(), List.of("id"), List.of());
    private static final RecordMapper MAPPER = new RecordMapper(
            new TableRouter(Map.of(), TableNameTemplate.parse("${db}.${table}")),
            ColumnMappings.parse("column.mapping", List.of()), DeleteMarkers.marker("__deleted"), null);

    private static Map<String, com.datastax.oss.driver.api.core.type.DataType> orderColumns() {
        Map<String, com.datastax.oss.driver.api.core.type.DataType> columns = new LinkedHashMap<>();
        columns.put("id", DataTypes.INT);
        columns.put("customer", DataTypes.TEXT);
        columns.put("amount", DataTypes.DECIMAL);
        columns.put("note", DataTypes.TEXT);
        return columns;
    }

    private static RowWrite convert(RowConverter converter, SinkRecord record, TableLayout layout) {
        RowChange change = MAPPER.map(NormalizedRecord.of(record));
        return converter.convert(change, layout, 42L, new RecordPosition(record, true, true));
    }

    private static RowConverter converter(NullHandling nulls, UnmappedFields unmapped) {
        return new RowConverter(nulls, unmapped, table -> 3600);
    }

    @Test
    void upsertWritesEveryColumnAndNullsByDefault() {
        RowWrite write = convert(converter(NullHandling.WRITE, UnmappedFields.FAIL), upsert(1, 7, "2193.60", 1000), LAYOUT);
        assertThat(write.kind()).isEqualTo(RowChange.Kind.UPSERT);
        assertThat(write.values()).containsExactly(entry("id", 7), entry("customer", "alice"),
                entry("amount", new BigDecimal("2193.60")), entry("note", null));
        assertThat(write.primaryKey()).containsExactly(7);
        assertThat(write.timestamp()).isEqualTo(42L);
        assertThat(write.ttlSeconds()).isEqualTo(3600);
        assertThat(write.writtenColumns()).containsExactly("id", "customer", "amount", "note");
    }

    @Test
    void nullHandlingUnsetLeavesColumnsAlone() {
        RowWrite write = convert(converter(NullHandling.UNSET, UnmappedFields.FAIL), upsert(1, 7, null, 1000), LAYOUT);
        assertThat(write.values().get("amount")).isSameAs(RowWrite.UNSET);
        assertThat(write.values().get("note")).isSameAs(RowWrite.UNSET);
        assertThat(write.writtenColumns()).containsExactly("id", "customer");
    }

    @Test
    void deleteCarriesOnlyThePrimaryKey() {
        RowWrite write = convert(converter(NullHandling.WRITE, UnmappedFields.FAIL), TestRecords.delete(1, 7, 1000), LAYOUT);
        assertThat(write.kind()).isEqualTo(RowChange.Kind.DELETE);
        assertThat(write.values()).containsExactly(entry("id", 7));
    }

    @Test
    void primaryKeyComesFromTheRowOrASingleValueKeyWhenTheKeyHasNoFields() {
        SinkRecord keyless = TestRecords.record(0, 1, null, TestRecords.envelope("d", TestRecords.row(9, "a", null, null), null, 1));
        assertThat(convert(converter(NullHandling.WRITE, UnmappedFields.FAIL), keyless, LAYOUT).primaryKey()).containsExactly(9);
        SinkRecord primitive = new SinkRecord(TestRecords.TOPIC, 0, Schema.INT64_SCHEMA, 11L, null, null, 2);
        assertThat(convert(converter(NullHandling.WRITE, UnmappedFields.FAIL), primitive, LAYOUT).primaryKey()).containsExactly(11);
        TableLayout twoColumnKey = new TableLayout(ORDERS, orderColumns(), List.of("id", "customer"), List.of());
        assertThatThrownBy(() -> convert(converter(NullHandling.WRITE, UnmappedFields.FAIL), primitive, twoColumnKey))
                .isInstanceOf(RecordMappingException.class)
                .hasMessage("column 'id': the record has no value for this primary key column of shop.orders "
                        + "(neither in its key nor in its row)");
    }

    @Test
    void clusteringColumnsAreKeyColumnsAndPartitionKeyIsItsPrefix() {
        TableLayout clustered = new TableLayout(ORDERS, orderColumns(), List.of("customer"), List.of("id"));
        RowWrite write = convert(converter(NullHandling.WRITE, UnmappedFields.FAIL), upsert(1, 7, "1.00", 1000), clustered);
        assertThat(write.primaryKey()).containsExactly("alice", 7);
        assertThat(write.partitionKey()).containsExactly("alice");
    }

    @Test
    void fieldsWithoutAColumnFailOrAreIgnored() {
        TableLayout narrow = new TableLayout(ORDERS, Map.of("id", DataTypes.INT, "customer", DataTypes.TEXT), List.of("id"), List.of());
        assertThatThrownBy(() -> convert(converter(NullHandling.WRITE, UnmappedFields.FAIL), upsert(1, 7, "1.00", 1000), narrow))
                .isInstanceOf(RecordMappingException.class)
                .hasMessageStartingWith("column 'amount': shop.orders has no such column");
        RowWrite ignored = convert(converter(NullHandling.WRITE, UnmappedFields.IGNORE), upsert(1, 7, "1.00", 1000), narrow);
        assertThat(ignored.values()).containsOnlyKeys("id", "customer");
        // a null needs no column: 'note' is null and absent from the table, which is fine even with FAIL
        TableLayout noNote = new TableLayout(ORDERS, Map.of("id", DataTypes.INT, "customer", DataTypes.TEXT,
                "amount", DataTypes.DECIMAL), List.of("id"), List.of());
        assertThat(convert(converter(NullHandling.WRITE, UnmappedFields.FAIL), upsert(1, 7, "1.00", 1000), noNote).values())
                .containsOnlyKeys("id", "customer", "amount");
    }

    @Test
    void nullPrimaryKeyAndWrongTypesNameTheColumn() {
        TableLayout amountAsInt = new TableLayout(ORDERS, Map.of("id", DataTypes.INT, "customer", DataTypes.TEXT,
                "amount", DataTypes.INT, "note", DataTypes.TEXT), List.of("id"), List.of());
        assertThatThrownBy(() -> convert(converter(NullHandling.WRITE, UnmappedFields.FAIL), upsert(1, 7, "2193.60", 1000), amountAsInt))
                .isInstanceOf(RecordMappingException.class)
                .hasMessageStartingWith("column 'amount': cannot write org.apache.kafka.connect.data.Decimal value '2193.60' to a int column");
        Map<String, Object> nullKey = new java.util.HashMap<>();
        nullKey.put("id", null);
        SinkRecord record = new SinkRecord(TestRecords.TOPIC, 0, null, nullKey, null, Map.of("customer", "x"), 3);
        assertThatThrownBy(() -> convert(converter(NullHandling.WRITE, UnmappedFields.FAIL), record, LAYOUT))
                .hasMessage("column 'id': primary key column is null");
    }
}
