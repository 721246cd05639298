package io.cdcsuite.source.timestamp.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RawKindTest {

    @Test
    void keyValuesSurviveTheOffsetStoreAsNumbersOrStrings() {
        Map<RawKind, Object> samples = Map.of(
                RawKind.LONG, -42L,
                RawKind.UNSIGNED_BIGINT, new BigDecimal("18446744073709551615"),
                RawKind.DECIMAL, new BigDecimal("10.50"),
                RawKind.STRING, "ä'`b",
                RawKind.DATE, LocalDate.of(2024, 5, 1),
                RawKind.DATETIME, LocalDateTime.of(2024, 5, 1, 10, 0, 0, 1_000),
                RawKind.TIME, Duration.parse("-PT838H59M59.000001S"),
                RawKind.YEAR, 2024);
        samples.forEach((kind, raw) -> {
            Object stored = kind.toOffsetValue(raw);
            assertThat(stored).as(kind.name()).isInstanceOfAny(Long.class, String.class);
            assertThat(kind.fromOffsetValue(stored)).as(kind.name()).isEqualTo(raw);
            assertThat(kind.keyable()).isTrue();
        });
        byte[] bytes = {0, -1, 127};
        assertThat((byte[]) RawKind.BYTES.fromOffsetValue(RawKind.BYTES.toOffsetValue(bytes))).containsExactly(bytes);
    }

    @Test
    void numbersComeBackFromJsonInAnyWidth() {
        assertThat(RawKind.LONG.fromOffsetValue(42)).isEqualTo(42L);
        assertThat(RawKind.YEAR.fromOffsetValue(2024L)).isEqualTo(2024);
        assertThatThrownBy(() -> RawKind.STRING.fromOffsetValue(42)).hasMessageContaining("expected a string");
        assertThatThrownBy(() -> RawKind.DOUBLE.fromOffsetValue(1.0)).hasMessageContaining("cannot be part of a position");
    }

    @Test
    void timeParametersAreMySqlLiterals() {
        assertThat(RawKind.TIME.toParameter(Duration.parse("-PT1H2M3.5S"))).isEqualTo("-1:02:03.500000");
        assertThat(RawKind.TIME.toParameter(Duration.ofHours(838))).isEqualTo("838:00:00.000000");
        assertThat(Temporals.parseTime("-00:30:00")).isEqualTo(Duration.ofMinutes(-30));
        assertThat(Temporals.parseTime("10:00:00.5")).isEqualTo(Duration.parse("PT10H0.5S"));
    }
}
