package io.cdcsuite.sink.cassandra.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cdcsuite.sink.cassandra.cql.TableId;

class AggregateParserTest {
    static final String SEED_001 = """
            CREATE AGGREGATE events.hourly_events AS
            SELECT job_id, publisher_id, campaign_id, group_id,
                   COUNT(*) FILTER (WHERE custom_track = 'click') AS clicks,
                   COUNT(*) FILTER (WHERE custom_track = 'conversion') AS conversions,
                   COUNT(*) FILTER (WHERE custom_track = 'qualified') AS qualified,
                   COUNT(*) FILTER (WHERE custom_track = 'unqualified') AS unqualified,
                   SUM(bid) FILTER (WHERE custom_track = 'click') AS spend,
                   AVG(bid) FILTER (WHERE custom_track = 'click') AS average_bid
            FROM logs.tracking
            WHERE job_id IS NOT NULL
            GROUP BY job_id, publisher_id, campaign_id, group_id
            WINDOW TUMBLING (ts, 1 HOUR)
            RETENTION 30 DAYS;
            -- seed 002
            CREATE AGGREGATE shop.orders_5m AS SELECT customer_id, COUNT(*) AS order_count, SUM(amount) AS total,
              MAX(amount) AS max_amount FROM shop.orders GROUP BY customer_id WINDOW TUMBLING (created_at, 5 MINUTES)
            """;

    @Test
    void parsesTheSeedAggregates() {
        List<AggregateDefinition> definitions = AggregateParser.parse(SEED_001);

        assertThat(definitions).hasSize(2);
        AggregateDefinition hourly = definitions.get(0);
        assertThat(hourly.target()).isEqualTo(new TableId("events", "hourly_events"));
        assertThat(hourly.reads("logs", "tracking")).isTrue();
        assertThat(hourly.groupBy()).containsExactly("job_id", "publisher_id", "campaign_id", "group_id");
        assertThat(hourly.window()).isEqualTo(new TumblingWindow("ts", Duration.ofHours(1)));
        assertThat(hourly.retention()).isEqualTo(Duration.ofDays(30));
        assertThat(hourly.measures()).extracting(Measure::name)
                .containsExactly("clicks", "conversions", "qualified", "unqualified", "spend", "average_bid");
        Measure spend = hourly.measures().get(4);
        assertThat(spend.function()).isEqualTo(Measure.Function.SUM);
        assertThat(spend.field()).isEqualTo("bid");
        assertThat(spend.filter().test(row("custom_track", "click"))).isTrue();
        assertThat(spend.filter().test(row("custom_track", "conversion"))).isFalse();
        assertThat(hourly.where().test(row("job_id", null))).isFalse();

        AggregateDefinition orders = definitions.get(1);
        assertThat(orders.window().size()).isEqualTo(Duration.ofMinutes(5));
        assertThat(orders.retention()).isNull();
        assertThat(orders.measures().get(0).field()).isNull();
    }

    @Test
    void conditionsFollowSqlPrecedenceAndNullLogic() {
        RowPredicate predicate = AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT g, COUNT(*) FILTER (WHERE "
                + "a = 1 OR b IN ('x', 'y') AND NOT c > 2.5) AS n FROM d.t GROUP BY g").get(0).measures().get(0).filter();

        assertThat(predicate.test(row("a", 1L))).isTrue();
        assertThat(predicate.test(row("a", 2, "b", "x", "c", new BigDecimal("1.0")))).isTrue();
        assertThat(predicate.test(row("a", 2, "b", "x", "c", 3))).isFalse();
        assertThat(predicate.test(row("a", 2, "b", "x"))).as("NOT of unknown is unknown").isFalse();
        assertThat(predicate.test(row("a", 2, "b", "z", "c", 1))).isFalse();
    }

    @Test
    void reportsWhereTheTextIsWrong() {
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT g, SUM(*) AS s FROM d.t GROUP BY g"))
                .isInstanceOf(AggregateSyntaxException.class).hasMessageContaining("only COUNT(*)");
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT g, h, COUNT(*) AS n FROM d.t GROUP BY g"))
                .hasMessageContaining("exactly the GROUP BY columns");
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE t AS SELECT g, COUNT(*) AS n FROM d.t GROUP BY g"))
                .hasMessageContaining("keyspace");
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT g, COUNT(*) FROM d.t GROUP BY g"))
                .hasMessageContaining("AS name").hasMessageContaining("line 1");
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT g, COUNT(*) AS g FROM d.t GROUP BY g"))
                .hasMessageContaining("defined twice");
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT g, COUNT(*) AS n FROM d.t "
                + "GROUP BY g WINDOW TUMBLING (ts, 5 WEEKS)")).hasMessageContaining("SECONDS, MINUTES, HOURS or DAYS");
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT COUNT(*) AS n FROM d.t"))
                .hasMessageContaining("GROUP BY columns or a WINDOW");
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT version, COUNT(*) AS n "
                + "FROM d.t GROUP BY version")).hasMessageContaining("GROUP BY column version has a name");
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT m_n, COUNT(*) AS n "
                + "FROM d.t GROUP BY m_n")).hasMessageContaining("GROUP BY column m_n has a name");
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT member_bucket, COUNT(*) AS n "
                + "FROM d.t GROUP BY member_bucket")).hasMessageContaining("GROUP BY column member_bucket has a name");
        assertThatThrownBy(() -> AggregateParser.parse("CREATE AGGREGATE k.t AS SELECT g, COUNT(*) AS n FROM d.t "
                + "GROUP BY g; CREATE AGGREGATE k.t AS SELECT g, COUNT(*) AS n FROM d.t GROUP BY g"))
                .hasMessageContaining("declared twice");
    }

    @Test
    void emptyTextDeclaresNothing() {
        assertThat(AggregateParser.parse("")).isEmpty();
        assertThat(AggregateParser.parse(" ; ")).isEmpty();
    }

    static java.util.function.Function<String, Object> row(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values::get;
    }
}
