package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.cdcsuite.transforms.CapturedRecords.Source;
import io.debezium.transforms.ExtractNewRecordState;

/**
 * Debezium 3.6.1's ExtractNewRecordState and {@link Unwrap}, configured alike, turn the same real records (both
 * capture paths, every phase, a column of every MySQL type) into equal records, in every delete.tombstone.handling.mode
 * and with fields and headers added.
 */
class CapturedUnwrapParityTest {
    private static final List<Map<String, String>> CONFIGS = List.of(
            Map.of(),
            Map.of("delete.tombstone.handling.mode", "tombstone"),
            Map.of("delete.tombstone.handling.mode", "drop"),
            Map.of("delete.tombstone.handling.mode", "rewrite"),
            Map.of("delete.tombstone.handling.mode", "rewrite-with-tombstone"),
            Map.of("delete.tombstone.handling.mode", "delete-to-tombstone"),
            Map.of("delete.tombstone.handling.mode", "rewrite", "replace.null.with.default", "false"),
            Map.of("delete.tombstone.handling.mode", "rewrite",
                    "add.fields", "op,table,db,source.ts_ms,ts_us,snapshot,gtid,file,pos",
                    "add.headers", "op,source.ts_ms,db,table,snapshot"),
            Map.of("delete.tombstone.handling.mode", "rewrite-with-tombstone",
                    "add.fields", "op:OP,source.ts_ms", "add.fields.prefix", "meta_",
                    "add.headers", "op", "add.headers.prefix", ""),
            Map.of("route.by.field", "c_status", "delete.tombstone.handling.mode", "rewrite"));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Map<String, String> config : CONFIGS) {
            for (Source source : Source.values()) {
                for (String phase : CapturedRecords.PHASES) {
                    cases.add(Arguments.of(config, source, phase));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void unwrapsCapturedRecordsLikeDebezium(Map<String, String> config, Source source, String phase) {
        // each side gets its own records: Debezium's adds headers to its input
        List<SourceRecord> expected = transform(new ExtractNewRecordState<>(), config, source.load(phase));
        List<SourceRecord> actual = transform(new Unwrap<>(), config, source.load(phase));

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            SourceRecord theirs = expected.get(i);
            SourceRecord ours = actual.get(i);
            if (theirs == null) {
                assertThat(ours).as("record %d", i).isNull();
                continue;
            }
            assertThat(ours.topic()).isEqualTo(theirs.topic());
            assertThat(ours.keySchema()).isEqualTo(theirs.keySchema());
            assertThat(ours.key()).isEqualTo(theirs.key());
            assertThat(ours.valueSchema()).as("record %d value schema", i).isEqualTo(theirs.valueSchema());
            assertThat(ours.value()).as("record %d value", i).isEqualTo(theirs.value());
            assertThat(ours.headers()).containsExactlyElementsOf(theirs.headers());
            assertThat(ours).isEqualTo(theirs);
        }
    }

    /** The transform's output per input record, null where it dropped the record. */
    private static List<SourceRecord> transform(Transformation<SourceRecord> transform, Map<String, String> config,
                                                List<SourceRecord> records) {
        try (transform) {
            transform.configure(config);
            List<SourceRecord> out = new ArrayList<>();
            records.forEach(record -> out.add(transform.apply(record)));
            return out;
        }
    }
}
