package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdcsuite.transforms.CapturedRecords.Source;

/** {@link ChangeFilter} and its predicates on the real records of both capture paths. */
class CapturedChangeFilterTest {

    @ParameterizedTest
    @EnumSource(Source.class)
    void dropsExactlyTheSnapshotReads(Source source) {
        List<SourceRecord> all = source.all();

        List<SourceRecord> kept = filter(Map.of("filter.mode", "exclude", "operations", "r"), all);

        assertThat(all).hasSize(7);
        assertThat(kept).containsExactlyElementsOf(all.subList(source.load("read").size(), all.size()));
        assertThat(kept).noneMatch(record -> record.value() != null && "r".equals(((Struct) record.value()).get("op")));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void keepsADeleteTogetherWithItsTombstone(Source source) {
        List<SourceRecord> kept = filter(Map.of("operations", "d"), source.all());

        assertThat(kept).containsExactlyElementsOf(source.load("delete"));
        assertThat(kept.get(1).value()).isNull();
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void selectsTablesByTheSourceBlockAndTombstonesByTheirTopic(Source source) {
        assertThat(filter(Map.of("tables", "inventory\\.every_.*"), source.all())).hasSize(7);
        assertThat(filter(Map.of("tables", "inventory\\.orders"), source.all())).isEmpty();
        assertThat(filter(Map.of("operations", "c,u", "tables", "inventory\\.every_type"), source.all()))
                .containsExactlyElementsOf(concat(source.load("insert"), source.load("update")));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void predicatesAgreeWithTheFilter(Source source) {
        try (IsOperation<SourceRecord> isRead = new IsOperation<>(); TableMatches<SourceRecord> ours = new TableMatches<>()) {
            isRead.configure(Map.of("operations", "read"));
            ours.configure(Map.of("tables", "inventory\\.every_type"));
            assertThat(source.all().stream().filter(isRead::test).toList())
                    .containsExactlyElementsOf(source.load("read"));
            assertThat(source.all()).allMatch(ours::test);
        }
    }

    private static List<SourceRecord> filter(Map<String, String> config, List<SourceRecord> records) {
        try (ChangeFilter<SourceRecord> filter = new ChangeFilter<>()) {
            filter.configure(config);
            return records.stream().map(filter::apply).filter(Objects::nonNull).toList();
        }
    }

    private static List<SourceRecord> concat(List<SourceRecord> first, List<SourceRecord> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
