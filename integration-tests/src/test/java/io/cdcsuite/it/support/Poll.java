package io.cdcsuite.it.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded polling: reads a value every second until it satisfies a condition, or fails showing the last one read. */
public final class Poll {
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private Poll() {
    }

    /** The first value read that satisfies {@code done}; an AssertionError naming {@code what} on timeout. */
    public static <T> T until(String what, Duration timeout, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = read.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not reached within " + timeout.toSeconds() + " s; last: " + value);
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
