package io.cdcsuite.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A tiny shell process that outlives this JVM: when the JVM is gone (even by {@code kill -9}, which skips
 * shutdown hooks) it stops every server whose PID file is still in the stack's pid folder.
 */
final class OrphanWatchdog {
    private OrphanWatchdog() {
    }

    static void start(Path pidDir, Path log) {
        String script = """
                jvm=%d; pids=%s
                while kill -0 "$jvm" 2>/dev/null; do sleep 1; done
                orphans=0
                for f in "$pids"/*.pid; do [ -f "$f" ] && kill -TERM "$(cat "$f")" 2>/dev/null && orphans=1 && echo "TERM $f"; done
                [ "$orphans" = 0 ] && exit 0
                sleep 20
                for f in "$pids"/*.pid; do [ -f "$f" ] && kill -KILL "$(cat "$f")" 2>/dev/null && echo "KILL $f"; done
                exit 0
                """.formatted(ProcessHandle.current().pid(), shellQuote(pidDir.toString()));
        try {
            new ProcessBuilder(List.of("sh", "-c", script))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new StackException("could not start the orphan watchdog (sh): " + e.getMessage(), e);
        }
    }

    private static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
