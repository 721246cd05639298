package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdcsuite.transforms.CapturedRecords.Source;

/** {@link Route} on the real records of both capture paths: envelopes, unwrapped rows and tombstones. */
class CapturedRouteTest {
    private static final String ROUTED = "inventory_every_type";

    @ParameterizedTest
    @EnumSource(Source.class)
    void renamesTopicAndSchemasAndKeepsEveryValue(Source source) {
        for (SourceRecord record : source.all()) {
            SourceRecord routed = route(Map.of("topic.template", "${db}_${table}"), record);

            assertThat(routed.topic()).isEqualTo(ROUTED);
            assertThat(routed.keySchema().name()).isEqualTo(ROUTED + ".Key");
            assertSameFields((Struct) routed.key(), (Struct) record.key());
            if (record.value() == null) {
                assertThat(routed.value()).isNull();
                assertThat(routed.valueSchema()).isNull();
                continue;
            }
            Schema envelope = routed.valueSchema();
            assertThat(envelope.name()).isEqualTo(ROUTED + ".Envelope");
            assertThat(envelope.field("before").schema().name()).isEqualTo(ROUTED + ".Value");
            assertThat(envelope.field("after").schema()).isEqualTo(envelope.field("before").schema());
            assertThat(envelope.field("source").schema()).isSameAs(record.valueSchema().field("source").schema());
            Struct in = (Struct) record.value();
            Struct out = (Struct) routed.value();
            for (String side : List.of("before", "after")) {
                if (in.get(side) == null) {
                    assertThat(out.get(side)).isNull();
                } else {
                    assertSameFields(out.getStruct(side), in.getStruct(side));
                }
            }
            assertThat(out.get("source")).isSameAs(in.get("source"));
            assertThat(out.get("op")).isEqualTo(in.get("op"));
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void renamesUnwrappedRowsAndMarksKeysOfMergedTables(Source source) {
        try (Unwrap<SourceRecord> unwrap = new Unwrap<>()) {
            unwrap.configure(Map.of("delete.tombstone.handling.mode", "rewrite"));
            for (SourceRecord record : source.load("update")) {
                SourceRecord row = unwrap.apply(record);
                SourceRecord routed = route(Map.of("topic.template", "${prefix}.${table}"), row);

                assertThat(routed.topic()).isEqualTo("dbserver1.every_type");
                assertThat(routed.valueSchema().name()).isEqualTo("dbserver1.every_type.Value");
                assertSameFields((Struct) routed.value(), (Struct) row.value());
                // the template drops ${db}: keys name their physical table, as Debezium's ByLogicalTableRouter does
                Struct key = (Struct) routed.key();
                assertThat(key.get("id")).isEqualTo(((Struct) record.key()).get("id"));
                assertThat(key.get("__dbz__physicalTableIdentifier")).isEqualTo("inventory.every_type");
            }
        }
    }

    private static void assertSameFields(Struct actual, Struct expected) {
        assertThat(actual.schema().fields()).extracting(Field::name)
                .containsExactlyElementsOf(expected.schema().fields().stream().map(Field::name).toList());
        for (Field field : expected.schema().fields()) {
            assertThat(actual.schema().field(field.name()).schema()).isSameAs(field.schema());
            assertThat(actual.getWithoutDefault(field.name())).as(field.name())
                    .isEqualTo(expected.getWithoutDefault(field.name()));
        }
    }

    private static SourceRecord route(Map<String, String> config, SourceRecord record) {
        try (Route<SourceRecord> route = new Route<>()) {
            route.configure(config);
            return route.apply(record);
        }
    }
}
