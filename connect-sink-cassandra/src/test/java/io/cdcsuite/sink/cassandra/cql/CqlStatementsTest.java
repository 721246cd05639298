package io.cdcsuite.sink.cassandra.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

class CqlStatementsTest {
    private static final TableId ORDERS = new TableId("shop", "Orders");

    @Test
    void insertQuotesEveryIdentifierAndBindsTtlThenTimestamp() {
        assertThat(CqlStatements.insert(ORDERS, List.of("id", "Customer Name", "say \"hi\"")))
                .isEqualTo("INSERT INTO \"shop\".\"Orders\" (\"id\",\"Customer Name\",\"say \"\"hi\"\"\") "
                        + "VALUES (?,?,?) USING TTL ? AND TIMESTAMP ?");
    }

    @Test
    void deleteBindsTimestampThenKey() {
        assertThat(CqlStatements.delete(ORDERS, List.of("tenant", "id")))
                .isEqualTo("DELETE FROM \"shop\".\"Orders\" USING TIMESTAMP ? WHERE \"tenant\"=? AND \"id\"=?");
    }

    @Test
    void createTableMakesEveryKeyColumnPartOfThePartitionKey() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("tenant", DataTypes.TEXT);
        columns.put("id", DataTypes.INT);
        columns.put("tags", DataTypes.listOf(DataTypes.frozenListOf(DataTypes.TEXT)));
        columns.put("amount", DataTypes.DECIMAL);
        assertThat(CqlStatements.createTable(ORDERS, columns, List.of("tenant", "id")))
                .isEqualTo("CREATE TABLE IF NOT EXISTS \"shop\".\"Orders\" (\"tenant\" text, \"id\" int, "
                        + "\"tags\" list<frozen<list<text>>>, \"amount\" decimal, PRIMARY KEY ((\"tenant\",\"id\")))");
    }

    @Test
    void createKeyspaceAndAddColumn() {
        assertThat(CqlStatements.createKeyspace("shop", "{'class': 'SimpleStrategy', 'replication_factor': '1'}"))
                .isEqualTo("CREATE KEYSPACE IF NOT EXISTS \"shop\" WITH replication = "
                        + "{'class': 'SimpleStrategy', 'replication_factor': '1'}");
        assertThat(CqlStatements.addColumn(ORDERS, "note", DataTypes.setOf(DataTypes.TEXT)))
                .isEqualTo("ALTER TABLE \"shop\".\"Orders\" ADD \"note\" set<text>");
    }

    @Test
    void schemaNamesAreValidatedColumnNamesOnlyQuoted() {
        assertThatThrownBy(() -> new TableId("shop", "orders; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid table name");
        assertThatThrownBy(() -> new TableId("shop-db", "orders"))
                .hasMessageContaining("Invalid keyspace name 'shop-db'");
        assertThatThrownBy(() -> new TableId("shop", "t".repeat(49))).hasMessageContaining("1 to 48 characters");
        assertThat(new TableId("shop", "t".repeat(48)).table()).hasSize(48);
        assertThatThrownBy(() -> CqlNames.quote("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> CqlNames.quote("a\nb")).hasMessageContaining("control characters");
        assertThat(CqlNames.quote("\"); DROP KEYSPACE shop; --")).isEqualTo("\"\"\"); DROP KEYSPACE shop; --\"");
        assertThat(CqlNames.literal("it's")).isEqualTo("'it''s'");
    }

    @Test
    void tableIdParsesKeyspaceDotTable() {
        assertThat(TableId.parse(" shop.orders ")).isEqualTo(new TableId("shop", "orders"));
        assertThat(TableId.parse("shop.orders").cql()).isEqualTo("\"shop\".\"orders\"");
        for (String bad : List.of("orders", "shop.", ".orders", "a.b.c", "")) {
            assertThatThrownBy(() -> TableId.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
