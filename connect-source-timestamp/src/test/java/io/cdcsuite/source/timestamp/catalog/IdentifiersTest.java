package io.cdcsuite.source.timestamp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void quotesWithBackticksAndDoublesEmbeddedBackticks() {
        assertThat(Identifiers.quote("orders")).isEqualTo("`orders`");
        assertThat(Identifiers.quote("we`ird")).isEqualTo("`we``ird`");
        assertThat(Identifiers.quote("a b; DROP TABLE x")).isEqualTo("`a b; DROP TABLE x`");
    }

    @Test
    void rejectsNamesMySqlCannotHave() {
        assertThatThrownBy(() -> Identifiers.quote("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Identifiers.quote("x".repeat(65))).hasMessageContaining("longer than 64");
        assertThatThrownBy(() -> Identifiers.quote("trailing ")).hasMessageContaining("ends with a space");
        assertThatThrownBy(() -> Identifiers.quote("nul\u0000")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> Identifiers.quote("emoji\uD83D\uDE00")).hasMessageContaining("Basic Multilingual Plane");
        assertThat(Identifiers.isValid("x".repeat(64))).isTrue();
    }

    @Test
    void tableIdsParseAtTheFirstDotAndQuoteBothParts() {
        TableId id = TableId.parse("shop.order`s");
        assertThat(id).isEqualTo(new TableId("shop", "order`s"));
        assertThat(id.quoted()).isEqualTo("`shop`.`order``s`");
        assertThat(id).hasToString("shop.order`s");
        assertThatThrownBy(() -> TableId.parse("orders")).hasMessageContaining("<database>.<table>");
        assertThatThrownBy(() -> TableId.parse("shop.")).hasMessageContaining("<database>.<table>");
    }
}
