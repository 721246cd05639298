package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.cdcsuite.transforms.MySqlEvents.Path;
import io.debezium.transforms.ExtractNewRecordState;

/**
 * Drop-in parity: Debezium 3.6.1's own ExtractNewRecordState and {@link Unwrap}, configured alike, must turn the
 * same records (both capture paths, every kind of event) into equal records: topic, key, value schema and value,
 * timestamp, headers.
 */
class UnwrapParityTest {

    static final List<Map<String, String>> CONFIGS = List.of(
            Map.of(),
            Map.of("delete.tombstone.handling.mode", "drop"),
            Map.of("delete.tombstone.handling.mode", "rewrite"),
            Map.of("delete.tombstone.handling.mode", "rewrite-with-tombstone"),
            Map.of("delete.tombstone.handling.mode", "delete-to-tombstone"),
            Map.of("delete.tombstone.handling.mode", "REWRITE"),
            Map.of("delete.tombstone.handling.mode", "rewrite", "replace.null.with.default", "false"),
            Map.of("add.fields", "op,table,source.ts_ms,ts_ms,ts_us,db,snapshot,gtid,file,id,total_order"),
            Map.of("add.fields", "op:OPERATION,source.ts_ms:EVENT_TS,transaction.id", "add.fields.prefix", "meta_"),
            Map.of("add.headers", "op,source.ts_ms,db,table,snapshot,id"),
            Map.of("add.headers", "op:OP,ts_ms", "add.headers.prefix", ""),
            Map.of("delete.tombstone.handling.mode", "rewrite", "add.fields", "op,source.ts_ms",
                    "add.headers", "op,db"),
            Map.of("delete.tombstone.handling.mode", "rewrite-with-tombstone", "add.headers", "op,source.ts_ms"),
            Map.of("delete.tombstone.handling.mode", "tombstone", "add.fields", "op", "add.headers", "op"),
            Map.of("route.by.field", "status"),
            Map.of("route.by.field", "status", "delete.tombstone.handling.mode", "rewrite", "add.fields", "op"));

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Map<String, String> config : CONFIGS) {
            for (Path path : Path.values()) {
                events(path).forEach((event, record) -> cases.add(Arguments.of(config, path + " " + event, record)));
            }
            cases.add(Arguments.of(config, "truncate", (Supplier<SourceRecord>) MySqlEvents::truncate));
            cases.add(Arguments.of(config, "heartbeat", (Supplier<SourceRecord>) MySqlEvents::heartbeat));
        }
        return cases.stream();
    }

    private static Map<String, Supplier<SourceRecord>> events(Path path) {
        return Map.of(
                "read", () -> path.read(1),
                "create", () -> path.create(2),
                "update", () -> path.update(3),
                "update to null", () -> path.updateToNull(4),
                "update in transaction", () -> path.updateInTransaction(5),
                "delete", () -> path.delete(6),
                "tombstone", () -> path.tombstone(6));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void unwrapsLikeDebezium(Map<String, String> config, String event, Supplier<SourceRecord> record) {
        // each side gets its own record: Debezium's adds headers to its input
        SourceRecord expected = transform(new ExtractNewRecordState<>(), config, record.get());
        SourceRecord actual = transform(new Unwrap<>(), config, record.get());

        if (expected != null && actual != null) {
            assertThat(actual.topic()).isEqualTo(expected.topic());
            assertThat(actual.keySchema()).isEqualTo(expected.keySchema());
            assertThat(actual.key()).isEqualTo(expected.key());
            assertThat(actual.valueSchema()).isEqualTo(expected.valueSchema());
            assertThat(actual.value()).isEqualTo(expected.value());
            assertThat(actual.headers()).isEqualTo(expected.headers());
        }
        assertThat(actual).isEqualTo(expected);
        if (expected != null) {
            assertThat(actual.valueSchema()).isEqualTo(expected.valueSchema());
            assertThat(actual.headers()).containsExactlyElementsOf(expected.headers());
        }
    }

    private static SourceRecord transform(Transformation<SourceRecord> transform, Map<String, String> config,
            SourceRecord record) {
        try (transform) {
            transform.configure(config);
            return transform.apply(record);
        }
    }
}
