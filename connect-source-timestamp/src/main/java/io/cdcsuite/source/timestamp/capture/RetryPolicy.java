package io.cdcsuite.source.timestamp.capture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff for database failures (the first wait doubling per failure, up to 30 s), giving up once
 * failures have lasted longer than the timeout. A success resets it.
 */
public final class RetryPolicy {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Duration initialBackoff;
    private final Duration timeout;
    private final Clock clock;
    private Instant firstFailure;
    private int failures;

    public RetryPolicy(Duration initialBackoff, Duration timeout, Clock clock) {
        this.initialBackoff = initialBackoff;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** The wait before the next attempt, or empty when the failures have outlasted the timeout. */
    public Optional<Duration> onFailure() {
        Instant now = clock.instant();
        if (firstFailure == null) {
            firstFailure = now;
        }
        failures++;
        if (Duration.between(firstFailure, now).compareTo(timeout) > 0) {
            return Optional.empty();
        }
        Duration backoff = initialBackoff;
        for (int i = 1; i < failures && backoff.compareTo(MAX_BACKOFF) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return Optional.of(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    }

    public void onSuccess() {
        firstFailure = null;
        failures = 0;
    }

    /** How long the current run of failures has lasted. */
    public Duration failingFor() {
        return firstFailure == null ? Duration.ZERO : Duration.between(firstFailure, clock.instant());
    }
}
