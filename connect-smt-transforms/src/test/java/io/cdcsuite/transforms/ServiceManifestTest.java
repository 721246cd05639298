package io.cdcsuite.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.Test;

/** With plugin.discovery=service_load the worker sees only what META-INF/services lists: every plugin must be there. */
class ServiceManifestTest {

    @Test
    void listsEveryTransformation() throws Exception {
        assertThat(listed(Transformation.class)).containsExactlyInAnyOrderElementsOf(implementations(Transformation.class));
    }

    @Test
    void listsEveryPredicate() throws Exception {
        assertThat(listed(Predicate.class)).containsExactlyInAnyOrderElementsOf(implementations(Predicate.class));
    }

    private static List<String> listed(Class<?> service) throws IOException {
        try (InputStream in = Unwrap.class.getResourceAsStream("/META-INF/services/" + service.getName())) {
            assertThat(in).as("service file of %s", service.getName()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    /** The public, concrete, instantiable implementations compiled into the plugin's main classes. */
    private static List<String> implementations(Class<?> service) throws IOException, URISyntaxException {
        Path classes = Path.of(Unwrap.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(ServiceManifestTest::load)
                    .filter(type -> service.isAssignableFrom(type) && Modifier.isPublic(type.getModifiers())
                            && !Modifier.isAbstract(type.getModifiers()))
                    .map(Class::getName)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ServiceManifestTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
