package io.cdcsuite.sink.cassandra.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;

import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;

class TableLayoutTest {
    private static final Schema MICROS = SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").build();
    private static final Schema MILLIS = SchemaBuilder.int64().name("io.debezium.time.Timestamp").build();

    private static TableLayout layout() {
        Map<String, DataType> columns = new LinkedHashMap<>();
        columns.put("id", DataTypes.BIGINT);
        columns.put("at", DataTypes.TIMESTAMP);
        return new TableLayout(new TableId("shop", "orders"), columns, List.of("id"), List.of());
    }

    @Test
    void aColumnConvertsEachValueByItsOwnSchemaWhenTheSchemaChanges() {
        TableLayout.Column at = layout().column("at");

        assertThat(at.convert(1_000_000L, MICROS)).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(at.convert(1_000L, MILLIS)).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(at.convert(2_000_000L, MICROS)).isEqualTo(Instant.ofEpochSecond(2));
        assertThat(at.convert(3_000L, null)).isEqualTo(Instant.ofEpochSecond(3));
        assertThat(at.convert(null, MICROS)).isNull();
    }

    @Test
    void aColumnNamesItselfWhenAValueDoesNotConvert() {
        TableLayout.Column id = layout().column("id");

        assertThatThrownBy(() -> id.convert("seven", Schema.STRING_SCHEMA))
                .isInstanceOf(RecordMappingException.class).hasMessageContaining("column 'id'");
    }

    @Test
    void anUnknownColumnIsNull() {
        assertThat(layout().column("nope")).isNull();
        assertThat(layout().column("id").type()).isEqualTo(DataTypes.BIGINT);
    }
}
