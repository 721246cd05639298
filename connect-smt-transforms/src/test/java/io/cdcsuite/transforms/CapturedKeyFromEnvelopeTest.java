package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdcsuite.transforms.CapturedRecords.Source;

/** {@link KeyFromEnvelope} rebuilds, from the rows alone, exactly the keys both connectors wrote. */
class CapturedKeyFromEnvelopeTest {

    @ParameterizedTest
    @EnumSource(Source.class)
    void rebuildsTheConnectorsKeys(Source source) {
        try (KeyFromEnvelope<SourceRecord> transform = new KeyFromEnvelope<>()) {
            transform.configure(Map.of("fields", "id", "replace.existing.key", "true"));
            for (SourceRecord record : source.all()) {
                SourceRecord keyed = transform.apply(record);
                if (record.value() == null) {
                    // a tombstone has no row to read: it keeps its key
                    assertThat(keyed).isSameAs(record);
                    continue;
                }
                assertThat(keyed.keySchema()).isEqualTo(record.keySchema());
                assertThat(keyed.key()).isEqualTo(record.key());
                assertThat(keyed.value()).isSameAs(record.value());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void givesKeylessRecordsTheirKey(Source source) {
        try (KeyFromEnvelope<SourceRecord> transform = new KeyFromEnvelope<>()) {
            transform.configure(Map.of("fields", "id"));
            for (SourceRecord record : source.load("update")) {
                SourceRecord keyless = record.newRecord(record.topic(), record.kafkaPartition(), null, null,
                        record.valueSchema(), record.value(), record.timestamp());
                SourceRecord keyed = transform.apply(keyless);
                assertThat(keyed.keySchema().name()).isEqualTo(CapturedRecords.TOPIC + ".Key");
                assertThat(keyed.key()).isEqualTo(record.key());
            }
        }
    }
}
