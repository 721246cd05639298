package io.cdcsuite.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks with {@code ldd} that a native binary's shared libraries resolve, naming the package that provides them. */
final class SharedLibraries {
    private SharedLibraries() {
    }

    static void requireResolved(Path binary, Map<String, String> installHints) {
        String report;
        try {
            Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
            report = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ldd.waitFor();
        } catch (IOException e) {
            return; // no ldd: let the server's own error speak
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String line : report.split("\n")) {
            if (line.contains("not found")) {
                String library = line.trim().split("\\s+")[0];
                String hint = installHints.get(library);
                missing.add(hint == null ? library : library + " (" + hint + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new StackException(binary.getFileName() + " cannot start: shared libraries missing: "
                    + String.join("; ", missing));
        }
    }
}
