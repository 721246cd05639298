package io.cdcsuite.common.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;

class StructSlotsTest {
    private static final Schema ROW = SchemaBuilder.struct().name("x.Value")
            .field("id", Schema.INT32_SCHEMA)
            .field("at", Timestamp.builder().optional().build())
            .field("note", SchemaBuilder.string().optional().defaultValue("none").build())
            .build();

    /** Otherwise every set falls back to Struct.put, and its users lose most of their speed without failing. */
    @Test
    void writesDirectlyWithThisKafkaVersion() {
        assertThat(StructSlots.writesDirectly()).isTrue();
    }

    @Test
    void setsWhatPutWouldSet() {
        Struct set = new Struct(ROW);
        StructSlots.set(set, new Field(null, ROW.field("id").index(), ROW.field("id").schema()), 7);
        StructSlots.set(set, ROW.field("at"), new Date(1L));

        set.validate();
        assertThat(set).isEqualTo(new Struct(ROW).put("id", 7).put("at", new Date(1L)));
        assertThat(set.get("note")).isEqualTo("none");
        assertThat(set.getWithoutDefault("note")).isNull();
    }
}
