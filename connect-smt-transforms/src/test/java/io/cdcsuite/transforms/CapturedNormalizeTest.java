package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdcsuite.transforms.CapturedRecords.Source;
import io.debezium.transforms.ExtractNewRecordState;

/**
 * {@link Normalize} on the real records of both capture paths: every date/time column becomes the Connect type holding
 * the value MySQL was given, everything else passes untouched, and both paths come out alike.
 */
class CapturedNormalizeTest {
    private static final String DEBEZIUM_TIME = "io.debezium.time.";
    private static final long MAX_TIME_OF_DAY_MILLIS = 86_399_999L;

    @ParameterizedTest(name = "{0} micros.handling={1}")
    @CsvSource({"DEBEZIUM_MYSQL,truncate", "DEBEZIUM_MYSQL,round", "TIMESTAMP_SOURCE,truncate",
            "TIMESTAMP_SOURCE,round"})
    void convertsEveryDateAndTimeToTheValueMySqlWasGiven(Source source, String microsHandling) {
        boolean round = microsHandling.equals("round");
        List<SourceRecord> records = new ArrayList<>(source.load("read"));
        records.addAll(source.load("insert"));

        for (SourceRecord record : records) {
            Struct after = ((Struct) normalize(Map.of("micros.handling", microsHandling), record).value())
                    .getStruct("after");
            int id = after.getInt32("id");
            Map<String, String> literals = CapturedTemporals.inserted(id);
            for (String column : CapturedTemporals.all()) {
                Object expected = literals.isEmpty() ? null : expected(column, literals.get(column), round);
                assertThat(after.get(column)).as("%s row %d %s", source, id, column).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void addsTheExactMicrosecondsNextToEverySubMillisecondColumn(Source source) {
        for (SourceRecord record : source.load("insert")) {
            SourceRecord normalized = normalize(Map.of("micros.handling", "add-field"), record);
            Struct after = ((Struct) normalized.value()).getStruct("after");
            Schema row = normalized.valueSchema().field("after").schema();
            Map<String, String> literals = CapturedTemporals.inserted(after.getInt32("id"));
            for (String column : CapturedTemporals.TIMESTAMP_COLUMNS) {
                assertMicros(after, column, literals.isEmpty() ? null : epochMicros(literals.get(column)));
            }
            for (String column : List.of("c_datetime4", "c_datetime5", "c_datetime6")) {
                assertMicros(after, column, literals.isEmpty() ? null : epochMicros(literals.get(column)));
            }
            for (String column : CapturedTemporals.TIME_COLUMNS) {
                assertMicros(after, column, literals.isEmpty() ? null
                        : CapturedTemporals.time(literals.get(column)).toNanoOfDay() / 1_000L);
            }
            // millisecond types have nothing to add
            assertThat(row.field("c_datetime3_micros")).isNull();
            assertThat(row.field("c_date_micros")).isNull();
            assertThat(row.field("created_at_micros").schema().defaultValue()).isEqualTo(0L);
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void replacesOnlyDebeziumTemporalTypesAndReusesTheSourceBlock(Source source) {
        for (SourceRecord record : source.all()) {
            if (record.value() == null) {
                assertThat(normalize(Map.of(), record)).isSameAs(record);
                continue;
            }
            SourceRecord normalized = normalize(Map.of(), record);
            Struct in = (Struct) record.value();
            Struct out = (Struct) normalized.value();
            for (String side : List.of("before", "after")) {
                Schema inRow = record.valueSchema().field(side).schema();
                Schema outRow = normalized.valueSchema().field(side).schema();
                assertThat(outRow.name()).isEqualTo(inRow.name());
                assertThat(outRow.fields()).extracting(Field::name)
                        .containsExactlyElementsOf(inRow.fields().stream().map(Field::name).toList());
                for (Field field : inRow.fields()) {
                    Schema converted = outRow.field(field.name()).schema();
                    assertThat(converted.isOptional()).isEqualTo(field.schema().isOptional());
                    String name = field.schema().name();
                    if (name != null && name.startsWith(DEBEZIUM_TIME)) {
                        assertThat(converted.name()).as(field.name()).isEqualTo(connectName(name));
                    } else {
                        assertThat(converted).as(field.name()).isSameAs(field.schema());
                        if (in.get(side) != null) {
                            assertThat(out.getStruct(side).get(field.name())).as(field.name())
                                    .isEqualTo(in.getStruct(side).get(field.name()));
                        }
                    }
                }
            }
            assertThat(normalized.valueSchema().field("source").schema())
                    .isSameAs(record.valueSchema().field("source").schema());
            assertThat(out.get("source")).isSameAs(in.get("source"));
            assertThat(out.get("op")).isEqualTo(in.get("op"));
            assertThat(normalized.key()).isSameAs(record.key());
        }
    }

    /** Normalize fills its structs without Struct.put's validation (StructSlots): Connect's own checks must pass. */
    @ParameterizedTest(name = "{0} micros.handling={1}")
    @CsvSource({"DEBEZIUM_MYSQL,truncate", "DEBEZIUM_MYSQL,add-field", "TIMESTAMP_SOURCE,truncate",
            "TIMESTAMP_SOURCE,add-field"})
    void everyNormalizedEnvelopeAndRowIsValidForItsSchema(Source source, String microsHandling) {
        List<SourceRecord> records = new ArrayList<>(source.all());
        try (Unwrap<SourceRecord> unwrap = new Unwrap<>()) {
            unwrap.configure(Map.of("delete.tombstone.handling.mode", "rewrite"));
            source.all().forEach(envelope -> records.add(unwrap.apply(envelope)));
        }
        records.removeIf(record -> record == null || record.value() == null);

        for (SourceRecord record : records) {
            SourceRecord normalized = normalize(Map.of("micros.handling", microsHandling), record);
            assertThat(normalized.valueSchema()).isNotEqualTo(record.valueSchema());
            ConnectSchema.validateValue(normalized.valueSchema(), normalized.value());
            ((Struct) normalized.value()).validate();
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void keepsTheDefaultsOfRequiredColumnsConverted(Source source) {
        SourceRecord normalized = normalize(Map.of(), source.load("read").get(0));

        Schema createdAt = normalized.valueSchema().field("after").schema().field("created_at").schema();
        assertThat(createdAt.name()).isEqualTo(Timestamp.LOGICAL_NAME);
        assertThat(createdAt.isOptional()).isFalse();
        assertThat(createdAt.defaultValue()).isEqualTo(new Date(0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"read,0", "insert,0", "insert,1", "update,0", "update,1", "delete,0"})
    void bothPathsNormalizeToTheSameRows(String phase, int index) {
        SourceRecord binlog = normalize(Map.of(), Source.DEBEZIUM_MYSQL.load(phase).get(index));
        SourceRecord polled = normalize(Map.of(), Source.TIMESTAMP_SOURCE.load(phase).get(index));
        // deletes carry the row in before; the polling path's updates have no before-image
        String side = phase.equals("delete") ? "before" : "after";

        Schema binlogRow = binlog.valueSchema().field(side).schema();
        assertThat(polled.valueSchema().field(side).schema()).isEqualTo(binlogRow);
        Struct binlogValues = ((Struct) binlog.value()).getStruct(side);
        Struct polledValues = ((Struct) polled.value()).getStruct(side);
        for (Field field : binlogRow.fields()) {
            // set by MySQL's clock; JSON text (Debezium's binlog events drop the spaces); the soft-delete marker
            if (!List.of("created_at", "last_updated", "c_json", "is_deleted").contains(field.name())) {
                assertThat(polledValues.get(field)).as(field.name()).isEqualTo(binlogValues.get(field));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void normalizingBeforeOrAfterUnwrappingGivesTheSameRecords(Source source) {
        Map<String, String> unwrap = Map.of("delete.tombstone.handling.mode", "rewrite", "add.fields", "op,source.ts_ms");
        Map<String, String> normalize = Map.of("micros.handling", "add-field");

        List<SourceRecord> normalizeFirst = chain(source.all(), new Normalize.Value<>(), normalize, new Unwrap<>(), unwrap);
        List<SourceRecord> unwrapFirst = chain(source.all(), new Unwrap<>(), unwrap, new Normalize.Value<>(), normalize);
        List<SourceRecord> debeziumUnwraps = chain(source.all(), new Normalize.Value<>(), normalize,
                new ExtractNewRecordState<>(), unwrap);

        assertThat(normalizeFirst).hasSize(6).isEqualTo(unwrapFirst).isEqualTo(debeziumUnwraps);
    }

    private static Object expected(String column, String literal, boolean round) {
        if (column.equals(CapturedTemporals.YEAR_COLUMN)) {
            return Integer.valueOf(literal);
        }
        if (column.equals(CapturedTemporals.DATE_COLUMN)) {
            return new Date(CapturedTemporals.date(literal).toEpochDay() * 86_400_000L);
        }
        if (CapturedTemporals.TIME_COLUMNS.contains(column)) {
            LocalTime time = CapturedTemporals.time(literal);
            LocalTime millis = (round ? time.plusNanos(500_000) : time).truncatedTo(ChronoUnit.MILLIS);
            // rounding never carries a time of day past midnight
            long ofDay = millis.isBefore(time.truncatedTo(ChronoUnit.MILLIS)) ? MAX_TIME_OF_DAY_MILLIS
                    : millis.toNanoOfDay() / 1_000_000L;
            return new Date(ofDay);
        }
        Instant instant = CapturedTemporals.instant(literal);
        return Date.from((round ? instant.plusNanos(500_000) : instant).truncatedTo(ChronoUnit.MILLIS));
    }

    private static long epochMicros(String literal) {
        Instant instant = CapturedTemporals.instant(literal);
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
    }

    private static void assertMicros(Struct row, String column, Long expected) {
        assertThat(row.get(column + "_micros")).as(column).isEqualTo(expected);
    }

    /** The Connect logical type a Debezium temporal type becomes; Year becomes a plain INT32 (no name). */
    private static String connectName(String debeziumName) {
        return switch (debeziumName.substring(DEBEZIUM_TIME.length())) {
            case "Date" -> org.apache.kafka.connect.data.Date.LOGICAL_NAME;
            case "Time", "MicroTime" -> Time.LOGICAL_NAME;
            case "Timestamp", "MicroTimestamp", "ZonedTimestamp" -> Timestamp.LOGICAL_NAME;
            case "Year" -> null;
            default -> throw new AssertionError("unexpected type in the captured records: " + debeziumName);
        };
    }

    private static SourceRecord normalize(Map<String, String> config, SourceRecord record) {
        return NormalizeTest.apply(new Normalize.Value<>(), config, record);
    }

    private static List<SourceRecord> chain(List<SourceRecord> records, Transformation<SourceRecord> first,
                                            Map<String, String> firstConfig, Transformation<SourceRecord> second,
                                            Map<String, String> secondConfig) {
        first.configure(firstConfig);
        second.configure(secondConfig);
        List<SourceRecord> out = new ArrayList<>();
        for (SourceRecord record : records) {
            SourceRecord once = first.apply(record);
            SourceRecord twice = once == null ? null : second.apply(once);
            if (twice != null) {
                out.add(twice);
            }
        }
        return out;
    }
}
