package io.cdcsuite.sink.cassandra.cql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {
    /** What the sink did before the hand-written reader, and still does for other shapes. */
    private static Instant byFormatter(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                LocalDateTime::from);
        return parsed instanceof OffsetDateTime offset ? offset.toInstant()
                : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    @Test
    void readsRandomUtcInstantsOfEveryPrecisionLikeTheFormatter() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            String seconds19 = DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)).substring(0, 19);
            int digits = random.nextInt(10);
            String fraction = digits == 0 ? "" : "." + String.format("%09d", random.nextInt(1_000_000_000)).substring(0, digits);
            String text = seconds19 + fraction + "Z";
            assertEquals(byFormatter(text), IsoInstants.parse(text), text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.1Z",
            "2024-05-01T10:15:30+02:00", "2024-05-01T10:15:30.5-07:30", "2024-05-01T10:15:30", "2024-05-01T10:15Z",
            "2024-05-01T10:15:30.123456", "+12024-05-01T10:15:30Z", "2024-05-01T10:15:30.Z"})
    void readsOtherShapesLikeTheFormatter(String text) {
        Instant expected;
        try {
            expected = byFormatter(text);
        } catch (DateTimeException e) {
            assertThrows(DateTimeException.class, () -> IsoInstants.parse(text), text);
            return;
        }
        assertEquals(expected, IsoInstants.parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-04-31T00:00:00Z",
            "2024-05-01T24:00:00Z", "2024-05-01T10:60:00Z", "2024-05-01T10:15:60Z", "2024-05-01T10:15:30.1234567890Z",
            "2024-05-01T1a:15:30Z", "2024-05-01 10:15:30Z", "not a time at all"})
    void refusesWhatTheFormatterRefuses(String text) {
        assertThrows(DateTimeException.class, () -> byFormatter(text), text);
        assertThrows(DateTimeException.class, () -> IsoInstants.parse(text), text);
    }
}
