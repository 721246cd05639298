package io.cdcsuite.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a committed, generated config reference in step with its ConfigDef. Plugin modules call
 * {@link #assertCurrent} from a test; {@code -Dconfig.docs.update=true} rewrites the file instead.
 */
public final class ConfigDocFile {
    public static final String UPDATE_PROPERTY = "config.docs.update";

    private ConfigDocFile() {
    }

    /** The committed reference of a plugin: {@code docs/config/<artifactId>.md} at the project root. */
    public static Path forPlugin(String artifactId) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".mvn"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Project root (the folder holding .mvn/) not found above "
                    + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs").resolve("config").resolve(artifactId + ".md");
    }

    public static void assertCurrent(Path file, String rendered) {
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, rendered, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("generated config reference %s (regenerate with -D%s=true)", file, UPDATE_PROPERTY)
                    .exists();
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("%s is stale: regenerate it with ./mvnw test -D%s=true", file, UPDATE_PROPERTY)
                    .isEqualTo(rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
