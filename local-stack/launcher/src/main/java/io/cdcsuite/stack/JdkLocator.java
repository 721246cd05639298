package io.cdcsuite.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that Cassandra 5.0 runs on (11 or 17): {@code -Dcassandra.java.home}, {@code CASSANDRA_JAVA_HOME},
 * the JDK running this launcher, {@code JAVA_HOME}, then the usual install folders.
 */
public final class JdkLocator {
    public static final String PROPERTY = "cassandra.java.home";
    private static final List<Integer> SUPPORTED = List.of(17, 11);
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JdkLocator() {
    }

    public static Path javaForCassandra() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty(PROPERTY)).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("CASSANDRA_JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        for (String root : List.of("/usr/lib/jvm", "/opt/java", "/Library/Java/JavaVirtualMachines")) {
            try (Stream<Path> dirs = Files.list(Path.of(root))) {
                dirs.sorted().forEach(dir -> {
                    candidates.add(dir);
                    candidates.add(dir.resolve("Contents/Home"));
                });
            } catch (IOException e) {
                // folder absent on this OS
            }
        }
        List<String> rejected = new ArrayList<>();
        for (int wanted : SUPPORTED) {
            for (Path home : candidates) {
                Optional<Integer> version = majorVersion(home);
                if (version.isPresent() && version.get() == wanted) {
                    return home.resolve("bin/java");
                }
                version.ifPresent(v -> rejected.add(home + " (Java " + v + ")"));
            }
        }
        throw new StackException("Cassandra 5.0 needs a JDK 11 or 17 and none was found. Looked at: "
                + String.join(", ", rejected.stream().distinct().toList())
                + ". Install one (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless) or point -D" + PROPERTY
                + " / CASSANDRA_JAVA_HOME at it.");
    }

    static Optional<Integer> majorVersion(Path home) {
        if (!Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try {
            Matcher matcher = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
