package io.cdcsuite.transforms.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IsoTimestampParserTest {

    @Test
    void readsWhatJavaTimeReadsForEveryFractionWidthAndOffset() {
        Random random = new Random(20240301L);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L),
                    random.nextInt(1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(-18 * 4, 18 * 4 + 1)) * 15 * 60);
            int width = random.nextInt(10);
            String text = formatter(width).format(instant.atOffset(offset));

            OffsetDateTime expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            assertThat(IsoTimestampParser.epochMicros(text)).as(text)
                    .isEqualTo(expected.toEpochSecond() * 1_000_000L + expected.getNano() / 1_000);
        }
    }

    @Test
    void leavesOtherFormsToJavaTime() {
        assertThat(IsoTimestampParser.epochMicros("+12024-03-01T10:15:30Z"))
                .isEqualTo(OffsetDateTime.parse("+12024-03-01T10:15:30Z").toEpochSecond() * 1_000_000L);
        assertThat(IsoTimestampParser.epochMicros("2024-03-01T10:15Z")).isEqualTo(1_709_288_100_000_000L);
        assertThat(IsoTimestampParser.epochMicros("2024-03-01T11:15:30+01:00:00")).isEqualTo(1_709_288_130_000_000L);
        for (String bad : new String[] {"2024-02-30T10:15:30Z", "2024-03-01T24:00:00Z", "2024-03-01T10:15:30",
                "2024-03-01T10:15:30.1234567890Z", "2024-03-01 10:15:30Z", "yesterday"}) {
            assertThatThrownBy(() -> IsoTimestampParser.epochMicros(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    private static DateTimeFormatter formatter(int fractionDigits) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss");
        if (fractionDigits > 0) {
            builder.appendFraction(ChronoField.NANO_OF_SECOND, fractionDigits, fractionDigits, true);
        }
        return builder.appendOffsetId().toFormatter();
    }
}
