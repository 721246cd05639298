package io.cdcsuite.source.timestamp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cdcsuite.source.timestamp.catalog.TableId;

class TableFilterTest {

    @Test
    void includeMatchesWholeNamesCaseInsensitivelyAndExcludeWins() {
        TableFilter filter = new TableFilter(List.of("shop\\..*", "crm\\.customers"), List.of("shop\\.tmp_.*"));
        assertThat(filter.includes(TableId.parse("shop.orders"))).isTrue();
        assertThat(filter.includes(TableId.parse("SHOP.Orders"))).isTrue();
        assertThat(filter.includes(TableId.parse("crm.customers"))).isTrue();
        assertThat(filter.includes(TableId.parse("crm.customers_old"))).as("full match").isFalse();
        assertThat(filter.includes(TableId.parse("shop.tmp_1"))).isFalse();
    }

    @Test
    void anEmptyIncludeListTakesEverythingButTheSystemSchemas() {
        TableFilter filter = new TableFilter(List.of(), List.of());
        assertThat(filter.includes(TableId.parse("app.t"))).isTrue();
        assertThat(filter.includes(TableId.parse("mysql.user"))).isFalse();
        assertThat(filter.includes(TableId.parse("sys.x"))).isFalse();
    }
}
