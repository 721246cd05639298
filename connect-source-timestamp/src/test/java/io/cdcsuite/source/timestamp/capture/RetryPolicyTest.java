package io.cdcsuite.source.timestamp.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    /** A clock tests move by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2024-05-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void backoffDoublesUpToThirtySecondsThenGivesUpAfterTheTimeout() {
        ManualClock clock = new ManualClock();
        RetryPolicy retry = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(2), clock);

        assertThat(retry.onFailure()).contains(Duration.ofSeconds(1));
        assertThat(retry.onFailure()).contains(Duration.ofSeconds(2));
        assertThat(retry.onFailure()).contains(Duration.ofSeconds(4));
        for (int i = 0; i < 5; i++) {
            retry.onFailure();
        }
        assertThat(retry.onFailure()).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofMinutes(2));
        assertThat(retry.onFailure()).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(1));
        assertThat(retry.onFailure()).isEmpty();
        assertThat(retry.failingFor()).isEqualTo(Duration.ofSeconds(121));
    }

    @Test
    void aSuccessStartsOver() {
        ManualClock clock = new ManualClock();
        RetryPolicy retry = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(10), clock);
        retry.onFailure();
        retry.onFailure();
        clock.advance(Duration.ofSeconds(20));

        retry.onSuccess();

        assertThat(retry.onFailure()).contains(Duration.ofMillis(500));
        assertThat(retry.failingFor()).isZero();
    }
}
