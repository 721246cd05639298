package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdcsuite.transforms.MySqlEvents.Path;

class KeyFromEnvelopeTest {

    @ParameterizedTest
    @EnumSource(Path.class)
    void buildsTheKeyFromAfterOrBeforeForDeletes(Path path) {
        SourceRecord upsert = withoutKey(path.update(3));
        SourceRecord delete = withoutKey(path.delete(4));

        SourceRecord keyedUpsert = apply(Map.of("fields", "id"), upsert);
        SourceRecord keyedDelete = apply(Map.of("fields", "id"), delete);

        assertThat(keyedUpsert.keySchema()).isEqualTo(MySqlEvents.KEY);
        assertThat(keyedUpsert.key()).isEqualTo(MySqlEvents.key(3));
        assertThat(keyedDelete.key()).isEqualTo(MySqlEvents.key(4));
        assertThat(keyedUpsert.value()).isSameAs(upsert.value());
    }

    @Test
    void compositeKeysKeepTheFieldOrderAndSchemas() {
        SourceRecord keyed = apply(Map.of("fields", "customer_id, id"), withoutKey(Path.DEBEZIUM.create(3)));

        assertThat(keyed.keySchema().fields()).extracting(field -> field.name() + ":" + field.schema().type()
                + (field.schema().isOptional() ? "?" : "")).containsExactly("customer_id:INT32?", "id:INT32");
        assertThat(((Struct) keyed.key()).get("customer_id")).isEqualTo(42);
    }

    @Test
    void keepsExistingKeysUnlessAskedAndSkipsTombstones() {
        SourceRecord keyed = Path.DEBEZIUM.update(3);
        assertThat(apply(Map.of("fields", "customer_id"), keyed)).isSameAs(keyed);
        assertThat(apply(Map.of("fields", "customer_id", "replace.existing.key", "true"), keyed).key())
                .isEqualTo(new Struct(SchemaBuilder.struct().name(MySqlEvents.TOPIC + ".Key")
                        .field("customer_id", Schema.OPTIONAL_INT32_SCHEMA).build()).put("customer_id", 42));
        SourceRecord tombstone = withoutKey(Path.DEBEZIUM.tombstone(3));
        assertThat(apply(Map.of("fields", "id"), tombstone)).isSameAs(tombstone);
    }

    @Test
    void namesKeysAfterTheTopicWhenTheRowSchemaDoesNotTell() {
        Schema row = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "app.events", 0, null, null, row, new Struct(row).put("id", 5L));

        assertThat(apply(Map.of("fields", "id"), record).keySchema().name()).isEqualTo("app.events.Key");
    }

    @Test
    void schemalessEnvelopes() {
        Map<String, Object> envelope = new HashMap<>();
        envelope.put("op", "d");
        envelope.put("before", Map.of("id", 9, "status", "x"));
        envelope.put("after", null);
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "t", 0, null, null, null, envelope);

        assertThat(apply(Map.of("fields", "id"), record).key()).isEqualTo(Map.of("id", 9));
        assertThatThrownBy(() -> apply(Map.of("fields", "uuid"), record))
                .isInstanceOf(DataException.class).hasMessageContaining("'uuid'").hasMessageContaining("topic 't'");
    }

    @Test
    void missingFieldsAndBadConfig() {
        assertThatThrownBy(() -> apply(Map.of("fields", "uuid"), withoutKey(Path.TIMESTAMP_SOURCE.create(1))))
                .isInstanceOf(DataException.class).hasMessageContaining("'uuid'").hasMessageContaining(MySqlEvents.TOPIC);
        assertThatThrownBy(() -> new KeyFromEnvelope<SourceRecord>().configure(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fields");
        assertThatThrownBy(() -> new KeyFromEnvelope<SourceRecord>().configure(Map.of("fields", "id,,x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fields");
    }

    private static SourceRecord withoutKey(SourceRecord record) {
        return record.newRecord(record.topic(), record.kafkaPartition(), null, null, record.valueSchema(), record.value(),
                record.timestamp());
    }

    private static SourceRecord apply(Map<String, String> config, SourceRecord record) {
        try (KeyFromEnvelope<SourceRecord> transform = new KeyFromEnvelope<>()) {
            transform.configure(config);
            return transform.apply(record);
        }
    }
}
