package io.cdcsuite.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkLocatorTest {
    @Test
    void readsTheMajorVersionFromTheReleaseFile(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.createFile(home.resolve("bin/java"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"11.0.24\"\n");

        assertThat(JdkLocator.majorVersion(home)).contains(11);
    }

    @Test
    void ignoresFoldersWithoutAJavaBinary(@TempDir Path home) throws IOException {
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");

        assertThat(JdkLocator.majorVersion(home)).isEmpty();
    }

    @Test
    void findsAJdkCassandraRunsOn() {
        Path java = JdkLocator.javaForCassandra();

        assertThat(JdkLocator.majorVersion(java.getParent().getParent())).hasValueSatisfying(
                version -> assertThat(version).isIn(11, 17));
    }
}
