package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cdcsuite.transforms.CapturedRecords.Source;

/**
 * {@link ConvertTimestamps} on the real records of both capture paths: every DATETIME and TIMESTAMP precision, DATE
 * and TIME, to epoch microseconds and back to the very text MySQL was given.
 */
class CapturedConvertTimestampsTest {
    private static final List<String> INSTANT_COLUMNS = instantColumns();

    @ParameterizedTest
    @EnumSource(Source.class)
    void convertsToEpochMicrosecondsWithoutLosingAny(Source source) {
        List<String> fields = new ArrayList<>(INSTANT_COLUMNS);
        fields.add(CapturedTemporals.DATE_COLUMN);
        fields.addAll(CapturedTemporals.TIME_COLUMNS);
        Map<String, String> config = Map.of("fields", String.join(",", fields), "target.type", "unix_us");

        for (SourceRecord record : rowsAsInserted(source)) {
            SourceRecord converted = convert(config, record);
            Struct after = ((Struct) converted.value()).getStruct("after");
            Schema row = converted.valueSchema().field("after").schema();
            Map<String, String> literals = CapturedTemporals.inserted(after.getInt32("id"));
            for (String column : fields) {
                assertThat(row.field(column).schema().type()).isEqualTo(Schema.Type.INT64);
                assertThat(after.get(column)).as("%s %s", source, column)
                        .isEqualTo(literals.isEmpty() ? null : micros(column, literals.get(column)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void formatsInstantsAsTheLiteralsMySqlWasGiven(Source source) {
        Map<String, String> config = Map.of("fields", String.join(",", INSTANT_COLUMNS), "target.type", "string",
                "format", "yyyy-MM-dd HH:mm:ss.SSSSSS");

        for (SourceRecord record : rowsAsInserted(source)) {
            Struct after = ((Struct) convert(config, record).value()).getStruct("after");
            Map<String, String> literals = CapturedTemporals.inserted(after.getInt32("id"));
            for (String column : INSTANT_COLUMNS) {
                assertThat(after.get(column)).as("%s %s", source, column)
                        .isEqualTo(literals.isEmpty() ? null : sixDigits(literals.get(column)));
            }
        }
    }

    /** The snapshot read of row 1 and the inserts of rows 2 and 3. */
    private static List<SourceRecord> rowsAsInserted(Source source) {
        List<SourceRecord> records = new ArrayList<>(source.load("read"));
        records.addAll(source.load("insert"));
        return records;
    }

    private static long micros(String column, String literal) {
        if (column.equals(CapturedTemporals.DATE_COLUMN)) {
            // a date becomes the start of its day (UTC)
            return CapturedTemporals.date(literal).toEpochDay() * 86_400_000_000L;
        }
        if (CapturedTemporals.TIME_COLUMNS.contains(column)) {
            return CapturedTemporals.time(literal).toNanoOfDay() / 1_000L;
        }
        Instant instant = CapturedTemporals.instant(literal);
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000L;
    }

    /** {@code 2024-03-01 10:15:30.1} as {@code 2024-03-01 10:15:30.100000}. */
    private static String sixDigits(String literal) {
        String[] parts = literal.split("\\.");
        String fraction = parts.length == 1 ? "" : parts[1];
        return parts[0] + "." + (fraction + "000000").substring(0, 6);
    }

    private static List<String> instantColumns() {
        List<String> columns = new ArrayList<>(CapturedTemporals.DATETIME_COLUMNS);
        columns.addAll(CapturedTemporals.TIMESTAMP_COLUMNS);
        return List.copyOf(columns);
    }

    private static SourceRecord convert(Map<String, String> config, SourceRecord record) {
        try (ConvertTimestamps<SourceRecord> transform = new ConvertTimestamps.Value<>()) {
            transform.configure(config);
            return transform.apply(record);
        }
    }
}
