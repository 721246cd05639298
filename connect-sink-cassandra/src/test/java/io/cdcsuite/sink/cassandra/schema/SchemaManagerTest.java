package io.cdcsuite.sink.cassandra.schema;

import static io.cdcsuite.sink.cassandra.TestRecords.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.mapping.DeleteMarkers;
import io.cdcsuite.sink.cassandra.TestRecords;
import io.cdcsuite.sink.cassandra.config.ColumnMappings;
import io.cdcsuite.sink.cassandra.config.ReplicationSettings;
import io.cdcsuite.sink.cassandra.cql.TableId;
import io.cdcsuite.sink.cassandra.cql.TableLayout;
import io.cdcsuite.sink.cassandra.mapping.NormalizedRecord;
import io.cdcsuite.sink.cassandra.mapping.RecordMapper;
import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;
import io.cdcsuite.sink.cassandra.mapping.RowChange;
import io.cdcsuite.sink.cassandra.mapping.TableNameTemplate;
import io.cdcsuite.sink.cassandra.mapping.TableRouter;

class SchemaManagerTest {
    private static final TableId ORDERS = new TableId("shop", "orders");
    private static final ReplicationSettings REPLICATION =
            ReplicationSettings.parse("keyspace.replication", List.of("class=SimpleStrategy", "replication_factor=1"));
    private static final RecordMapper MAPPER = new RecordMapper(
            new TableRouter(Map.of(), TableNameTemplate.parse("${db}.${table}")),
            ColumnMappings.parse("column.mapping", List.of()), DeleteMarkers.marker("__deleted"), null);

    private static RowChange change(SinkRecord record) {
        return MAPPER.map(NormalizedRecord.of(record));
    }

    @Test
    void autoCreateMakesKeyspaceAndTableFromTheRecordSchema() {
        FakeCatalog catalog = new FakeCatalog();
        SchemaManager schemas = new SchemaManager(catalog, true, false, REPLICATION);
        schemas.prepare(List.of(change(upsert(1, 1, "2193.60", 1000))));
        assertThat(catalog.executed).containsExactly(
                "CREATE KEYSPACE IF NOT EXISTS \"shop\" WITH replication = {'class': 'SimpleStrategy', 'replication_factor': '1'}",
                "CREATE TABLE IF NOT EXISTS \"shop\".\"orders\" (\"id\" int, \"customer\" text, \"amount\" decimal, "
                        + "\"note\" text, PRIMARY KEY ((\"id\")))");
        TableLayout layout = schemas.layout(ORDERS);
        assertThat(layout.primaryKey()).containsExactly("id");
        assertThat(layout.type("amount")).isEqualTo(DataTypes.DECIMAL);
        schemas.prepare(List.of(change(upsert(2, 2, "1.00", 1001))));
        assertThat(catalog.executed).as("known tables are not created again").hasSize(2);
    }

    @Test
    void withoutAutoCreateAMissingTableFailsItsRecords() {
        SchemaManager schemas = new SchemaManager(new FakeCatalog(), false, false, REPLICATION);
        schemas.prepare(List.of(change(upsert(1, 1, "1.00", 1000))));
        assertThatThrownBy(() -> schemas.layout(ORDERS)).isInstanceOf(RecordMappingException.class)
                .hasMessageContaining("table shop.orders does not exist; create it or set auto.create=true");
    }

    @Test
    void autoCreateNeedsKeyFields() {
        FakeCatalog catalog = new FakeCatalog();
        SchemaManager schemas = new SchemaManager(catalog, true, false, REPLICATION);
        SinkRecord keyless = TestRecords.record(0, 1, null, TestRecords.envelope("c", null, TestRecords.row(1, "a", null, null), 1));
        schemas.prepare(List.of(change(keyless)));
        assertThatThrownBy(() -> schemas.layout(ORDERS)).hasMessageContaining("no key fields to make its primary key");
        assertThat(catalog.executed).isEmpty();
    }

    @Test
    void autoEvolveAddsMissingColumnsOnce() {
        TableLayout existing = new TableLayout(ORDERS, Map.of("id", DataTypes.INT, "customer", DataTypes.TEXT),
                List.of("id"), List.of());
        FakeCatalog catalog = new FakeCatalog().with(existing);
        SchemaManager schemas = new SchemaManager(catalog, false, true, REPLICATION);
        schemas.prepare(List.of(change(upsert(1, 1, "1.00", 1000)), change(upsert(2, 2, "2.00", 1001))));
        assertThat(catalog.executed).containsExactly(
                "ALTER TABLE \"shop\".\"orders\" ADD \"amount\" decimal",
                "ALTER TABLE \"shop\".\"orders\" ADD \"note\" text");
        assertThat(schemas.layout(ORDERS).columns()).containsKeys("amount", "note");
        schemas.prepare(List.of(change(upsert(3, 3, "1.00", 1002))));
        assertThat(catalog.executed).hasSize(2);
    }

    @Test
    void aColumnCassandraRefusesIsNotAskedForAgain() {
        FakeCatalog catalog = new FakeCatalog().with(new TableLayout(ORDERS,
                Map.of("id", DataTypes.INT, "customer", DataTypes.TEXT, "note", DataTypes.TEXT), List.of("id"), List.of()));
        catalog.refusedColumns.add("amount");
        SchemaManager schemas = new SchemaManager(catalog, false, true, REPLICATION);
        schemas.prepare(List.of(change(upsert(1, 1, "1.00", 1000))));
        schemas.prepare(List.of(change(upsert(2, 2, "1.00", 1000))));
        assertThat(catalog.executed).containsExactly("ALTER TABLE \"shop\".\"orders\" ADD \"amount\" decimal");
        assertThat(schemas.layout(ORDERS).type("amount")).isNull();
    }

    @Test
    void deletesAndSchemalessNullsAddNoColumns() {
        FakeCatalog catalog = new FakeCatalog().with(new TableLayout(ORDERS, Map.of("id", DataTypes.INT), List.of("id"), List.of()));
        SchemaManager schemas = new SchemaManager(catalog, false, true, REPLICATION);
        java.util.Map<String, Object> row = new java.util.HashMap<>();
        row.put("id", 1L);
        row.put("unknown", null);
        schemas.prepare(List.of(change(TestRecords.delete(1, 1, 1000)),
                change(new SinkRecord(TestRecords.TOPIC, 0, null, Map.of("id", 1L), null, row, 2))));
        assertThat(catalog.executed).isEmpty();
    }

    @Test
    void counterTablesAreRefused() {
        FakeCatalog catalog = new FakeCatalog().with(new TableLayout(ORDERS,
                Map.of("id", DataTypes.INT, "hits", DataTypes.COUNTER), List.of("id"), List.of()));
        SchemaManager schemas = new SchemaManager(catalog, false, false, REPLICATION);
        schemas.prepare(List.of(change(upsert(1, 1, "1.00", 1000))));
        assertThatThrownBy(() -> schemas.layout(ORDERS)).hasMessageContaining("counter columns");
    }

    @Test
    void schemalessAutoCreateInfersExactTypes() {
        FakeCatalog catalog = new FakeCatalog();
        SchemaManager schemas = new SchemaManager(catalog, true, false, REPLICATION);
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("id", 1L);
        value.put("price", new java.math.BigDecimal("2193.60"));
        value.put("label", "x");
        schemas.prepare(List.of(change(new SinkRecord(TestRecords.TOPIC, 0, Schema.STRING_SCHEMA, "{\"id\":1}", null, value, 1))));
        assertThat(catalog.executed.get(1)).isEqualTo("CREATE TABLE IF NOT EXISTS \"shop\".\"orders\" "
                + "(\"id\" bigint, \"price\" decimal, \"label\" text, PRIMARY KEY ((\"id\")))");
    }
}
