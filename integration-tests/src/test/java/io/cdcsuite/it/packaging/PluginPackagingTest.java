package io.cdcsuite.it.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cdcsuite.it.support.PackagedPlugins;
import io.cdcsuite.stack.StackLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each plugin zip, as users drop it into plugin.path: a manifest.json, its jars in lib/ exactly as listed in the
 * module's checked-in plugin-dependencies.txt (so no dependency slips in unseen), nothing the Connect runtime
 * provides, its config reference in doc/, and a service manifest for every plugin class.
 */
class PluginPackagingTest {
    private static final List<String> MODULES = PackagedPlugins.MODULES;
    private static final List<String> RUNTIME_PROVIDED = List.of("kafka-clients-", "connect-api-", "connect-runtime-",
            "connect-json-", "connect-transforms-", "slf4j-", "log4j-", "reload4j-");

    @ParameterizedTest
    @FieldSource("MODULES")
    void libHoldsExactlyTheCheckedInDependencies(String module) throws IOException {
        Path listFile = StackLayout.locate().projectDir().resolve(module).resolve("plugin-dependencies.txt");
        List<String> expected = Files.readAllLines(listFile).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();

        assertThat(jarNames(module))
                .as("%s/lib vs %s (update the list when a dependency change is intended)", module, listFile)
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @FieldSource("MODULES")
    void excludesJarsTheConnectRuntimeProvides(String module) throws IOException {
        for (String jar : jarNames(module)) {
            assertThat(RUNTIME_PROVIDED).noneMatch(jar::startsWith);
        }
    }

    @ParameterizedTest
    @FieldSource("MODULES")
    void hasManifestDocsAndServiceEntries(String module) throws IOException {
        Path dir = PackagedPlugins.dir(module);
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(manifest.path("name").asText()).isEqualTo(module);
        assertThat(manifest.path("version").asText()).isNotBlank().doesNotContain("${");
        assertThat(manifest.path("component_types")).isNotEmpty();
        assertThat(dir.resolve("doc").resolve(module + ".md")).isRegularFile();
        assertThat(PackagedPlugins.serviceClasses(module)).isNotEmpty();
    }

    private static List<String> jarNames(String module) throws IOException {
        try (Stream<Path> jars = Files.list(PackagedPlugins.dir(module).resolve("lib"))) {
            return jars.map(jar -> jar.getFileName().toString()).sorted().toList();
        }
    }
}
