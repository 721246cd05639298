package io.cdcsuite.sink.cassandra.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

import io.cdcsuite.sink.cassandra.mapping.FieldValue;

class MeasureCalculatorTest {
    private static final AggregateDefinition ORDERS = AggregateParser.parse("""
            CREATE AGGREGATE shop.by_customer AS SELECT customer_id, COUNT(*) AS n, COUNT(note) AS notes,
              SUM(amount) AS total, AVG(amount) AS average, MIN(amount) AS smallest, MAX(amount) AS largest,
              SUM(amount) FILTER (WHERE status = 'paid') AS paid
            FROM shop.orders GROUP BY customer_id""").get(0);

    private static final AggregateLayout LAYOUT = AggregateLayout.from(ORDERS, Map.of(
            "customer_id", FieldValue.of(42, Schema.INT32_SCHEMA),
            "amount", FieldValue.of(new BigDecimal("1.00"), Decimal.schema(2)),
            "note", FieldValue.of("x", Schema.OPTIONAL_STRING_SCHEMA),
            "status", FieldValue.of("paid", Schema.STRING_SCHEMA)));

    @Test
    void computesLikeMySqlGroupBy() {
        List<List<Object>> members = List.of(
                contributions((byte) 1, (byte) 1, "10.00", "10.00", "10.00", "10.00", "10.00"),
                contributions((byte) 1, null, "2193.60", "2193.60", "2193.60", "2193.60", null),
                contributions((byte) 1, null, "0.01", "0.01", "0.01", "0.01", null));

        List<Object> values = MeasureCalculator.compute(LAYOUT, members);

        assertThat(values.get(0)).isEqualTo(3L);
        assertThat(values.get(1)).isEqualTo(1L);
        assertThat(values.get(2)).isEqualTo(new BigDecimal("2203.61"));
        // MySQL: AVG(DECIMAL(10,2)) has scale 2 + div_precision_increment (4), rounded half up
        assertThat(values.get(3)).isEqualTo(new BigDecimal("734.536667"));
        assertThat(values.get(4)).isEqualTo(new BigDecimal("0.01"));
        assertThat(values.get(5)).isEqualTo(new BigDecimal("2193.60"));
        assertThat(values.get(6)).isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void emptyInputsGiveNullLikeSql() {
        List<Object> values = MeasureCalculator.compute(LAYOUT, List.of(contributions((byte) 1, null, null, null, null,
                null, null)));

        assertThat(values).containsExactly(1L, 0L, null, null, null, null, null);
    }

    @Test
    void typesFollowTheInput() {
        assertThat(LAYOUT.measureTypes()).extracting(type -> type.asCql(false, false))
                .containsExactly("bigint", "bigint", "decimal", "decimal", "decimal", "decimal", "decimal");
        assertThat(LAYOUT.groupTypes().get("customer_id").asCql(false, false)).isEqualTo("int");
    }

    private static List<Object> contributions(Object count, Object note, String total, String average, String min,
                                              String max, String paid) {
        return Arrays.asList(count, note, decimal(total), decimal(average), decimal(min), decimal(max), decimal(paid));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
