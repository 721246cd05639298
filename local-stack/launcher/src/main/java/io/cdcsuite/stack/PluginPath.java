package io.cdcsuite.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds the workers' plugin.path: links to our packaged plugin directories and to the Debezium MySQL plugin. */
final class PluginPath {
    static final String DEBEZIUM_PLUGIN = "debezium-connector-mysql";

    private PluginPath() {
    }

    static void assemble(StackLayout layout, Path pluginPath, List<Path> suitePlugins) {
        try {
            Files.createDirectories(pluginPath);
            for (Path plugin : suitePlugins) {
                link(pluginPath.resolve(plugin.getFileName()), plugin);
            }
            link(pluginPath.resolve(DEBEZIUM_PLUGIN), unpackDebezium(layout));
        } catch (IOException e) {
            throw new UncheckedIOException("assembling plugin.path " + pluginPath, e);
        }
    }

    private static void link(Path link, Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            throw new StackException("plugin directory " + target + " does not exist: build the project first");
        }
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target.toAbsolutePath());
    }

    /** Unpacked with tar, which (unlike some Java archivers) leaves no PaxHeaders folders behind. */
    private static Path unpackDebezium(StackLayout layout) throws IOException {
        Path target = layout.unpackedRuntimes().resolve("debezium");
        Path plugin = target.resolve(DEBEZIUM_PLUGIN);
        if (Files.isDirectory(plugin)) {
            return plugin;
        }
        Path staging = Files.createDirectories(target.resolveSibling("debezium.staging"));
        ManagedProcess.runToCompletion("debezium unpack",
                List.of("tar", "xzf", layout.debeziumPluginArchive().toString()), staging,
                staging.resolveSibling("debezium-unpack.log"), Map.of(), Duration.ofMinutes(2));
        Files.move(staging, target);
        return plugin;
    }
}
