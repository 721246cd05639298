package io.cdcsuite.source.timestamp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.junit.jupiter.api.Test;

import io.cdcsuite.common.envelope.Envelope;
import io.cdcsuite.source.timestamp.plan.TablePlan;
import io.cdcsuite.source.timestamp.testing.Tables;

class TableSchemasTest {

    @Test
    void namesFollowDebeziumsPrefixDatabaseTable() {
        TablePlan plan = Tables.plan(Tables.orderLines(), Map.of());
        TableSchemas schemas = plan.schemas();

        assertThat(schemas.topic()).isEqualTo("app.shop.order_lines");
        assertThat(schemas.keySchema().name()).isEqualTo("app.shop.order_lines.Key");
        assertThat(schemas.keySchema().fields()).extracting(Field::name).containsExactly("order_id", "line_no");
        assertThat(schemas.keySchema().isOptional()).isFalse();
        assertThat(schemas.valueSchema().name()).isEqualTo("app.shop.order_lines.Value");
        assertThat(schemas.valueSchema().isOptional()).isTrue();
        assertThat(schemas.valueSchema().fields()).extracting(Field::name)
                .containsExactly("order_id", "line_no", "qty", "last_updated");
        assertThat(schemas.envelopeSchema().name()).isEqualTo("app.shop.order_lines.Envelope");
        assertThat(Envelope.isEnvelope(schemas.envelopeSchema())).isTrue();
        assertThat(schemas.envelopeSchema().field("source").schema()).isSameAs(SourceBlock.SCHEMA);
    }

    @Test
    void topicNamesAreSanitizedLikeDebeziums() {
        assertThat(TableSchemas.topicName("app.my db.t-1")).isEqualTo("app.my_db.t-1");
        assertThat(TableSchemas.topicName("app.shop.bestellungen_ä")).isEqualTo("app.shop.bestellungen__");
        assertThat(TableSchemas.topicName("x".repeat(300))).hasSize(249);
    }
}
