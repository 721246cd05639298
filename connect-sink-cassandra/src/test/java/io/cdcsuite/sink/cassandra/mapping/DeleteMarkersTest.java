package io.cdcsuite.sink.cassandra.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class DeleteMarkersTest {
    private static Map<String, Object> row(String field, Object value) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", 1);
        row.put(field, value);
        return row;
    }

    @Test
    void numbersCompareByValueWhateverTheirConnectType() {
        DeleteMarkers markers = new DeleteMarkers("__deleted", "is_deleted", "1");
        assertThat(markers.softDeleted(row("is_deleted", (short) 1))).as("Debezium's TINYINT(1)").isTrue();
        assertThat(markers.softDeleted(row("is_deleted", 1L))).isTrue();
        assertThat(markers.softDeleted(row("is_deleted", new BigDecimal("1.00")))).isTrue();
        assertThat(markers.softDeleted(row("is_deleted", true))).as("TINYINT(1) read as BOOLEAN").isTrue();
        assertThat(markers.softDeleted(row("is_deleted", (short) 0))).isFalse();
        assertThat(markers.softDeleted(row("is_deleted", false))).isFalse();
        assertThat(markers.softDeleted(row("is_deleted", null))).isFalse();
        assertThat(markers.softDeleted(row("other", 1))).as("a row without the field").isFalse();
    }

    @Test
    void textComparesAsTextAndIsNotNullMatchesAnyValue() {
        assertThat(new DeleteMarkers("__deleted", "status", "DELETED").softDeleted(row("status", "DELETED"))).isTrue();
        assertThat(new DeleteMarkers("__deleted", "status", "DELETED").softDeleted(row("status", "deleted"))).isFalse();
        DeleteMarkers whenSet = new DeleteMarkers("__deleted", "deleted_at", "is not null");
        assertThat(whenSet.softDeleted(row("deleted_at", 1_700_000_000_000L))).isTrue();
        assertThat(whenSet.softDeleted(row("deleted_at", null))).isFalse();
    }

    @Test
    void withoutASoftDeleteFieldOnlyTheUnwrapMarkerDeletesFlatRows() {
        DeleteMarkers markers = DeleteMarkers.marker("__deleted");
        assertThat(markers.softDeleted(row("is_deleted", 1))).isFalse();
        assertThat(markers.flatRowDeleted(row("__deleted", "true"))).isTrue();
        assertThat(markers.flatRowDeleted(row("__deleted", "false"))).isFalse();
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA)
                .field("is_deleted", Schema.INT16_SCHEMA).build();
        Struct softDeleted = new Struct(schema).put("id", 1).put("is_deleted", (short) 1);
        assertThat(markers.flatRowDeleted(softDeleted)).isFalse();
        assertThat(new DeleteMarkers("__deleted", "is_deleted", "1").flatRowDeleted(softDeleted)).isTrue();
    }
}
