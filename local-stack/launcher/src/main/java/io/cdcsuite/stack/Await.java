package io.cdcsuite.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Polls a health check until it passes, failing early with the log tail when the process has died. */
final class Await {
    private Await() {
    }

    static void healthy(ManagedProcess process, Duration timeout, Callable<Boolean> check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new StackException(process.name() + " exited during start-up; see " + process.logFile()
                        + "\n" + process.logTail(40));
            }
            try {
                if (Boolean.TRUE.equals(check.call())) {
                    return;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new StackException(process.name() + " was not healthy within " + timeout.toSeconds() + " s"
                + (lastFailure == null ? "" : " (last check: " + lastFailure + ")") + "; see " + process.logFile()
                + "\n" + process.logTail(40));
    }

    /** A cheap probe before a client's health check, whose own retries would fill the log while the port is closed. */
    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting", e);
        }
    }
}
