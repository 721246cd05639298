package io.cdcsuite.common.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ChangeEventTest {
    private static final Schema ROW = SchemaBuilder.struct().name("demo.shop.orders.Value").optional()
            .field("id", Schema.INT32_SCHEMA).field("amount", Schema.OPTIONAL_FLOAT64_SCHEMA).build();
    private static final Schema SOURCE = SchemaBuilder.struct().name("test.Source")
            .field("db", Schema.STRING_SCHEMA).field("table", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema ENVELOPE = Envelope.schema("demo.shop.orders", ROW, SOURCE);

    @Test
    void readsStructEnvelope() {
        Struct before = new Struct(ROW).put("id", 7).put("amount", 1.5);
        Struct value = new Struct(ENVELOPE)
                .put(Envelope.BEFORE, before)
                .put(Envelope.SOURCE, new Struct(SOURCE).put("db", "shop").put("table", "orders"))
                .put(Envelope.OP, "d")
                .put(Envelope.TS_MS, 1234L);

        ChangeEvent event = ChangeEvent.of(value);

        assertThat(ENVELOPE.name()).isEqualTo("demo.shop.orders.Envelope");
        assertThat(event.operation()).isEqualTo(Operation.DELETE);
        assertThat(event.after()).isNull();
        assertThat(event.rowState()).isEqualTo(before);
        assertThat(event.sourceField("table")).isEqualTo("orders");
        assertThat(event.timestampMillis()).isEqualTo(1234L);
    }

    @Test
    void readsSchemalessEnvelope() {
        Map<String, Object> value = new HashMap<>();
        value.put("op", "u");
        value.put("before", null);
        value.put("after", Map.of("id", 7));
        value.put("source", Map.of("db", "shop", "table", "orders"));

        ChangeEvent event = ChangeEvent.of(value);

        assertThat(event.operation()).isEqualTo(Operation.UPDATE);
        assertThat(event.rowState()).isEqualTo(Map.of("id", 7));
        assertThat(event.sourceField("db")).isEqualTo("shop");
        assertThat(ChangeEvent.isEnvelope(null, value)).isTrue();
    }

    @Test
    void rejectsWhatIsNotAnEnvelope() {
        assertThatThrownBy(() -> ChangeEvent.of(null)).isInstanceOf(DataException.class).hasMessageContaining("tombstone");
        assertThatThrownBy(() -> ChangeEvent.of(new Struct(ROW).put("id", 1)))
                .isInstanceOf(DataException.class).hasMessageContaining("demo.shop.orders.Value");
        assertThatThrownBy(() -> ChangeEvent.of(Map.of("id", 1))).isInstanceOf(DataException.class);
        assertThatThrownBy(() -> Operation.forCode("x")).isInstanceOf(DataException.class).hasMessageContaining("'x'");
    }
}
