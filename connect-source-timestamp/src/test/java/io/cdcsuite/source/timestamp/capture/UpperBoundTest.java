package io.cdcsuite.source.timestamp.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class UpperBoundTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2024, 5, 1, 10, 0, 0, 734_512_000);

    @Test
    void theBoundIsTheStartOfTheCurrentTickOfTheColumnsPrecision() {
        assertThat(UpperBound.exclusive(NOW, Duration.ZERO, 0)).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 0, 0));
        assertThat(UpperBound.exclusive(NOW, Duration.ZERO, 1)).isEqualTo(NOW.withNano(700_000_000));
        assertThat(UpperBound.exclusive(NOW, Duration.ZERO, 3)).isEqualTo(NOW.withNano(734_000_000));
        assertThat(UpperBound.exclusive(NOW, Duration.ZERO, 6)).isEqualTo(NOW);
    }

    @Test
    void theLagIsSubtractedBeforeFlooring() {
        assertThat(UpperBound.exclusive(NOW, Duration.ofMillis(1_500), 3))
                .isEqualTo(LocalDateTime.of(2024, 5, 1, 9, 59, 59, 234_000_000));
        assertThat(UpperBound.exclusive(NOW, Duration.ofMillis(800), 0)).isEqualTo(LocalDateTime.of(2024, 5, 1, 9, 59, 59));
    }

    @Test
    void atTheVeryStartOfASecondThatSecondIsStillUnread() {
        LocalDateTime onTheSecond = LocalDateTime.of(2024, 5, 1, 10, 0, 1);
        // exclusive: rows of 10:00:01 are not read while 10:00:01 is running
        assertThat(UpperBound.exclusive(onTheSecond, Duration.ZERO, 0)).isEqualTo(onTheSecond);
        assertThatThrownBy(() -> UpperBound.exclusive(NOW, Duration.ZERO, 7)).hasMessageContaining("0 to 6");
    }
}
