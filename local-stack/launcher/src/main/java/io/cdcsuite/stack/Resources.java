package io.cdcsuite.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes the launcher's config templates ({@code @name@} placeholders) into a server's folder. */
final class Resources {
    private Resources() {
    }

    static Path render(String resource, Path target, Map<String, Object> values) {
        try (InputStream in = Resources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("launcher resource " + resource + " missing");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                text = text.replace("@" + entry.getKey() + "@", String.valueOf(entry.getValue()));
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, text, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target, e);
        }
    }
}
