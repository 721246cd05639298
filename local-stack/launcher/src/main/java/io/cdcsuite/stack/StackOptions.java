package io.cdcsuite.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * What to start. {@code reuse} keeps the stack running after the JVM exits and attaches to it on the next start
 * (state in {@code <project>/.stack/}), so a developer pays the start-up once across many test runs.
 *
 * @param pluginDirs our plugin directories for plugin.path; empty means the ones the build packaged
 */
public record StackOptions(boolean reuse, int connectWorkers, boolean cassandra, List<Path> pluginDirs) {
    public static final String REUSE_PROPERTY = "stack.reuse";

    public static StackOptions defaults() {
        return new StackOptions(Boolean.getBoolean(REUSE_PROPERTY), 1, true, List.of());
    }

    public StackOptions withPluginDirs(List<Path> dirs) {
        return new StackOptions(reuse, connectWorkers, cassandra, List.copyOf(dirs));
    }

    public StackOptions withReuse(boolean reuseStack) {
        return new StackOptions(reuseStack, connectWorkers, cassandra, pluginDirs);
    }
}
