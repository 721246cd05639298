package io.cdcsuite.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads the plugin zips the build produced, as unpacked into {@code target/plugins}. */
public final class PackagedPlugins {
    public static final List<String> MODULES =
            List.of("connect-source-timestamp", "connect-smt-transforms", "connect-sink-cassandra");

    private PackagedPlugins() {
    }

    public static Path dir(String module) {
        return Path.of(System.getProperty("cdc.plugins.dir", "target/plugins")).resolve(module);
    }

    /** The suite module's own jar inside a plugin's lib/. */
    public static Path moduleJar(String module) throws IOException {
        try (Stream<Path> jars = Files.list(dir(module).resolve("lib"))) {
            return jars.filter(jar -> jar.getFileName().toString().startsWith(module + "-"))
                    .findFirst().orElseThrow(() -> new IOException("no " + module + " jar in " + dir(module)));
        }
    }

    /** Every class named in the META-INF/services files of a suite plugin's jar. */
    public static List<String> serviceClasses(String module) throws IOException {
        List<String> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(moduleJar(module).toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                if (entry.getName().startsWith("META-INF/services/") && !entry.isDirectory()) {
                    classes.addAll(serviceEntries(jar, entry));
                }
            }
        }
        return classes;
    }

    private static List<String> serviceEntries(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceAll("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        }
    }
}
