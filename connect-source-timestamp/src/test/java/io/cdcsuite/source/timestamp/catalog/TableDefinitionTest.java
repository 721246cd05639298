package io.cdcsuite.source.timestamp.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.testing.Columns;

class TableDefinitionTest {

    @Test
    void enumOptionsAreUnquotedWithDoubledQuotesAndCommasKept() {
        ColumnDefinition column = Columns.notNull("state", "enum('new','it''s','a,b','')");
        assertThat(column.enumOptions()).containsExactly("new", "it's", "a,b", "");
    }

    @Test
    void innoDbAppendsThePrimaryKeyToSecondaryIndexes() {
        TableDefinition table = new TableDefinition(new TableId("s", "t"),
                List.of(Columns.notNull("id", "int"), Columns.notNull("ts", "timestamp"), Columns.notNull("other", "int")),
                List.of("id"), List.of(List.of("id"), List.of("ts"), List.of("other", "ts")), 0);
        assertThat(table.hasIndexStartingWith(List.of("ts", "id"))).isTrue();
        assertThat(table.hasIndexStartingWith(List.of("TS"))).isTrue();
        assertThat(table.hasIndexStartingWith(List.of("other", "id"))).isFalse();
        assertThat(table.hasIndexStartingWith(List.of("id", "ts"))).isFalse();
    }

    @Test
    void columnFactsComeFromTheColumnType() {
        ColumnDefinition column = Columns.notNull("n", "int(10) unsigned");
        assertThat(column.unsigned()).isTrue();
        assertThat(Columns.notNull("b", "bit(12)").length()).isEqualTo(12);
        assertThat(Columns.notNull("t", "timestamp(3)").fractionalDigits()).isEqualTo(3);
        assertThat(Columns.of("x", "int", false, null, "INVISIBLE").invisible()).isTrue();
    }
}
