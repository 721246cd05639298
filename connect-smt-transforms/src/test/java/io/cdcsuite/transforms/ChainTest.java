package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdcsuite.transforms.MySqlEvents.Path;
import io.debezium.transforms.ExtractNewRecordState;

/** The chain the suite's connector configurations use: normalize, then unwrap, then route. */
class ChainTest {
    private static final Map<String, String> UNWRAP = Map.of("delete.tombstone.handling.mode", "rewrite",
            "add.fields", "op,source.ts_ms");

    @ParameterizedTest
    @EnumSource(Path.class)
    void normalizeUnwrapRoute(Path path) {
        List<SourceRecord> out = chain(List.of(new Normalize.Value<>(), new Unwrap<>(), new Route<>()),
                List.of(Map.of(), UNWRAP, Map.of("topic.template", "${db}_${table}")),
                List.of(path.read(1), path.update(2), path.delete(3), path.tombstone(3)));

        assertThat(out).hasSize(3);
        Struct read = (Struct) out.get(0).value();
        assertThat(out).allSatisfy(record -> assertThat(record.topic()).isEqualTo("inventory_orders"));
        assertThat(out.get(0).valueSchema().name()).isEqualTo("inventory_orders.Value");
        assertThat(out.get(0).valueSchema().field("created_at").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(read.get("created_at")).isEqualTo(new Date(1_709_288_130_123L));
        assertThat(read.get("__op")).isEqualTo("r");
        assertThat(read.get("__deleted")).isEqualTo("false");
        assertThat(((Struct) out.get(1).value()).get("status")).isEqualTo("shipped");
        assertThat(((Struct) out.get(2).value()).get("__deleted")).isEqualTo("true");
        assertThat(((Struct) out.get(2).value()).get("__op")).isEqualTo("d");
        assertThat(out.get(2).keySchema().name()).isEqualTo("inventory_orders.Key");
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void debeziumUnwrapsNormalizedEventsAsWeDo(Path path) {
        for (SourceRecord event : List.of(path.update(2), path.delete(3))) {
            SourceRecord normalized = NormalizeTest.apply(new Normalize.Value<>(), Map.of("micros.handling", "add-field"), event);
            SourceRecord theirs = chain(List.of(new ExtractNewRecordState<>()), List.of(UNWRAP), List.of(normalized)).get(0);
            SourceRecord ours = chain(List.of(new Unwrap<>()), List.of(UNWRAP), List.of(normalized)).get(0);
            assertThat(ours).isEqualTo(theirs);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void normalizingAfterUnwrappingGivesTheSameRows(Path path) {
        // Normalize then touches one flat row instead of the whole envelope, which is several times cheaper
        List<SourceRecord> events = List.of(path.read(1), path.update(2), path.delete(3), path.tombstone(3));
        Map<String, String> normalize = Map.of("micros.handling", "add-field");

        List<SourceRecord> normalizeFirst = chain(List.of(new Normalize.Value<>(), new Unwrap<>()),
                List.of(normalize, UNWRAP), events);
        List<SourceRecord> unwrapFirst = chain(List.of(new Unwrap<>(), new Normalize.Value<>()),
                List.of(UNWRAP, normalize), events);

        assertThat(unwrapFirst).hasSize(3).isEqualTo(normalizeFirst);
    }

    private static List<SourceRecord> chain(List<Transformation<SourceRecord>> transforms,
            List<Map<String, String>> configs, List<SourceRecord> records) {
        for (int i = 0; i < transforms.size(); i++) {
            transforms.get(i).configure(configs.get(i));
        }
        return records.stream().map(record -> {
            SourceRecord current = record;
            for (Transformation<SourceRecord> transform : transforms) {
                current = current == null ? null : transform.apply(current);
            }
            return current;
        }).filter(java.util.Objects::nonNull).toList();
    }
}
