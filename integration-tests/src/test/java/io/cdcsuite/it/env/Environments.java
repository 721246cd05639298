package io.cdcsuite.it.env;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.testcontainers.DockerClientFactory;

/**
 * Picks the environment from {@code -Dit.environment}: {@code local}, {@code testcontainers}, or {@code auto}
 * (the default: Testcontainers when a Docker engine answers, local processes otherwise).
 */
final class Environments {
    static final String PROPERTY = "it.environment";
    static final String PLUGINS_PROPERTY = "cdc.plugins.dir";

    private Environments() {
    }

    static TestEnvironment create() {
        String choice = System.getProperty(PROPERTY, "auto").trim();
        List<Path> plugins = packagedPlugins();
        return switch (choice) {
            case "local" -> new LocalProcessEnvironment(plugins);
            case "testcontainers" -> new TestcontainersEnvironment(plugins);
            case "auto", "" -> dockerAvailable() ? new TestcontainersEnvironment(plugins)
                    : new LocalProcessEnvironment(plugins);
            default -> throw new IllegalArgumentException(PROPERTY + " must be auto, local or testcontainers, not '"
                    + choice + "'");
        };
    }

    /** The plugin directories unpacked from the plugin zips the build produced (target/plugins/<artifactId>). */
    static List<Path> packagedPlugins() {
        Path dir = Path.of(System.getProperty(PLUGINS_PROPERTY, "target/plugins"));
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> plugins = entries.filter(Files::isDirectory).sorted().toList();
            if (plugins.isEmpty()) {
                throw new IllegalStateException("no plugins unpacked in " + dir + ": run through Maven (verify)");
            }
            return plugins;
        } catch (IOException e) {
            throw new UncheckedIOException("plugin folder " + dir + " unreadable: run through Maven (verify)", e);
        }
    }

    /** Asks Testcontainers only where a Docker engine could be: otherwise it logs a page of errors. */
    private static boolean dockerAvailable() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker/run/docker.sock"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
