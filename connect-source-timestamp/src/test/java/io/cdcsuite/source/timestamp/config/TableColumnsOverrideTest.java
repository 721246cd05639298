package io.cdcsuite.source.timestamp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.catalog.TableId;

class TableColumnsOverrideTest {

    @Test
    void parsesTablesAndColumnLists() {
        TableColumnsOverride override = TableColumnsOverride.parse(List.of("shop.orders:modified|created", " shop.t2 : c3 "));
        assertThat(override.forTable(new TableId("shop", "orders"))).contains(List.of("modified", "created"));
        assertThat(override.forTable(new TableId("shop", "t2"))).contains(List.of("c3"));
        assertThat(override.forTable(new TableId("shop", "t3"))).isEmpty();
        assertThat(TableColumnsOverride.parse(List.of()).tables()).isEmpty();
    }

    @Test
    void explainsMalformedEntries() {
        assertThatThrownBy(() -> TableColumnsOverride.parse(List.of("orders:c"))).hasMessageContaining("<database>.<table>");
        assertThatThrownBy(() -> TableColumnsOverride.parse(List.of("shop.orders"))).hasMessageContaining("<db>.<table>:<column>");
        assertThatThrownBy(() -> TableColumnsOverride.parse(List.of("shop.orders:a||b"))).hasMessageContaining("empty");
        assertThatThrownBy(() -> TableColumnsOverride.parse(List.of("shop.o:a", "shop.o:b"))).hasMessageContaining("more than once");
    }
}
