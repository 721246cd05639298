package io.cdcsuite.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workers' plugin.path: by default the folder the build assembled; for tests, links to the plugin directories
 * they name (the packaged zips, unpacked) next to Debezium's.
 */
final class PluginPath {
    private PluginPath() {
    }

    static Path resolve(StackLayout layout, Path stackDir, List<Path> suitePlugins) {
        if (suitePlugins.isEmpty()) {
            return layout.pluginPath();
        }
        Path pluginPath = stackDir.resolve("plugins");
        try {
            Files.createDirectories(pluginPath);
            for (Path plugin : suitePlugins) {
                link(pluginPath.resolve(plugin.getFileName()), plugin);
            }
            Path debezium = layout.debeziumPlugin();
            link(pluginPath.resolve(debezium.getFileName()), debezium);
            return pluginPath;
        } catch (IOException e) {
            throw new UncheckedIOException("assembling plugin.path " + pluginPath, e);
        }
    }

    /** A digest of every file's path and content under the plugin.path (links followed; unpacking changes mtimes). */
    static String fingerprint(Path pluginPath) {
        try (Stream<Path> files = Files.walk(pluginPath, FileVisitOption.FOLLOW_LINKS)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update((pluginPath.relativize(file) + "\n").getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("reading plugin.path " + pluginPath, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void link(Path link, Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            throw new StackException("plugin directory " + target + " does not exist: build the project first");
        }
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, target.toAbsolutePath());
    }
}
