package io.cdcsuite.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds a {@code java} command line for a server whose classpath is one folder of jars. */
final class JavaCommand {
    private final List<String> command = new ArrayList<>();

    JavaCommand(Path java) {
        command.add(java.toString());
    }

    static JavaCommand currentJdk() {
        return new JavaCommand(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    JavaCommand heap(String size) {
        command.add("-Xms" + size);
        command.add("-Xmx" + size);
        return this;
    }

    JavaCommand option(String option) {
        command.add(option);
        return this;
    }

    JavaCommand options(List<String> options) {
        command.addAll(options);
        return this;
    }

    JavaCommand property(String name, Object value) {
        command.add("-D" + name + "=" + value);
        return this;
    }

    List<String> main(Path libDir, String mainClass, String... args) {
        command.add("-cp");
        command.add(libDir.resolve("*").toString());
        command.add(mainClass);
        command.addAll(List.of(args));
        return List.copyOf(command);
    }
}
